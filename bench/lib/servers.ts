import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../../src/config/env.js';
import type { ServerStats } from '../servers/common.js';
import type { System } from './queries.js';

/**
 * Starts each benchmarked server in a process of its own (so its memory is its own and the load
 * generator does not share its event loop), and reads its counters.
 */

export interface RunningServer {
  system: System;
  url: string;
  child: ChildProcess;
  stats(): Promise<ServerStats>;
  resetPeak(): Promise<void>;
  stop(): Promise<void>;
}

const ENTRY: Record<System, string> = {
  ours: 'bench/servers/ours.ts',
  'neo4j-graphql': 'bench/servers/neo4j-graphql.ts',
  raw: 'bench/servers/raw.ts',
};

export async function startServer(
  system: System,
  neo4jPort: number,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, ENTRY[system]), String(neo4jPort), '0'],
    {
      cwd: projectRoot,
      env: { ...process.env, SERVER_MODE: 'production', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`${system} server did not start`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${system} server exited (${code})`)));
    lines.on('line', (line) => {
      const match = /^ready (\d+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    system,
    url,
    child,
    stats: async () => (await (await fetch(`${url}/bench-stats`)).json()) as ServerStats,
    resetPeak: async () => void (await fetch(`${url}/bench-reset-peak`)),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
