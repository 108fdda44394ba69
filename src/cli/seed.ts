import path from 'node:path';
import { loadConfig, localConnection, projectRoot } from '../config/env.js';
import { createDriver, verifyDatabase } from '../db/driver.js';
import * as local from '../local-neo4j/manager.js';
import { bulkLoadSeeds } from '../seed/bulk-load.js';
import { chooseSink, seedBytes, SINK_NAMES, type SinkName } from '../seed/choose-sink.js';
import { countAll, importSeeds } from '../seed/import-seeds.js';
import { loadSeedGraph } from '../seed/load.js';
import { checkSeeds, readSeeds } from '../seed/read-seeds.js';
import { reportSeedIssues } from './report-seed-issues.js';
import { printGraphCounts } from './print-graph-counts.js';
import { parseCliArgs, runCli } from './run-cli.js';

const HELP = `Usage: npm run seed -- [--check] [--reset] [--seeds DIR] [--documents DIR] [--require-texts] [--sink NAME]

Validates the seed files (JSON Schema, ids, references, dates, quotes against the article texts,
text checksums) and loads them into Neo4j. If anything is wrong, nothing is loaded and every
problem is printed as file:line:column: message.

The load goes through one of three sinks of the same validator, chosen by the seed's size unless
--sink says which:
  transactional  up to 10 MB of YAML: the whole graph in one transaction (all or nothing, prunes
                 what the seed no longer has, records the seed version)
  import         from 50 MB, into an empty local database: Neo4j's offline importer, as
                 \`npm run import\` (the local Neo4j is stopped for it and started after)
  batched        otherwise: streaming, batched transactions, as \`npm run load-bulk\`

Options:
  --check           validate only; touch no database (streaming: any size)
  --reset           wipe the loader's nodes first (transactional: in the same transaction)
  --seeds DIR       seed folder (default: seeds/)
  --documents DIR   folder of the article texts (default: SEED_DOCUMENTS_DIR or ../shared/seed-documents)
  --require-texts   fail when the texts are absent instead of skipping quote checks (on under CI=true)
  --sink NAME       auto (default), transactional, batched or import

Database: NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE, or the local Neo4j
(started if needed) when NEO4J_URI is unset.
Exit codes: 0 loaded or valid, 1 invalid seed or database error, 2 bad arguments.
`;

runCli(async () => {
  const args = parseCliArgs(HELP, {
    check: { type: 'boolean' },
    reset: { type: 'boolean' },
    seeds: { type: 'string' },
    documents: { type: 'string' },
    'require-texts': { type: 'boolean' },
    sink: { type: 'string' },
  });
  const asked = args.sink ?? 'auto';
  if (asked !== 'auto' && !SINK_NAMES.includes(asked as SinkName)) {
    console.error(`--sink must be auto, ${SINK_NAMES.join(', ')}\n\n${HELP}`);
    return 2;
  }
  const config = loadConfig();
  const say = (m: string) => console.error(`  ${m}`);
  const readOptions = {
    seedsDir: path.resolve(args.seeds ?? path.join(projectRoot, 'seeds')),
    documentsDir: path.resolve(args.documents ?? config.documentsDir),
    requireTexts: Boolean(args['require-texts']) || process.env.CI === 'true',
  };
  const invalid = (error: unknown) => reportSeedIssues(error, 'nothing was loaded');

  if (args.check) {
    try {
      const seed = checkSeeds({ ...readOptions, onProgress: say });
      if (seed.textsSkipped) console.error(`warning: ${seed.textsSkipped}`);
      const { entities, facts, evidence } = seed.distinct;
      console.error(
        `seed valid: ${entities} entities, ${facts} facts, ${evidence} evidence (version ${seed.version})`,
      );
      return 0;
    } catch (error) {
      return invalid(error);
    }
  }

  const connection = config.external ?? localConnection(config.local.port);
  if (!config.external) await local.start(config.local, { log: (m) => console.error(m) });
  let driver = createDriver(connection);
  try {
    await verifyDatabase(driver, connection);
    let sink = asked as SinkName;
    if (asked === 'auto') {
      const bytes = seedBytes(readOptions.seedsDir);
      const empty = (await countAll(driver, connection.database)).nodes === 0;
      const chosen = chooseSink({ bytes, local: !config.external, empty });
      console.error(`sink: ${chosen.sink}, for ${chosen.why}`);
      sink = chosen.sink;
    }

    if (sink === 'import') {
      if (config.external) {
        console.error('--sink import loads the local Neo4j only: see `npm run import -- --out`');
        return 2;
      }
      await driver.close();
      let summary;
      try {
        summary = await importSeeds(config.local, {
          ...readOptions,
          force: Boolean(args.reset),
          onProgress: say,
        });
      } catch (error) {
        return invalid(error);
      } finally {
        driver = createDriver(connection);
      }
      if (summary.textsSkipped) console.error(`warning: ${summary.textsSkipped}`);
      console.log(
        `imported seed ${summary.version} in ${(summary.millis / 1000).toFixed(1)} s ` +
          `(${summary.relationshipsPerSecond} relationships/s); peak RSS of this process ${summary.peakRssMb} MB`,
      );
      printGraphCounts(summary);
      return 0;
    }

    if (sink === 'batched') {
      let summary;
      try {
        summary = await bulkLoadSeeds(driver, {
          ...readOptions,
          database: connection.database,
          reset: Boolean(args.reset),
          onProgress: say,
        });
      } catch (error) {
        return invalid(error);
      }
      if (summary.plan.textsSkipped) console.error(`warning: ${summary.plan.textsSkipped}`);
      console.log(
        `loaded seed ${summary.version} into ${connection.uri} in ${(summary.millis / 1000).toFixed(1)} s ` +
          `(${summary.relationshipsPerSecond} relationships/s while writing); peak RSS of this process ${summary.peakRssMb} MB`,
      );
      printGraphCounts(summary);
      return 0;
    }

    let graph;
    try {
      graph = readSeeds(readOptions);
    } catch (error) {
      return invalid(error);
    }
    if (graph.textsSkipped) console.error(`warning: ${graph.textsSkipped}`);
    console.error(
      `seed valid: ${graph.entities.length} entities, ${graph.facts.length} facts, ${graph.evidence.length} evidence (version ${graph.version})`,
    );
    const summary = await loadSeedGraph(driver, graph, {
      database: connection.database,
      reset: Boolean(args.reset),
      onProgress: say,
    });
    console.log(`loaded seed ${summary.version} into ${connection.uri} in ${summary.millis} ms`);
    printGraphCounts(summary);
  } finally {
    await driver.close();
  }
  return 0;
});
