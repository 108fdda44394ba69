import fs from 'node:fs';
import path from 'node:path';
import type { FactStatement } from './checker.js';
import { FileWriter } from './file-writer.js';
import type { SeedIssue } from './types.js';

/**
 * The cross-file bookkeeping of the bulk validator, kept on disk so memory stays flat: every fact
 * statement is appended to one of PARTITIONS files chosen by a hash of its id, and each partition
 * is then checked alone. Statements of one fact land in the same partition in file order, so each
 * later statement is compared with the first exactly as over all statements at once; the
 * partitions also give the distinct fact count recorded with the loaded version, and the facts
 * stated more than once (whose evidence count the loader settles at the end).
 *
 * Quotes are counted in memory, one unit (an entity item, a facts file) at a time: a quote's id
 * hashes what it supports and its document, so in a valid seed the same id can only come back
 * inside one unit (entity ids are unique, a fact's id holds "--" which no entity id does, and
 * each document has one facts file). A seed where that does not hold is invalid anyway, and its
 * counts are never used.
 */

const PARTITIONS = 64;
const LF = 0x0a;
const TAB = 0x09;

function partitionOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % PARTITIONS;
}

export class FactLedger {
  private readonly writers: FileWriter[];
  statements = 0;
  /** Quote ids handed over, those of the current unit, and those handed over again. */
  private quotes = 0;
  private readonly unitQuotes = new Set<string>();
  private readonly repeatedQuotes = new Set<string>();
  private repeats = 0;

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

  /**
   * Records one statement of a fact, made in files[file]. Its signature is JSON without tabs or
   * line breaks, written as it is: shorter than a hash of it, and compared exactly.
   */
  fact(statement: FactStatement, file: number): void {
    this.writers[partitionOf(statement.id)]!.write(
      `${statement.id}\t${statement.signature}\t${file}\t${statement.index}\n`,
    );
    this.statements++;
  }

  private readBuffer = Buffer.alloc(0);

  /** A partition's bytes, in a buffer reused for every partition (valid until the next read). */
  private readPartition(file: string): Buffer {
    const size = fs.statSync(file).size;
    if (size > this.readBuffer.length) this.readBuffer = Buffer.allocUnsafe(size);
    const fd = fs.openSync(file, 'r');
    try {
      let done = 0;
      while (done < size) {
        const n = fs.readSync(fd, this.readBuffer, done, size - done, done);
        if (n === 0) break;
        done += n;
      }
      return this.readBuffer.subarray(0, done);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Starts a unit whose quotes are counted together (see above). */
  unit(): void {
    this.unitQuotes.clear();
  }

  evidence(id: string): void {
    this.quotes++;
    if (!this.unitQuotes.has(id)) {
      this.unitQuotes.add(id);
      return;
    }
    this.repeats++;
    this.repeatedQuotes.add(id);
  }

  /**
   * Checks every partition; reports each later statement of a fact that disagrees with the first
   * (locating them through `locate`, which re-reads the file: only disagreements pay for
   * positions) and returns the distinct facts and evidence.
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
    const restated: { id: string; type: string }[] = [];
    for (const writer of this.writers) writer.close();
    for (const writer of this.writers) {
      // The partition is read into one buffer and only each line's id becomes a string (its
      // UTF-8 bytes as Latin-1: ids and signatures compare the same as bytes; an id is decoded
      // when it is kept). A string of the whole partition, a few MB each time, is what the peak
      // RSS of a scale-10 run was reached with.
      const bytes = this.readPartition(writer.file);
      // Each fact's first statement, as the offset of its line (the rest is parsed on a repeat).
      const first = new Map<string, number>();
      const again = new Set<string>();
      for (let at = 0; at < bytes.length;) {
        const end = bytes.indexOf(LF, at);
        const id = bytes.toString('latin1', at, bytes.indexOf(TAB, at));
        const held = first.get(id);
        if (held === undefined) first.set(id, at);
        else {
          again.add(id);
          const s = statementAt(bytes, at, this.files);
          const existing = statementAt(bytes, held, this.files);
          if (existing.signature !== s.signature) {
            report({
              file: s.file,
              ...locate(s.file, s.index),
              message: `the same ${s.type} fact ${s.from} → ${s.to} is stated with other qualifiers at ${existing.file}:${locate(existing.file, existing.index).line}; give one of them a distinct "key" or make them agree`,
            });
          }
        }
        at = end + 1;
      }
      facts += first.size;
      for (const id of again) {
        const decoded = Buffer.from(id, 'latin1').toString('utf8');
        restated.push({ id: decoded, type: typeOf(decoded) });
      }
      fs.rmSync(writer.file, { force: true });
    }
    return {
      facts,
      evidence: this.quotes - this.repeats,
      restated,
      repeatedEvidence: [...this.repeatedQuotes],
    };
  }
}

/** Fact ids are from--type--to[--key], and slugs never hold "--". */
function typeOf(id: string): string {
  return id.split('--')[1]!.toUpperCase().replace(/-/g, '_');
}

/** The statement written on the ledger line starting at `at`. */
function statementAt(bytes: Buffer, at: number, files: readonly string[]): FactStatement {
  const line = bytes.toString('utf8', at, bytes.indexOf(LF, at));
  const [id, signature, file, index] = line.split('\t');
  const [from, , to] = id!.split('--');
  return {
    id: id!,
    from: from!,
    type: typeOf(id!),
    to: to!,
    signature: signature!,
    file: files[Number(file)]!,
    index: Number(index),
  };
}
