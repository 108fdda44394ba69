import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseCliArgs, runCli } from '../src/cli/run-cli.js';
import { projectRoot } from '../src/config/env.js';
import { progressDisplay, timedStep } from '../src/progress/display.js';
import { countGraph } from '../src/seed/load.js';
import { prepareDatabase, type BenchDatabase } from './lib/database.js';
import { combineSlices, runLoad, type LoadResult } from './lib/load.js';
import { drawPools } from './lib/params.js';
import {
  QUERIES,
  SYSTEMS,
  type Params,
  type QueryDef,
  type Request,
  type System,
} from './lib/queries.js';
import { machine, markdown, versions, writeResults, type Results } from './lib/report.js';
import { profileRequest, type Profile } from './lib/profile.js';
import { startServer, type RunningServer } from './lib/servers.js';

const HELP = `Usage: npm run bench -- [--scale N] [--seed S] [--concurrency 1,16,64] [--seconds 10]
                       [--warmup 5] [--rounds 1] [--queries q1,q2,...]
                       [--systems ours,neo4j-graphql,raw] [--port 7697] [--neo4j-home DIR]

Benchmarks this project's GraphQL server against @neo4j/graphql over an equivalent schema and
against one hand-written Cypher statement per query (through neo4j-driver), on the same Neo4j and
the same generated graph: for each query and concurrency, autocannon runs each system for a warm-up,
then for the measured seconds. Writes bench/results/<time>-scale-N.{json,md} (and latest-scale-N.*)
with requests/s, p50, p99, errors, Cypher statements per request, the servers' peak RSS, ratios,
the machine and the versions. This project's server runs as deployed: built first (npm run
build, into dist/) and run from the JavaScript, in production mode.

The database is a local Neo4j of its own (bench/data/neo4j-scale-N-seed-S, port --port) with the
APOC plugin @neo4j/graphql needs, fetched with Maven; the seed is generated (npm run generate) and
bulk-loaded when missing. NEO4J_LOCAL_HEAP and NEO4J_LOCAL_PAGECACHE size that Neo4j.

Options:
  --scale N         generated graph size (default 1; 10 is about 2,000,000 facts)
  --seed S          generator seed (default 1)
  --concurrency L   connections, comma-separated (default 1,16,64)
  --seconds T       measured seconds per cell (default 10)
  --warmup T        warm-up seconds per cell, not measured (default 5)
  --rounds R        split each cell's measured seconds into R slices, taken in turn by the
                    systems (ours, @neo4j/graphql, raw, ours, ...), so that load from other work
                    on a shared machine falls on all of them alike (default 1: one slice each);
                    requests/s is over all slices, p50 the median and p99 the highest of theirs
  --queries L       queries to run (default all: ${QUERIES.map((q) => q.id).join(',')})
  --systems L       systems to run (default all: ${SYSTEMS.join(',')})
  --port P          Bolt port of the benchmark's Neo4j (default 7697)
  --neo4j-home DIR  its home folder (default bench/data/neo4j-scale-N-seed-S)
  --no-profile      skip the last step: PROFILE of the statements each system sends
  --profile-only    only that step (writes bench/results/<time>-scale-N-profile.*)
`;

/** The load summary without its list of restated facts (thousands of ids). */
function loadReport(summary: NonNullable<BenchDatabase['prepared']['loadSummary']>) {
  const { restated, ...plan } = summary.plan;
  return { ...summary, plan: { ...plan, restated: restated.length } };
}

const list = (text: string | undefined, fallback: string[]) =>
  text
    ? text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : fallback;

async function post(url: string, request: Request): Promise<{ status: number; text: string }> {
  const response = await fetch(url + request.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: request.body,
  });
  return { status: response.status, text: await response.text() };
}

runCli(async () => {
  const args = parseCliArgs(HELP, {
    scale: { type: 'string' },
    seed: { type: 'string' },
    concurrency: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    rounds: { type: 'string' },
    queries: { type: 'string' },
    systems: { type: 'string' },
    port: { type: 'string' },
    'neo4j-home': { type: 'string' },
    'no-profile': { type: 'boolean' },
    'profile-only': { type: 'boolean' },
  });
  const scale = Number(args.scale ?? 1);
  const seed = Number(args.seed ?? 1);
  const concurrency = list(args.concurrency, ['1', '16', '64']).map(Number);
  const seconds = Number(args.seconds ?? 10);
  const warmup = Number(args.warmup ?? 5);
  const rounds = Number(args.rounds ?? 1);
  const port = Number(args.port ?? 7697);
  const queries = list(
    args.queries,
    QUERIES.map((q) => q.id),
  );
  const systems = list(args.systems, SYSTEMS) as System[];
  const bad =
    !(scale > 0) ||
    !Number.isSafeInteger(seed) ||
    concurrency.some((c) => !Number.isInteger(c) || c < 1) ||
    !(seconds > 0) ||
    !(warmup >= 0) ||
    !Number.isInteger(rounds) ||
    rounds < 1 ||
    !Number.isInteger(port) ||
    queries.some((q) => !QUERIES.some((d) => d.id === q)) ||
    systems.some((s) => !SYSTEMS.includes(s));
  if (bad) {
    console.error(`bad arguments\n\n${HELP}`);
    return 2;
  }
  const log = (m: string) => console.error(m);
  const display = progressDisplay();
  const startedAt = new Date().toISOString();
  const machineAtStart = machine();

  const db = await prepareDatabase({
    scale,
    seed,
    port,
    ...(args['neo4j-home'] ? { home: args['neo4j-home'] } : {}),
    log,
  });
  const servers = new Map<System, RunningServer>();
  try {
    const graph = await countGraph(db.driver, undefined);
    const { records: component } = await db.driver.executeQuery(
      'CALL dbms.components() YIELD versions RETURN versions[0] AS v',
    );
    const { records: apoc } = await db.driver.executeQuery('RETURN apoc.version() AS v');
    const pools = await drawPools(db.driver);
    log(
      `parameters drawn: ${pools.meetings.length} meetings, ${pools.persons.length} persons, hubs ${pools.hubs.join(', ')}`,
    );

    // Ours runs as deployed: the built JavaScript (bench/servers/ours.ts).
    const deployed = { BENCH_OURS_FROM: 'dist' };
    if (systems.includes('ours')) {
      log('building the server (npm run build) ...');
      execFileSync(process.execPath, [path.join(projectRoot, 'scripts', 'build.mjs')], {
        cwd: projectRoot,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
    for (const system of systems) {
      log(`starting the ${system} server`);
      servers.set(system, await startServer(system, db.port, deployed));
    }

    const results: Results = {
      startedAt,
      finishedAt: '',
      machine: machineAtStart,
      versions: versions(String(component[0]?.get('v')), String(apoc[0]?.get('v'))),
      scale,
      seed,
      graph,
      settings: {
        concurrency,
        warmupSeconds: warmup,
        seconds,
        rounds,
        neo4jHeap: db.settings.heap,
        neo4jPageCache: db.settings.pageCache,
      },
      ...(db.prepared.loadSummary ? { load: loadReport(db.prepared.loadSummary) } : {}),
      measurements: [],
      profiles: [],
      notMeasured: [],
      gaps: [],
      answers: [],
    };

    /** Each system's parameter lists, follow-ups (q8b) computed from first answers. */
    const paramsOf = new Map<string, Map<System, Params[]>>();
    const requestsFor = async (q: QueryDef, system: System): Promise<Request[] | string> => {
      const def = q.systems[system];
      if (!def) return q.systems.unsupported?.[system] ?? 'not defined';
      let params: Params[] = q.params(pools);
      if (q.followUp) {
        const base = QUERIES.find((b) => b.id === q.followUp!.of)!;
        const server = servers.get(system)!;
        params = [];
        for (const p of paramsOf.get(base.id)?.get(system) ?? base.params(pools)) {
          const answer = await post(server.url, base.systems[system]!.build(p));
          const next =
            answer.status === 200 ? q.followUp.next(system, p, JSON.parse(answer.text)) : undefined;
          if (next) params.push(next);
        }
        if (params.length === 0) return 'no first page had a next page';
      }
      paramsOf.set(q.id, (paramsOf.get(q.id) ?? new Map<System, Params[]>()).set(system, params));
      return params.map((p) => def.build(p));
    };

    const measured = new Map<string, Map<System, Request[]>>();
    for (const q of QUERIES.filter((d) => queries.includes(d.id))) {
      const prepared = new Map<System, Request[]>();
      measured.set(q.id, prepared);
      /** Ours: the cypherRoundTrips its answers report, averaged over the checked requests. */
      const reportedTrips = new Map<System, number>();
      for (const system of systems) {
        const requests = await requestsFor(q, system);
        if (typeof requests === 'string') {
          results.notMeasured.push({ query: q.id, system, reason: requests });
          continue;
        }
        const gap = q.systems[system]?.gap;
        if (gap) results.gaps.push({ query: q.id, system, gap });
        // The first requests, once: their size (to compare what each system returns) and any
        // error (reported; the system is measured all the same, errors counted).
        let bytes = 0;
        let trips = 0;
        let failure: string | undefined;
        const checked = requests.slice(0, 5);
        for (const request of checked) {
          const answer = await post(servers.get(system)!.url, request);
          bytes += answer.text.length;
          if (answer.status !== 200 || answer.text.includes('"errors"')) {
            failure ??= answer.text.slice(0, 300);
            continue;
          }
          trips +=
            (JSON.parse(answer.text) as { extensions?: { cypherRoundTrips?: number } }).extensions
              ?.cypherRoundTrips ?? 0;
        }
        results.answers.push({
          query: q.id,
          system,
          bytes: Math.round(bytes / checked.length),
          ok: failure === undefined,
          ...(failure ? { note: failure } : {}),
        });
        reportedTrips.set(system, trips / checked.length);
        prepared.set(system, requests);
      }
      for (const c of args['profile-only'] ? [] : concurrency) {
        const slices = new Map<System, { loads: LoadResult[]; served: number; cypher: number }>();
        for (const [system, requests] of prepared) {
          const server = servers.get(system)!;
          // On a terminal, a bar of the cell's seconds (warm-up, then measured).
          if (warmup > 0) {
            await timedStep(display, `${q.id} ${system} c=${c} warm-up (s)`, warmup, () =>
              runLoad(server.url, requests, c, warmup),
            );
          }
          await server.resetPeak();
          slices.set(system, { loads: [], served: 0, cypher: 0 });
        }
        const slice = seconds / rounds;
        for (let round = 1; round <= rounds; round++) {
          for (const [system, requests] of prepared) {
            const server = servers.get(system)!;
            const of = rounds > 1 ? ` ${round}/${rounds}` : '';
            const before = await server.stats();
            const load = await timedStep(
              display,
              `${q.id} ${system} c=${c} measuring${of} (s)`,
              slice,
              () => runLoad(server.url, requests, c, slice),
            );
            const after = await server.stats();
            const totals = slices.get(system)!;
            totals.loads.push(load);
            totals.served += after.requests - before.requests - 1; // minus the stats call itself
            totals.cypher += after.cypher - before.cypher;
          }
        }
        for (const [system] of prepared) {
          const server = servers.get(system)!;
          const { loads, served, cypher } = slices.get(system)!;
          const load = combineSlices(loads);
          const after = await server.stats();
          results.measurements.push({
            query: q.id,
            system,
            concurrency: c,
            ...load,
            cypherPerRequest: served > 0 ? cypher / served : NaN,
            ...(system === 'ours' ? { reportedRoundTrips: reportedTrips.get(system) } : {}),
            serverPeakRssMb: after.peakRssMb,
          });
          log(
            `${q.id} ${system.padEnd(13)} c=${String(c).padEnd(3)} ${load.requestsPerSecond.toFixed(1).padStart(8)} r/s  p50 ${load.p50Ms} ms  p99 ${load.p99Ms} ms  errors ${load.errors}  rss ${after.peakRssMb} MB`,
          );
        }
      }
    }
    if (!args['no-profile']) {
      log("profiling: each system's statements for the first requests, under Cypher PROFILE");
      await Promise.all([...servers.values()].map((server) => server.stop()));
      servers.clear();
      for (const system of systems)
        servers.set(
          system,
          await startServer(system, db.port, { ...deployed, BENCH_CAPTURE: '1' }),
        );
      for (const [query, bySystem] of measured) {
        for (const [system, requests] of bySystem) {
          const sample = requests.slice(0, 3);
          const profiles: Profile[] = [];
          for (const request of sample)
            profiles.push(await profileRequest(db.driver, servers.get(system)!, query, request));
          const mean = (f: (p: Profile) => number) =>
            profiles.reduce((a, p) => a + f(p), 0) / profiles.length;
          results.profiles.push({
            query,
            system,
            statements: mean((p) => p.statements),
            dbHits: mean((p) => p.dbHits),
            rows: mean((p) => p.rows),
            millis: mean((p) => p.millis),
          });
        }
      }
    }
    results.finishedAt = new Date().toISOString();
    const written = writeResults(results);
    console.log(markdown(results));
    console.error(`results: ${written.md}\n         ${written.json}`);
    return 0;
  } finally {
    await Promise.all([...servers.values()].map((s) => s.stop()));
    await db.stop();
  }
});
