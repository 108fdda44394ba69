import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkFactStatements, detached, type FactStatement } from './checker.js';
import { FileWriter } from './file-writer.js';
import type { SeedIssue } from './types.js';

/**
 * The cross-file bookkeeping of the bulk validator, kept on disk so memory stays flat: every fact
 * statement and evidence id is appended to one of PARTITIONS files chosen by a hash of its id, and
 * each partition is then checked alone. Statements of one fact land in the same partition in file
 * order, so checkFactStatements (the same check readSeeds runs over all statements at once) sees
 * exactly what it would see in memory; the partitions also give the distinct fact and evidence
 * counts recorded with the loaded version, and the facts stated more than once (whose evidence
 * count the loader settles at the end).
 */

const PARTITIONS = 64;

function partitionOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % PARTITIONS;
}

export class FactLedger {
  private readonly writers: FileWriter[];
  statements = 0;

  /** @param files the facts files as shown in messages, by the index `fact` is given */
  constructor(
    private readonly dir: string,
    private readonly files: readonly string[],
  ) {
    this.writers = Array.from(
      { length: PARTITIONS },
      (_, i) => new FileWriter(path.join(dir, `ledger-${i}.tsv`), 64 * 1024),
    );
  }

  /** Records one statement of a fact (its qualifiers reduced to a hash), made in files[file]. */
  fact(statement: FactStatement, file: number): void {
    const signature = crypto.hash('sha1', statement.signature, 'base64').slice(0, 16);
    this.writers[partitionOf(statement.id)]!.write(
      `F\t${statement.id}\t${signature}\t${file}\t${statement.index}\n`,
    );
    this.statements++;
  }

  evidence(id: string): void {
    this.writers[partitionOf(id)]!.write(`E\t${id}\n`);
  }

  /**
   * Checks every partition; reports statements of one fact that disagree (locating them through
   * `locate`, which re-reads the file: only disagreements pay for positions) and returns the
   * distinct facts and evidence.
   */
  finish(
    locate: (file: string, index: number) => { line: number; column: number },
    report: (issue: SeedIssue) => void,
  ): {
    facts: number;
    evidence: number;
    restated: { id: string; type: string }[];
    /** Evidence ids handed over more than once (a quote repeated by statements of one fact). */
    repeatedEvidence: string[];
  } {
    let facts = 0;
    let evidence = 0;
    const restated: { id: string; type: string }[] = [];
    const repeatedEvidence: string[] = [];
    for (const writer of this.writers) writer.close();
    for (const writer of this.writers) {
      const statements: FactStatement[] = [];
      const evidenceIds = new Set<string>();
      for (const line of fs.readFileSync(writer.file, 'utf8').split('\n')) {
        const [kind, id, signature, file, index] = line.split('\t');
        if (kind === 'E') {
          if (evidenceIds.has(id!)) repeatedEvidence.push(id!);
          else evidenceIds.add(id!);
        }
        if (kind !== 'F') continue;
        // Fact ids are from--type--to[--key], and slugs never hold "--".
        const [from, type, to] = id!.split('--');
        statements.push({
          id: id!,
          from: from!,
          type: type!.toUpperCase().replace(/-/g, '_'),
          to: to!,
          signature: signature!,
          file: this.files[Number(file)]!,
          index: Number(index),
        });
      }
      const checked = checkFactStatements(statements, (s) => locate(s.file, s.index), report);
      facts += checked.distinct;
      for (const s of checked.restated) restated.push({ id: detached(s.id), type: s.type });
      evidence += evidenceIds.size;
      fs.rmSync(writer.file, { force: true });
    }
    return { facts, evidence, restated, repeatedEvidence: [...new Set(repeatedEvidence)] };
  }
}
