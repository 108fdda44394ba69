import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, projectRoot } from '../src/config/env.js';
import { loadExamples } from '../src/graphql/playground.js';
import * as local from '../src/local-neo4j/manager.js';

const HELP = `Usage: node --import tsx bench/restart-cost.ts [--port P] [--warm-runs N] [--modes off,on]

What a restart costs, with the warm-up off (WARM_UP_TIMEOUT_MS=0) and on (WARM_UP_TIMEOUT_MS from
the environment, else the default 20 s), over the graph already in the local Neo4j
(NEO4J_LOCAL_HOME, NEO4J_LOCAL_PORT, NEO4J_LOCAL_HEAP, NEO4J_LOCAL_PAGECACHE; NEO4J_URI must be
unset). For each mode:

  1  restarts the local Neo4j (stop, start): an empty plan cache and a cold page cache
  2  starts the server (src/cli/start.ts --no-seed, so the graph is left as it is) on --port and
     times it from the spawn to /ready answering 200
  3  sends each example operation (examples/) once, then --warm-runs more times, and reports the
     first request's latency against the median of the warm ones

Prints progress on stderr and a markdown table on stdout. Other people's load on the machine
shows in these numbers: the 1-minute load average is printed with them.

Options:
  --port P         HTTP port of the server under test (default 7779)
  --warm-runs N    warm requests per example after the first (default 5)
  --modes LIST     which modes to run, in order (default off,on)
  -h, --help       this text
`;

interface Row {
  file: string;
  firstMs: number;
  warmMs: number;
  errors: string[];
}

async function post(url: string, query: string): Promise<{ ms: number; errors: string[] }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return {
    ms: performance.now() - started,
    errors: (body.errors ?? []).map((e) => e.extensions?.code ?? 'ERROR'),
  };
}

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not 200 after ${timeoutMs} ms`);
    await sleep(50);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const load = async () => (await import('node:os')).loadavg()[0]!.toFixed(1);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '7779' },
      'warm-runs': { type: 'string', default: '5' },
      modes: { type: 'string', default: 'off,on' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  if (config.external) {
    console.error(`NEO4J_URI is set: this measures the local Neo4j only\n\n${HELP}`);
    return 2;
  }
  const port = Number(values.port);
  const warmRuns = Number(values['warm-runs']);
  const modes = values.modes.split(',');
  if (!modes.every((m) => m === 'on' || m === 'off')) {
    console.error(`--modes takes off and/or on\n\n${HELP}`);
    return 2;
  }
  const examples = loadExamples();
  const base = `http://127.0.0.1:${port}`;
  const out: string[] = [];

  for (const mode of modes) {
    let warmedLine = 'no warm-up';
    const say = (m: string) => console.error(`[${mode}] ${m}`);
    say('restarting the local Neo4j (empty plan cache, cold page cache)');
    await local.stop(config.local);
    const neo4jStarted = Date.now();
    await local.start(config.local, { log: () => {} });
    const neo4jMs = Date.now() - neo4jStarted;
    say(`Neo4j started in ${neo4jMs} ms; starting the server`);
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LOG_LEVEL: 'info' };
    if (mode === 'off') env.WARM_UP_TIMEOUT_MS = '0';
    const loadBefore = await load();
    const spawned = performance.now();
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts', '--no-seed'], {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The server's JSON log (warnings go to stderr): keep what the warm-up says it did.
    const follow = (line: string) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; warmed?: string[]; skipped?: unknown };
        if (entry.msg?.startsWith('warm'))
          warmedLine = `${entry.msg}: ${(entry.warmed ?? []).join(', ')}`;
      } catch {
        // not JSON
      }
    };
    readline.createInterface({ input: server.stdout }).on('line', follow);
    readline.createInterface({ input: server.stderr }).on('line', follow);
    const exited = new Promise((resolve) => server.once('exit', resolve));
    const rows: Row[] = [];
    let readyMs: number;
    try {
      await waitReady(`${base}/ready`, 300_000);
      readyMs = performance.now() - spawned;
      say(`/ready 200 after ${Math.round(readyMs)} ms`);
      for (const example of examples) {
        const first = await post(`${base}/graphql`, example.query);
        const warm: number[] = [];
        for (let i = 0; i < warmRuns; i++)
          warm.push((await post(`${base}/graphql`, example.query)).ms);
        rows.push({
          file: example.file,
          firstMs: first.ms,
          warmMs: median(warm),
          errors: first.errors,
        });
        say(
          `${example.file}: first ${Math.round(first.ms)} ms, warm ${Math.round(median(warm))} ms`,
        );
      }
    } finally {
      server.kill('SIGTERM');
      await exited;
    }
    out.push(
      `### warm-up ${mode}${mode === 'off' ? ' (WARM_UP_TIMEOUT_MS=0)' : ''}`,
      '',
      `Neo4j restart ${(neo4jMs / 1000).toFixed(1)} s; server spawn → /ready 200 ` +
        `${(readyMs / 1000).toFixed(1)} s (server log: "${warmedLine}"); load average ${loadBefore} → ${await load()}`,
      '',
      '| example | first request ms | warm median ms | first / warm |',
      '| --- | ---: | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| ${r.file}${r.errors.length ? ` (${r.errors.join(', ')})` : ''} | ${Math.round(r.firstMs)} | ` +
          `${Math.round(r.warmMs)} | ${(r.firstMs / r.warmMs).toFixed(1)} |`,
      ),
      '',
    );
  }
  console.log(out.join('\n'));
  return 0;
}

process.exitCode = await main();
