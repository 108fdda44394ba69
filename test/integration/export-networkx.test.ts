import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/env.js';
import { startApi, type Api } from './api-harness.js';

// networkx (Debian's python3-networkx, 2.8 on bookworm) is what many analysts load graphs with.
// It reads GraphML and GEXF up to 1.2draft (not 1.3, our default GEXF), so GEXF is also written
// as 1.2 on request. Each file must come back with exactly the GraphQL graph's nodes and edges.

// Debian's own Python, whose python3-networkx the test set-up installs (a python3 earlier on the
// PATH, such as a pyenv one, may carry another networkx).
const PYTHON = '/usr/bin/python3';

interface Shape {
  nodes: string[];
  edges: string[];
}

const READ_BACK = `
import json, sys
import networkx as nx
path, kind = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path, force_multigraph=True) if kind == 'graphml' else nx.read_gexf(path)
edges = []
for u, v, key, data in g.edges(keys=True, data=True):
    edges.append('%s %s-[%s]->%s' % (data.get('id', key), u, data.get('type'), v))
print(json.dumps({'directed': g.is_directed(), 'nodes': sorted(g.nodes), 'edges': sorted(edges)}))
`;

let api: Api;
let dir: string;
beforeAll(async () => {
  // `npm test` runs it first; here too, so that this file runs on its own.
  execFileSync(process.execPath, [path.join(projectRoot, 'scripts', 'ensure-test-tools.mjs')], {
    stdio: 'inherit',
  });
  api = await startApi();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-networkx-'));
});
afterAll(async () => {
  await api?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function graphqlShape(): Promise<Shape> {
  const response = await api.query<{
    graph: {
      nodes: { id: string }[];
      edges: { id: string; source: string; target: string; type: string }[];
    };
  }>(`{ graph: neighborhood(id: "united-nations", depth: 2) {
    nodes { id } edges { id source target type } } }`);
  expect(response.errors).toEqual([]);
  const graph = response.data!.graph;
  return {
    nodes: graph.nodes.map((n) => n.id).sort(),
    edges: graph.edges.map((e) => `${e.id} ${e.source}-[${e.type}]->${e.target}`).sort(),
  };
}

/**
 * A GET that tries once more when the pooled keep-alive connection was reset: the python runs
 * between requests block this process's event loop, so it can miss the server closing an idle
 * connection and reuse it just as it goes.
 */
async function get(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return fetch(url);
  }
}

async function networkxShape(exportPath: string, kind: 'graphml' | 'gexf') {
  const response = await get(`${api.base}${exportPath}`);
  expect(response.status).toBe(200);
  const file = path.join(dir, `graph.${kind}`);
  fs.writeFileSync(file, await response.text());
  const out = execFileSync(PYTHON, ['-c', READ_BACK, file, kind], { encoding: 'utf8' });
  return JSON.parse(out) as Shape & { directed: boolean };
}

describe('networkx reads the exports back', () => {
  it('GraphML and GEXF 1.2, with the same nodes and edges as the GraphQL graph', async () => {
    const version = execFileSync(PYTHON, ['-c', 'import networkx; print(networkx.__version__)'], {
      encoding: 'utf8',
    });
    expect(version).toMatch(/^\d+\.\d+/);
    console.info(`networkx ${version.trim()}`);
    const expected = await graphqlShape();
    expect(expected.edges.length).toBeGreaterThan(10);
    const around = 'around=united-nations&depth=2';
    const graphml = await networkxShape(`/export/graphml?${around}`, 'graphml');
    const gexf = await networkxShape(`/export/gexf?${around}&version=1.2`, 'gexf');
    for (const read of [graphml, gexf]) {
      expect(read.directed).toBe(true);
      expect({ nodes: read.nodes, edges: read.edges }).toEqual(expected);
    }
  });

  it('writes GEXF 1.3 by default and 1.2 on request; refuses other versions and formats', async () => {
    const head = async (query: string) =>
      (await (await fetch(`${api.base}/export/gexf?${query}`)).text()).slice(0, 400);
    expect(await head('around=asean')).toContain('xmlns="http://gexf.net/1.3"');
    expect(await head('around=asean&version=1.2')).toContain(
      'xmlns="http://www.gexf.net/1.2draft"',
    );
    const bad = await fetch(`${api.base}/export/gexf?around=asean&version=1.1`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
    });
    const notGexf = await fetch(`${api.base}/export/graphml?around=asean&version=1.2`);
    expect(notGexf.status).toBe(400);
  });
});
