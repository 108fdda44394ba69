import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/env.js';
import { freePort } from '../../src/server/free-port.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The main job end to end, as `npm start` runs it: its own local Neo4j (on a spare port, in a
 * scratch folder), the seed load, the server; then SIGTERM must leave no Java process behind.
 */
describe('the main job', () => {
  it('starts Neo4j, loads the seed, serves GraphQL, and stops everything on SIGTERM', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'main-job-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      NEO4J_LOCAL_PORT: String(await freePort()),
      NEO4J_LOCAL_HOME: home,
      LOG_LEVEL: 'silent',
    };
    delete env.NEO4J_URI;
    // What `npm start` runs: one node process, so SIGTERM reaches the server itself (no tsx
    // relay process that, under load, SIGKILLs a child slow to acknowledge the signal).
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ready line in time:\n${stderr}`)),
        150_000,
      );
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /GraphQL server ready: (\S+)/.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited early (${code}):\n${stderr}`)));
    });
    expect(stderr).toMatch(/seed graph \w+ loaded/);
    const javaPid = (
      JSON.parse(fs.readFileSync(path.join(home, 'neo4j.pid'), 'utf8')) as { pid: number }
    ).pid;
    expect(alive(javaPid)).toBe(true);

    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ version }' }),
    });
    expect(response.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(alive(javaPid)).toBe(false);
    expect(fs.existsSync(path.join(home, 'neo4j.pid'))).toBe(false);
    fs.rmSync(home, { recursive: true, force: true });
  }, 200_000);
});
