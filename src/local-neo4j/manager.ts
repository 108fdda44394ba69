import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LocalNeo4jSettings } from '../config/env.js';
import {
  classpath,
  ensureBuilt,
  javaExecutable,
  LocalNeo4jError,
  type BuildOptions,
} from './build.js';
import { importingDir, previousDir, recoverStore, storeDir } from './store-swap.js';

/**
 * Starts, watches and stops the project's own Neo4j Community process. State lives in the home
 * folder: data/ (the DBMS), neo4j.pid (who runs it, on which port) and launcher.log.
 */

interface PidRecord {
  pid: number;
  port: number;
}

export interface LocalStatus {
  running: boolean;
  pid?: number;
  uri: string;
}

// Java 17 modules the Neo4j kernel reaches into (the same list Neo4j's own scripts pass).
export const JVM_OPENS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
];

const EXIT_REASONS: Record<number, LocalNeo4jError['code']> = {
  3: 'PORT_TAKEN',
  4: 'NOT_WRITABLE',
  5: 'START_FAILED',
};

const pidFile = (s: LocalNeo4jSettings) => path.join(s.home, 'neo4j.pid');
const logFile = (s: LocalNeo4jSettings) => path.join(s.home, 'launcher.log');
export const boltUri = (port: number) => `bolt://127.0.0.1:${port}`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(s: LocalNeo4jSettings): PidRecord | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(pidFile(s), 'utf8')) as PidRecord;
    return Number.isInteger(record.pid) ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves true when something accepts TCP connections on the port. */
export function portAnswers(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function status(s: LocalNeo4jSettings): Promise<LocalStatus> {
  const record = readPid(s);
  if (record && isAlive(record.pid)) {
    return { running: true, pid: record.pid, uri: boltUri(record.port) };
  }
  return { running: false, uri: boltUri(s.port) };
}

export interface StartResult {
  uri: string;
  pid: number;
  alreadyRunning: boolean;
}

export interface StartOptions extends BuildOptions {
  timeoutMs?: number;
  /**
   * A folder of plugin jars to load, with apoc.* unrestricted. Only the benchmark uses it (APOC
   * for @neo4j/graphql, see neo4j/plugins/pom.xml); by default no plugin runs.
   */
  pluginsDir?: string;
}

/** Starts the DBMS and resolves once Bolt answers; a running instance is left as it is. */
export async function start(
  s: LocalNeo4jSettings,
  options: StartOptions = {},
): Promise<StartResult> {
  const log = options.log ?? (() => {});
  const record = readPid(s);
  if (record && isAlive(record.pid)) {
    return { uri: boltUri(record.port), pid: record.pid, alreadyRunning: true };
  }
  if (record) {
    log(`removing stale pid file of process ${record.pid}, which is gone (crash or kill)`);
    fs.rmSync(pidFile(s), { force: true });
  }
  recoverStore(s, log);
  ensureBuilt(options);
  try {
    fs.mkdirSync(s.home, { recursive: true });
  } catch (error) {
    throw new LocalNeo4jError(
      `data folder ${s.home} is not writable: ${(error as Error).message}`,
      'NOT_WRITABLE',
    );
  }
  if (await portAnswers(s.port)) {
    throw new LocalNeo4jError(
      `port ${s.port} on 127.0.0.1 is already in use by another program; ` +
        'set NEO4J_LOCAL_PORT to another port, or NEO4J_URI to use that server',
      'PORT_TAKEN',
    );
  }
  const out = fs.openSync(logFile(s), 'a');
  const child = spawn(
    javaExecutable(),
    [
      `-Xms${s.heap}`,
      `-Xmx${s.heap}`,
      '-XX:+UseG1GC',
      '-XX:ActiveProcessorCount=2',
      ...JVM_OPENS,
      '-cp',
      // Plugins go on the classpath too, as Neo4j's own scripts put them: APOC registers its
      // kernel extension through the service loader, which reads the classpath only.
      [classpath(), ...(options.pluginsDir ? [path.join(options.pluginsDir, '*')] : [])].join(
        path.delimiter,
      ),
      'org.kgraph.neo4j.LocalNeo4j',
      path.join(s.home, 'data'),
      String(s.port),
      s.pageCache,
      ...(options.pluginsDir ? [options.pluginsDir] : []),
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new LocalNeo4jError('could not start java', 'START_FAILED');
  let exitCode: number | null = null;
  child.once('exit', (code) => {
    exitCode = code ?? -1;
  });
  child.unref();
  fs.writeFileSync(pidFile(s), JSON.stringify({ pid, port: s.port } satisfies PidRecord));
  log(`starting Neo4j (pid ${pid}), waiting for Bolt on ${boltUri(s.port)}...`);

  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (exitCode !== null) {
      fs.rmSync(pidFile(s), { force: true });
      const tail = readLogTail(s);
      const code = EXIT_REASONS[exitCode] ?? 'START_FAILED';
      throw new LocalNeo4jError(`Neo4j exited during start (exit ${exitCode}):\n${tail}`, code);
    }
    if (
      fs.readFileSync(logFile(s), 'utf8').includes(`ready ${boltUri(s.port)}`) &&
      (await portAnswers(s.port))
    ) {
      return { uri: boltUri(s.port), pid, alreadyRunning: false };
    }
    await sleep(250);
  }
  await stop(s);
  throw new LocalNeo4jError(
    `Neo4j did not answer on ${boltUri(s.port)} within ${Math.round((options.timeoutMs ?? 180_000) / 1000)} s; see ${logFile(s)}`,
    'START_TIMEOUT',
  );
}

function readLogTail(s: LocalNeo4jSettings, lines = 20): string {
  try {
    return fs.readFileSync(logFile(s), 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Stops the DBMS cleanly (SIGTERM runs its shutdown hook); SIGKILL only after a long wait. */
export async function stop(s: LocalNeo4jSettings, timeoutMs = 60_000): Promise<boolean> {
  const record = readPid(s);
  if (!record) return false;
  if (isAlive(record.pid)) {
    process.kill(record.pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (isAlive(record.pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(record.pid)) process.kill(record.pid, 'SIGKILL');
    while (isAlive(record.pid)) await sleep(50);
  }
  fs.rmSync(pidFile(s), { force: true });
  return true;
}

/** Wipes the data folder; stops a running instance first. */
export async function reset(s: LocalNeo4jSettings): Promise<{ wasRunning: boolean }> {
  const wasRunning = (await status(s)).running;
  if (wasRunning) await stop(s);
  for (const dir of [storeDir(s), importingDir(s), previousDir(s)])
    fs.rmSync(dir, { recursive: true, force: true });
  return { wasRunning };
}
