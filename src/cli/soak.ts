import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../config/env.js';
import { loadExamples } from '../graphql/playground.js';
import { freePort } from '../server/free-port.js';
import { parseCliArgs, runCli } from './run-cli.js';

const HELP = `Usage: npm run soak -- [--duration 120] [--connections 32] [--url URL [--metrics-url URL]] [--warmup 10] [--from-source] [--sample 10] [--json FILE]

A bounded soak of the GraphQL server over loopback: --connections concurrent clients send a mix
of the example operations (examples/*.graphql), searches and lookups for --duration seconds,
after --warmup seconds of the same load that the figures leave out (a fresh server and a fresh
Neo4j JVM compile their hot code first: the figures are of the steady state, as users meet it).
Without --url it starts its own server (the main job, on free ports, with its own local Neo4j in
a scratch folder, or NEO4J_URI when set) and stops it afterwards: as deployed, built first (npm
run build) and run from dist/ in production mode, or with --from-source through tsx as npm start
runs it.

Reports the requests made, the errors (non-2xx answers, connection errors and timeouts, and
GraphQL errors counted by the server's /metrics), latency percentiles, and the server's resident
memory (RSS) at the start, every --sample seconds and at the end. Exits 1 when there was any
error or when RSS was still growing over the second half (more than 10%, and more than 16 MB).

Options:
  --duration S      seconds of load (default 120, at most 3600)
  --connections N   concurrent clients (default 32, at most 256)
  --warmup S        seconds of load before the measured --duration (default 10; 0 for none);
                    its errors still count
  --url URL         a running server's GraphQL endpoint; loopback addresses only
  --metrics-url URL that server's /metrics, when it serves them on a port of their own
                    (METRICS_PORT; production mode always does); default: /metrics beside --url
  --from-source     run the server from the TypeScript sources through tsx (development mode)
                    instead of the build
  --sample S        seconds between RSS samples (default 10)
  --json FILE       also write the figures as JSON to FILE
`;

/** The part of autocannon's result this report reads (the package has no types). */
interface CannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p97_5: number; p99: number; max: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Cannon = (options: Record<string, unknown>) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const MB = 1024 * 1024;

interface Metrics {
  rss: number;
  graphqlErrors: number;
}

/**
 * The server's own figures, from its Prometheus endpoint. Refuses an answer that is not the
 * server's metrics: a soak that cannot see memory must say so, not report 0 MB as level.
 */
async function readMetrics(url: string): Promise<Metrics> {
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== 200 || !/^process_resident_memory_bytes /m.test(text)) {
    throw new Error(
      `${url} answered ${response.status} without the server's memory figures; ` +
        'when the server serves /metrics on a port of its own (METRICS_PORT, or production ' +
        'mode), pass that address as --metrics-url',
    );
  }
  const sum = (name: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(name) && !line.startsWith('#'))
      .reduce((total, line) => total + Number(line.split(' ').at(-1)), 0);
  return { rss: sum('process_resident_memory_bytes'), graphqlErrors: sum('graphql_errors_total') };
}

/** The operations of the mix: the examples as written, plus searches and lookups. */
function operations(): Array<{ query: string; variables?: Record<string, unknown> }> {
  const search =
    'query Search($t: String!) { search(text: $t, first: 5) { totalCount edges { matchedName node { id name } } } }';
  const node =
    'query Node($id: ID!) { node(id: $id) { id ... on Entity { name aliases { text } } } }';
  return [
    ...loadExamples().map((e) => ({ query: e.query })),
    { query: search, variables: { t: 'nations unies' } },
    { query: search, variables: { t: 'Nguyen Xuan Phuc' } },
    { query: search, variables: { t: 'ASEAN' } },
    { query: node, variables: { id: 'vietnam' } },
    { query: node, variables: { id: 'hanoi' } },
  ];
}

async function waitReady(base: string, child: ChildProcess | undefined, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${base}/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${base}/ready did not answer 200 within ${timeoutMs / 1000} s`);
}

/**
 * Starts the main job on free loopback ports, with a scratch Neo4j home: from the build in
 * production mode (npm run start:production), or from the sources through tsx (npm start).
 */
async function startServer(fromSource: boolean) {
  if (!fromSource) {
    // As the benchmark builds (bench/run.ts): nothing else runs yet, so synchronously.
    console.error('building (npm run build)...');
    execFileSync(process.execPath, ['scripts/build.mjs'], {
      cwd: projectRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-soak-'));
  const port = await freePort();
  // Its own metrics port, so that the soak reads them in production mode too.
  const metricsPort = await freePort();
  const entry = fromSource ? ['--import', 'tsx', 'src/cli/start.ts'] : ['dist/cli/start.js'];
  const child = spawn(process.execPath, entry, {
    cwd: projectRoot,
    env: {
      ...process.env,
      ...(fromSource ? {} : { SERVER_MODE: 'production' }),
      PORT: String(port),
      HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
      METRICS_HOST: '127.0.0.1',
      NEO4J_LOCAL_PORT: String(await freePort()),
      NEO4J_LOCAL_HOME: home,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on(
    'data',
    (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)),
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    base: `http://127.0.0.1:${port}`,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    child,
    stderr: () => stderr,
    /** SIGTERM: the job drains, closes the driver and stops its Neo4j. */
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

runCli(async () => {
  const args = parseCliArgs(HELP, {
    duration: { type: 'string', default: '120' },
    connections: { type: 'string', default: '32' },
    url: { type: 'string' },
    'metrics-url': { type: 'string' },
    sample: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '10' },
    json: { type: 'string' },
    'from-source': { type: 'boolean', default: false },
  });
  const duration = Number(args.duration);
  const connections = Number(args.connections);
  const sampleSeconds = Number(args.sample);
  const warmupSeconds = Number(args.warmup);
  const bad = [
    [
      !Number.isInteger(duration) || duration < 1 || duration > 3600,
      '--duration must be 1 to 3600',
    ],
    [
      !Number.isInteger(connections) || connections < 1 || connections > 256,
      '--connections must be 1 to 256',
    ],
    [
      !Number.isInteger(sampleSeconds) || sampleSeconds < 1,
      '--sample must be a whole number of seconds',
    ],
    [
      !Number.isInteger(warmupSeconds) || warmupSeconds < 0 || warmupSeconds > 600,
      '--warmup must be 0 to 600 seconds',
    ],
  ] as const;
  for (const [failed, message] of bad) {
    if (failed) {
      console.error(`${message}\n\n${HELP}`);
      return 2;
    }
  }
  let base: string;
  let metricsUrl: string;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  if (args['metrics-url'] && !args.url) {
    console.error(`--metrics-url goes with --url (a server of your own)\n\n${HELP}`);
    return 2;
  }
  if (args.url) {
    const url = new URL(args.url);
    const metrics = new URL(args['metrics-url'] ?? `${url.origin}/metrics`);
    for (const { hostname } of [url, metrics]) {
      if (!LOOPBACK.has(hostname)) {
        console.error(`the soak only runs over loopback; ${hostname} is not a loopback address`);
        return 2;
      }
    }
    base = url.origin;
    metricsUrl = metrics.href;
  } else {
    console.error('starting the server (its own local Neo4j, the seed graph)...');
    server = await startServer(args['from-source'] === true);
    base = server.base;
    metricsUrl = server.metricsUrl;
  }
  const stopServer = () => server?.stop();
  process.once('SIGINT', () => void stopServer()?.then(() => process.exit(130)));
  try {
    await waitReady(base, server?.child, 300_000);
    // Before any load: a soak that cannot read the server's memory is refused at once.
    await readMetrics(metricsUrl);
    const ops = operations();
    // Once each, untimed: every operation must work before load means anything.
    for (const op of ops) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(op),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (response.status !== 200 || body.errors) {
        throw new Error(`warm-up failed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      }
    }
    const load = (seconds: number) =>
      autocannon({
        url: `${base}/graphql`,
        connections,
        duration: seconds,
        requests: ops.map((op) => ({
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(op),
        })),
      });
    const beforeWarmup = await readMetrics(metricsUrl);
    let warmup: { errors: number; requests: number; rssMb: number } | null = null;
    if (warmupSeconds > 0) {
      console.error(`warm-up: ${connections} connections for ${warmupSeconds} s (not measured)`);
      const result = await load(warmupSeconds);
      const { rss: rssAfter, graphqlErrors } = await readMetrics(metricsUrl);
      warmup = {
        errors:
          result.non2xx +
          result.errors +
          result.timeouts +
          graphqlErrors -
          beforeWarmup.graphqlErrors,
        requests: result.requests.total,
        rssMb: round(rssAfter / MB),
      };
    }
    const before = await readMetrics(metricsUrl);
    const started = Date.now();
    const rss: Array<{ second: number; mb: number }> = [{ second: 0, mb: before.rss / MB }];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await sleep(sampleSeconds * 1000);
        if (!sampling) break;
        const { rss: now } = await readMetrics(metricsUrl);
        rss.push({ second: Math.round((Date.now() - started) / 1000), mb: now / MB });
        console.error(`  ${rss.at(-1)!.second} s: RSS ${rss.at(-1)!.mb.toFixed(1)} MB`);
      }
    })();
    console.error(`soak: ${connections} connections for ${duration} s against ${base}/graphql`);
    const result = await load(duration);
    sampling = false;
    await sampler;
    const after = await readMetrics(metricsUrl);
    rss.push({ second: Math.round((Date.now() - started) / 1000), mb: after.rss / MB });

    const graphqlErrors = after.graphqlErrors - before.graphqlErrors;
    const errors =
      result.non2xx + result.errors + result.timeouts + graphqlErrors + (warmup?.errors ?? 0);
    const middle = rss.reduce((best, s) =>
      Math.abs(s.second - duration / 2) < Math.abs(best.second - duration / 2) ? s : best,
    );
    const growth = rss.at(-1)!.mb - middle.mb;
    const leveledOff = growth <= Math.max(0.1 * middle.mb, 16);
    const served = args.url ? args.url : args['from-source'] ? 'source (tsx)' : 'build';
    const report = {
      server: served,
      warmup: warmup && { seconds: warmupSeconds, ...warmup },
      duration: result.duration,
      connections,
      operations: ops.length,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: {
        p50: result.latency.p50,
        p97_5: result.latency.p97_5,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      errors,
      errorsBreakdown: {
        non2xx: result.non2xx,
        connection: result.errors,
        timeouts: result.timeouts,
        graphql: graphqlErrors,
        warmup: warmup?.errors ?? 0,
      },
      rssMb: {
        start: round(rss[0]!.mb),
        middle: round(middle.mb),
        end: round(rss.at(-1)!.mb),
        peak: round(Math.max(...rss.map((s) => s.mb))),
        samples: rss.map((s) => [s.second, round(s.mb)]),
      },
      rssLeveledOff: leveledOff,
    };
    console.log(
      [
        `server: ${served}`,
        warmup
          ? `warm-up: ${warmup.requests} requests in ${warmupSeconds} s, not measured; RSS after it ${warmup.rssMb} MB`
          : 'warm-up: none',
        `requests: ${report.requests} in ${report.duration} s (${report.requestsPerSecond}/s), ${connections} connections, ${ops.length} operations`,
        `latency: p50 ${report.latencyMs.p50} ms, p97.5 ${report.latencyMs.p97_5} ms, p99 ${report.latencyMs.p99} ms, max ${report.latencyMs.max} ms`,
        `errors: ${errors} (non-2xx ${result.non2xx}, connection ${result.errors}, timeouts ${result.timeouts}, GraphQL ${graphqlErrors}, warm-up ${warmup?.errors ?? 0})`,
        `RSS: start ${report.rssMb.start} MB, middle ${report.rssMb.middle} MB, end ${report.rssMb.end} MB, peak ${report.rssMb.peak} MB: ${leveledOff ? 'levelled off' : 'STILL GROWING'}`,
      ].join('\n'),
    );
    if (args.json) fs.writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    return errors === 0 && leveledOff ? 0 : 1;
  } catch (error) {
    if (server) console.error(server.stderr());
    throw error;
  } finally {
    await stopServer();
  }
});

const round = (mb: number) => Math.round(mb * 10) / 10;
