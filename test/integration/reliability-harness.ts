import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Writable } from 'node:stream';
import type { Driver, Session } from 'neo4j-driver';
import {
  localConnection,
  projectRoot,
  type LocalNeo4jSettings,
  type Neo4jConnection,
} from '../../src/config/env.js';
import { createDriver } from '../../src/db/driver.js';
import * as local from '../../src/local-neo4j/manager.js';
import { loadSeedGraph } from '../../src/seed/load.js';
import { readSeeds } from '../../src/seed/read-seeds.js';
import { freePort } from '../../src/server/free-port.js';
import { createLogger, type Logger } from '../../src/server/logger.js';
import { seedOptions } from '../support/seeds.js';

/** Helpers of the reliability, hostile-input and conformance tests. */

export { freePort };

/** A Neo4j of the test's own (free port, scratch home), for tests that stop it. */
export interface OwnNeo4j {
  settings: LocalNeo4jSettings;
  connection: Neo4jConnection;
  seedVersion: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Kills it and removes its folder. */
  dispose(): Promise<void>;
}

export async function startOwnNeo4j(): Promise<OwnNeo4j> {
  const settings: LocalNeo4jSettings = {
    home: fs.mkdtempSync(path.join(os.tmpdir(), 'kg-reliability-neo4j-')),
    port: await freePort(),
    heap: '512m',
    pageCache: '64m',
  };
  await local.start(settings);
  const connection = localConnection(settings.port);
  const driver = createDriver(connection);
  let seedVersion: string;
  try {
    seedVersion = (await loadSeedGraph(driver, readSeeds(seedOptions()), { database: undefined }))
      .version;
  } finally {
    await driver.close();
  }
  return {
    settings,
    connection,
    seedVersion,
    start: async () => void (await local.start(settings)),
    stop: async () => void (await local.stop(settings)),
    dispose: async () => {
      // Its data is thrown away: no need to wait for a clean shutdown.
      await local.stop(settings, 0);
      fs.rmSync(settings.home, { recursive: true, force: true });
    },
  };
}

export interface GraphQLReply {
  status: number;
  /** extensions.code of every error, in order. */
  codes: string[];
  body: Record<string, unknown> | unknown[] | null;
  ms: number;
  requestId: string | null;
}

/** POSTs a GraphQL request as JSON; network failures become status 0 with code NETWORK. */
export async function postGraphQL(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLReply> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return replyOf(response, await response.text(), started);
  } catch {
    return {
      status: 0,
      codes: ['NETWORK'],
      body: null,
      ms: performance.now() - started,
      requestId: null,
    };
  }
}

/** A reply read: its body parsed when it is JSON (415, 406 and 431 answers have none). */
export function replyOf(response: Response, text: string, started: number): GraphQLReply {
  let body: GraphQLReply['body'] = null;
  try {
    body = JSON.parse(text) as GraphQLReply['body'];
  } catch {
    // not JSON
  }
  return {
    status: response.status,
    codes: errorCodes(body),
    body,
    ms: performance.now() - started,
    requestId: response.headers.get('x-request-id'),
  };
}

function errorCodes(body: GraphQLReply['body']): string[] {
  const results = Array.isArray(body) ? body : body ? [body] : [];
  return results.flatMap((r) =>
    (
      ((r as { errors?: Array<{ extensions?: { code?: string } }> }).errors ?? []) as Array<{
        extensions?: { code?: string };
      }>
    ).map((e) => e.extensions?.code ?? 'NONE'),
  );
}

export interface LoadSample extends GraphQLReply {
  /** When the request was sent, in ms since the load began. */
  at: number;
}

/** Keeps `concurrency` clients sending the queries (in turn) until stopped. */
export function startLoad(
  url: string,
  queries: Array<{ query: string; variables?: Record<string, unknown> }>,
  concurrency: number,
) {
  const samples: LoadSample[] = [];
  const began = performance.now();
  let running = true;
  let next = 0;
  const clients = Array.from({ length: concurrency }, async () => {
    while (running) {
      const body = queries[next++ % queries.length]!;
      const at = performance.now() - began;
      samples.push({ ...(await postGraphQL(url, body)), at });
      // No hot loop when the server refuses connections outright.
      if (samples.at(-1)!.status === 0) await sleep(20);
    }
  });
  return {
    samples,
    /** ms since the load began. */
    now: () => performance.now() - began,
    /** Waits until the samples so far satisfy `enough` (a slow machine takes longer). */
    until: async (enough: (samples: LoadSample[]) => boolean, timeoutMs = 30_000) => {
      const deadline = performance.now() + timeoutMs;
      while (!enough(samples)) {
        if (performance.now() > deadline)
          throw new Error(`load: not enough samples in ${timeoutMs} ms`);
        await sleep(50);
      }
    },
    stop: async () => {
      running = false;
      await Promise.all(clients);
      return samples;
    },
  };
}

/** Polls `url` until it answers 200; resolves the ms it took. */
export async function waitFor200(url: string, timeoutMs = 60_000, everyMs = 100): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await sleep(everyMs);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/** The main job (`npm start`) as a child process: one node process, so its pid is the server's. */
export interface ServerProcess {
  child: ChildProcess;
  base: string;
  stderr(): string;
  exited: Promise<number | null>;
}

export function spawnServer(env: Record<string, string>, port: number): ServerProcess {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    ...env,
    PORT: String(port),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
    cwd: projectRoot,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, base: `http://127.0.0.1:${port}`, stderr: () => stderr, exited };
}

/** A logger whose JSON lines the test can read. */
export function capturingLogger(level = 'info'): {
  logger: Logger;
  lines: () => Array<Record<string, unknown>>;
} {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    logger: createLogger(level, sink),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

export interface SentStatement {
  /** The cypher/ file the statement came from (the transaction's metadata). */
  name: unknown;
  text: string;
  params: Record<string, unknown>;
}

/**
 * The real driver, watched: every statement a session runs is recorded with its parameters and
 * the cypher/ file it came from (the transaction metadata Db sends), so a test can check what
 * reached Cypher, and how.
 */
export function recordingDriver(driver: Driver): { driver: Driver; sent: SentStatement[] } {
  const sent: SentStatement[] = [];
  const watched = new Proxy(driver, {
    get(target, property) {
      if (property === 'session') {
        return (...args: Parameters<Driver['session']>): Session => {
          const session = target.session(...args);
          const run = session.run.bind(session);
          session.run = ((text: string, params: Record<string, unknown>, config) => {
            sent.push({
              name: (config?.metadata as { statement?: unknown } | undefined)?.statement,
              text,
              params,
            });
            return run(text, params, config);
          }) as Session['run'];
          return session;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { driver: watched, sent };
}
