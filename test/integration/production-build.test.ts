import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/env.js';
import { testConnection } from '../support/neo4j.js';

/**
 * The README's deployment recipe, in a scratch copy of the project: the built code (dist/, as
 * `npm run build` writes it), the files it reads at run time, only the production dependencies
 * (`npm ci --omit=dev`, from the npm cache when it has them), and `npm run start:production`'s
 * command
 * against the test Neo4j given as NEO4J_URI, in production mode; it must answer GraphQL and
 * serve the explorer, then stop cleanly on SIGTERM.
 */
const RUNTIME_FILES = [
  'package.json',
  'package-lock.json',
  'cypher',
  'schema',
  'seeds',
  'examples',
];

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-production-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('the production build', () => {
  it('runs from dist/ with only the production dependencies installed', async () => {
    for (const name of RUNTIME_FILES) {
      fs.cpSync(path.join(projectRoot, name), path.join(scratch, name), { recursive: true });
    }
    execFileSync('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: scratch,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    // No development tool came along: the build must not need one at run time.
    for (const tool of ['tsx', 'typescript', 'vitest']) {
      expect(fs.existsSync(path.join(scratch, 'node_modules', tool)), tool).toBe(false);
    }
    execFileSync(
      process.execPath,
      [path.join(projectRoot, 'scripts', 'build.mjs'), '--out-dir', path.join(scratch, 'dist')],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );

    // What `npm run start:production` runs, without npm between the test and the server's signals.
    const scripts = (
      JSON.parse(fs.readFileSync(path.join(scratch, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts['start:production']).toBe('node dist/cli/start.js');
    const neo4j = testConnection();
    const child = spawn(process.execPath, ['dist/cli/start.js'], {
      cwd: scratch,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEO4J_URI: neo4j.uri,
        NEO4J_USERNAME: neo4j.username,
        NEO4J_PASSWORD: neo4j.password,
        ...(neo4j.database && { NEO4J_DATABASE: neo4j.database }),
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let stderr = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready in time:\n${stderr}`)), 90_000);
        child.stderr!.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const match = /GraphQL server ready: (\S+)/.exec(stderr);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
        void exited.then((code) => reject(new Error(`exited early (${code}):\n${stderr}`)));
      });
      // The seed graph was there already: the production start checks it and loads nothing.
      expect(stderr).toMatch(/seed graph \w+ already loaded/);

      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            '{ meeting(id: "asean-un-regional-dialogue-2019-12") { name place { node { name } } } }',
        }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        data: {
          meeting: {
            name: '5th ASEAN–UN Regional Dialogue on Political and Security Cooperation',
            place: { node: { name: 'Hanoi' } },
          },
        },
        extensions: expect.anything(),
      });
      // The explorer's static files, found beside the built code.
      const explorer = await fetch(new URL('/explore', url));
      expect(explorer.status).toBe(200);
      expect(await explorer.text()).toContain('<script type="module"');
      const vendor = await fetch(new URL('/explore/vendor/cytoscape.min.js', url));
      expect(vendor.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 400_000);
});
