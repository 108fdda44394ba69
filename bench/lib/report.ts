import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/config/env.js';
import type { Profile } from './profile.js';
import { QUERIES, SYSTEMS, type System } from './queries.js';

/** The benchmark's results: one JSON file with every number, one markdown table to read. */

export interface Measurement {
  query: string;
  system: System;
  concurrency: number;
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** Cypher statements the server sent per request (counted at its driver). */
  cypherPerRequest: number;
  /** Ours: the cypherRoundTrips extension of its answers (the same count, as the API reports it). */
  reportedRoundTrips?: number;
  /** Peak RSS of the server process during this measurement (Linux), else over its life. */
  serverPeakRssMb: number;
}

export interface Results {
  startedAt: string;
  finishedAt: string;
  machine: Record<string, unknown>;
  versions: Record<string, string>;
  scale: number;
  seed: number;
  graph: { labels: Record<string, number>; types: Record<string, number> };
  settings: {
    concurrency: number[];
    warmupSeconds: number;
    seconds: number;
    /** Slices per cell, taken in turn by the systems (1 in runs before the option existed). */
    rounds?: number;
    neo4jHeap: string;
    neo4jPageCache: string;
  };
  load?: Record<string, unknown>;
  measurements: Measurement[];
  notMeasured: { query: string; system: System; reason: string }[];
  gaps: { query: string; system: System; gap: string }[];
  answers: { query: string; system: System; bytes: number; ok: boolean; note?: string }[];
  /** PROFILE of the statements one request sends, averaged over a few requests (profile.ts). */
  profiles: Profile[];
}

function version(pkg: string): string {
  try {
    // Read from node_modules: some packages do not export their package.json.
    const file = path.join(projectRoot, 'node_modules', pkg, 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function machine(): Record<string, unknown> {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function versions(neo4j: string, apoc: string): Record<string, string> {
  return {
    node: process.version,
    neo4j,
    apoc,
    'neo4j-driver': version('neo4j-driver'),
    '@neo4j/graphql': version('@neo4j/graphql'),
    'graphql-yoga': version('graphql-yoga'),
    autocannon: version('autocannon'),
  };
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits);

function cell(m: Measurement | undefined): string[] {
  if (!m) return ['–', '–', '–', '–', '–'];
  return [
    fmt(m.requestsPerSecond, 1),
    fmt(m.p50Ms),
    fmt(m.p99Ms),
    String(m.errors),
    fmt(m.cypherPerRequest, 1),
  ];
}

export function markdown(results: Results): string {
  const lines: string[] = [];
  const { machine: mc, versions: v } = results;
  lines.push(
    `# Benchmark: scale ${results.scale} (seed ${results.seed})`,
    '',
    `${results.startedAt} → ${results.finishedAt}. Machine: ${String(mc.cpus)} × ${String(mc.cpuModel)}, ${String(mc.memoryGb)} GB, ${String(mc.os)}; load average at start ${JSON.stringify(mc.loadAverage)} (the machine is shared: other work ran alongside).`,
    `Versions: ${Object.entries(v)
      .map(([k, x]) => `${k} ${x}`)
      .join(', ')}.`,
    `Graph: ${Object.entries(results.graph.labels)
      .map(([k, x]) => `${x} ${k}`)
      .join(', ')}; ${Object.values(results.graph.types).reduce((a, b) => a + b, 0)} facts.`,
    `Each cell: autocannon for ${results.settings.seconds} s after a ${results.settings.warmupSeconds} s warm-up${(results.settings.rounds ?? 1) > 1 ? `, measured in ${results.settings.rounds} slices taken in turn by the systems (requests/s over all slices, p50 the median and p99 the highest of the slices')` : ''}, requests cycling through parameters drawn from the graph; Neo4j heap ${results.settings.neo4jHeap}, page cache ${results.settings.neo4jPageCache}; all on one machine (load generator, servers and Neo4j share its cores).`,
    '',
    'Columns per system: requests/s, p50 ms, p99 ms, errors, Cypher statements per request. Ratios are of requests/s.',
    '',
  );
  for (const c of results.settings.concurrency) {
    lines.push(`## Concurrency ${c}`, '');
    lines.push(
      '| query | ours r/s | p50 | p99 | err | cy/req | @neo4j/graphql r/s | p50 | p99 | err | cy/req | raw r/s | p50 | p99 | err | cy/req | ours/@neo4j | ours/raw |',
      '|---|' + '---:|'.repeat(17),
    );
    for (const q of QUERIES) {
      const of = (s: System) =>
        results.measurements.find((m) => m.query === q.id && m.system === s && m.concurrency === c);
      const [ours, n4j, raw] = SYSTEMS.map(of);
      if (!ours && !n4j && !raw) continue;
      const ratio = (a?: Measurement, b?: Measurement) =>
        a && b && b.requestsPerSecond > 0 ? fmt(a.requestsPerSecond / b.requestsPerSecond, 2) : '–';
      const n4jCells = n4j
        ? cell(n4j)
        : [
            results.notMeasured.find((x) => x.query === q.id && x.system === 'neo4j-graphql')
              ? 'n/e'
              : '–',
            '',
            '',
            '',
            '',
          ];
      lines.push(
        `| ${q.id} ${q.title} | ${[...cell(ours), ...n4jCells, ...cell(raw), ratio(ours, n4j), ratio(ours, raw)].join(' | ')} |`,
      );
    }
    lines.push('');
  }
  const reported = results.measurements.filter(
    (m) =>
      m.system === 'ours' &&
      m.reportedRoundTrips !== undefined &&
      m.concurrency === results.settings.concurrency[0],
  );
  if (reported.length) {
    lines.push(
      `Our API's own count (extensions.cypherRoundTrips, mean of the checked answers): ${reported.map((m) => `${m.query} ${fmt(m.reportedRoundTrips, 1)}`).join(', ')}.`,
      '',
    );
  }
  lines.push('## Server peak RSS (MB, highest over the queries)', '');
  lines.push('| system | peak RSS |', '|---|---:|');
  for (const s of SYSTEMS) {
    const peak = Math.max(
      0,
      ...results.measurements.filter((m) => m.system === s).map((m) => m.serverPeakRssMb),
    );
    lines.push(`| ${s} | ${peak || '–'} |`);
  }
  lines.push('');
  if (results.profiles.length) {
    lines.push(
      '## Database work per request (Cypher PROFILE of the statements sent)',
      '',
      'Statements, db hits and operator rows per request, averaged over the first requests of each query.',
      '',
      '| query | ours stmts | ours db hits | ours rows | @neo4j/graphql stmts | db hits | rows | raw stmts | db hits | rows |',
      '|---|' + '---:|'.repeat(9),
    );
    for (const q of QUERIES) {
      const cells = SYSTEMS.flatMap((s) => {
        const p = results.profiles.find((x) => x.query === q.id && x.system === s);
        return p ? [fmt(p.statements, 1), fmt(p.dbHits), fmt(p.rows)] : ['–', '–', '–'];
      });
      if (cells.every((c) => c === '–')) continue;
      lines.push(`| ${q.id} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  if (results.notMeasured.length) {
    lines.push('## Not measured', '');
    for (const n of results.notMeasured) lines.push(`- ${n.query} on ${n.system}: ${n.reason}`);
    lines.push('');
  }
  if (results.gaps.length) {
    lines.push('## Where @neo4j/graphql answers a smaller question', '');
    for (const g of results.gaps) lines.push(`- ${g.query}: ${g.gap}`);
    lines.push('');
  }
  if (results.load) {
    lines.push(
      '## Load of the seed (this run)',
      '',
      '```json',
      JSON.stringify(results.load, null, 2),
      '```',
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

export function writeResults(results: Results): { json: string; md: string } {
  const dir = path.join(projectRoot, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const profileOnly = results.measurements.length === 0;
  const base = path.join(dir, `${stamp}-scale-${results.scale}${profileOnly ? '-profile' : ''}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown(results));
  if (!profileOnly) {
    fs.copyFileSync(`${base}.md`, path.join(dir, `latest-scale-${results.scale}.md`));
    fs.copyFileSync(`${base}.json`, path.join(dir, `latest-scale-${results.scale}.json`));
  }
  return { json: `${base}.json`, md: `${base}.md` };
}
