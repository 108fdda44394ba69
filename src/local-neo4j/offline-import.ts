import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { LocalNeo4jSettings } from '../config/env.js';
import { classpath, ensureBuilt, javaExecutable, LocalNeo4jError } from './build.js';
import { JVM_OPENS } from './manager.js';
import { importingDir, lockForImport, recoverStore, swapInImport } from './store-swap.js';

/**
 * Runs Neo4j's own offline importer, `neo4j-admin database import full` (org.neo4j:neo4j-import-tool,
 * already on the launcher's classpath: the same 5.26 release as the local Neo4j), through its
 * AdminTool entry point. It writes a whole new DBMS into data.importing/ and swaps it in only
 * when the importer succeeded (see store-swap.ts); the DBMS must be stopped meanwhile.
 */

export interface OfflineImportOptions {
  /** The importer's --nodes/--relationships/--multiline-fields arguments. */
  inputArgs: string[];
  /** Where the importer's config and report go (the import files' folder). */
  workDir: string;
  /** JVM heap of the importer (default 2g) and its off-heap memory bound (default 4g). */
  heap?: string;
  offHeap?: string;
  log?: (message: string) => void;
}

/**
 * The importer's own progress, thinned: its dotted bars print a line per 5 %, of which every
 * quarter is shown (with the step's elapsed time); every other line is.
 */
function showLine(line: string): boolean {
  if (!line.trim()) return false;
  const bar = /^[-. ]+\s(\d+)%/.exec(line);
  return !bar || Number(bar[1]) % 25 === 0;
}

/** The arguments after `neo4j-admin`, for this project's import files (and any options). */
export function importCommandArgs(inputArgs: string[], options: string[] = []): string[] {
  return [
    'database',
    'import',
    'full',
    '--array-delimiter=U+001F',
    ...options,
    ...inputArgs,
    'neo4j',
  ];
}

/** Imports into a new store and swaps it in; resolves with the importer's run time. */
export async function offlineImport(
  s: LocalNeo4jSettings,
  options: OfflineImportOptions,
): Promise<{ millis: number }> {
  const log = options.log ?? (() => {});
  ensureBuilt({ log });
  const unlock = lockForImport(s);
  try {
    recoverStore(s, log);
    const home = importingDir(s);
    fs.mkdirSync(home, { recursive: true });
    fs.mkdirSync(path.join(options.workDir, 'conf'), { recursive: true });
    fs.writeFileSync(path.join(options.workDir, 'conf', 'neo4j.conf'), '');
    const started = Date.now();
    const child = spawn(
      javaExecutable(),
      [
        `-Xmx${options.heap ?? '2g'}`,
        '-XX:+UseG1GC',
        '-XX:ActiveProcessorCount=2',
        ...JVM_OPENS,
        '-cp',
        classpath(),
        'org.neo4j.cli.AdminTool',
        // Bounded for this 2-core machine: the JVM heap above, off-heap memory, two threads.
        ...importCommandArgs(options.inputArgs, [
          `--max-off-heap-memory=${options.offHeap ?? '4g'}`,
          '--threads=2',
        ]),
        `--report-file=${path.join(options.workDir, 'import.report')}`,
      ],
      {
        env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(options.workDir, 'conf') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const tail: string[] = [];
    const follow = (stream: NodeJS.ReadableStream) =>
      readline.createInterface({ input: stream }).on('line', (line) => {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        if (showLine(line)) log(`neo4j-admin: ${line.trim()}`);
      });
    follow(child.stdout);
    follow(child.stderr);
    const code = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exit) => resolve(exit ?? -1));
    });
    if (code !== 0) {
      fs.rmSync(home, { recursive: true, force: true });
      const output = tail.join('\n');
      const diskFull = /No space left on device|not enough (free )?space/i.test(output);
      throw new LocalNeo4jError(
        (diskFull
          ? 'the disk filled up during the import'
          : `neo4j-admin database import failed (exit ${code})`) +
          `; the previous database is untouched.\n${output}`,
        'IMPORT_FAILED',
      );
    }
    swapInImport(s);
    return { millis: Date.now() - started };
  } finally {
    unlock();
  }
}
