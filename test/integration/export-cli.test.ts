import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/env.js';
import { testConnection } from '../support/neo4j.js';
import { startApi, type Api } from './api-harness.js';

// `npm run export` (src/cli/export.ts) as a user runs it, against the seeded test graph: it must
// write the files the HTTP endpoints serve, say what it wrote, and exit with the documented codes.
const run = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...args: string[]): Promise<Result> {
  const { uri, username, password, database } = testConnection();
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/export.ts', ...args],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          NEO4J_URI: uri,
          NEO4J_USERNAME: username,
          NEO4J_PASSWORD: password,
          NEO4J_DATABASE: database ?? '',
        },
        maxBuffer: 50_000_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let api: Api;
let dir: string;
beforeAll(async () => {
  api = await startApi();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-export-'));
});
afterAll(async () => {
  await api.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run export', () => {
  it('--help says what it does and how', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: npm run export -- --format FORMAT');
    for (const word of ['json', 'cytoscape', 'graphml', 'gexf', '--around', '--depth', '--out']) {
      expect(stdout).toContain(word);
    }
  });

  it('writes the neighbourhood the HTTP endpoint serves, byte for byte', async () => {
    const out = path.join(dir, 'guterres.graphml');
    const { code, stderr } = await cli(
      '--format',
      'graphml',
      '--around',
      'antonio-guterres',
      '--depth',
      '2',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(stderr).toContain(`wrote ${out}: 22 entities, 42 facts`);
    const file = fs.readFileSync(out, 'utf8');
    const served = await (
      await fetch(`${api.base}/export/graphml?around=antonio-guterres&depth=2`)
    ).text();
    expect(file).toBe(served);
    const graph = parseGraphml(MultiDirectedGraph, file);
    expect(graph.getNodeAttribute('antonio-guterres', 'label')).toBe('António Guterres');
  });

  it('writes the whole graph to standard output, with filters refused without --around', async () => {
    const { code, stdout, stderr } = await cli('--format', 'gexf');
    expect(code).toBe(0);
    expect(stderr).toContain('44 entities, 68 facts');
    const graph = parseGexf(MultiDirectedGraph, stdout);
    expect([graph.order, graph.size]).toEqual([44, 68]);
    const filtered = await cli('--format', 'gexf', '--types', 'CHAIRED');
    expect(filtered.code).toBe(2);
    expect(filtered.stderr).toContain('need --around');
  });

  it('exits 2 on bad arguments and 1 on an unknown id', async () => {
    const noFormat = await cli('--around', 'asean');
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toContain('format must be one of json, cytoscape, graphml, gexf');
    expect((await cli('--format', 'json', '--around', 'asean', '--depth', '9')).code).toBe(2);
    expect((await cli('--format', 'json', '--bogus')).code).toBe(2);
    const unknown = await cli('--format', 'json', '--around', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('nothing has the id "nobody"');
  });
});
