import path from 'node:path';
import { loadConfig, localConnection, projectRoot } from '../config/env.js';
import { createDriver, verifyDatabase } from '../db/driver.js';
import * as local from '../local-neo4j/manager.js';
import { loadSeedGraph } from '../seed/load.js';
import { readSeeds } from '../seed/read-seeds.js';
import { SeedValidationError, formatIssue } from '../seed/types.js';
import { printGraphCounts } from './print-graph-counts.js';
import { parseCliArgs, runCli } from './run-cli.js';

const HELP = `Usage: npm run seed -- [--check] [--reset] [--seeds DIR] [--documents DIR] [--require-texts]

Validates the seed files (JSON Schema, ids, references, dates, quotes against the article texts,
text checksums) and loads them into Neo4j in one transaction. If anything is wrong, nothing is
loaded and every problem is printed as file:line:column: message.

Options:
  --check           validate only; touch no database
  --reset           wipe the loader's nodes first (in the same transaction)
  --seeds DIR       seed folder (default: seeds/)
  --documents DIR   folder of the article texts (default: SEED_DOCUMENTS_DIR or ../shared/seed-documents)
  --require-texts   fail when the texts are absent instead of skipping quote checks (on under CI=true)

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
  });
  const config = loadConfig();
  const readOptions = {
    seedsDir: path.resolve(args.seeds ?? path.join(projectRoot, 'seeds')),
    documentsDir: path.resolve(args.documents ?? config.documentsDir),
    requireTexts: Boolean(args['require-texts']) || process.env.CI === 'true',
  };
  let graph;
  try {
    graph = readSeeds(readOptions);
  } catch (error) {
    if (error instanceof SeedValidationError) {
      for (const issue of error.issues) console.error(formatIssue(issue));
      console.error(`\n${error.issues.length} problem(s): nothing was loaded.`);
      return 1;
    }
    throw error;
  }
  if (graph.textsSkipped) console.error(`warning: ${graph.textsSkipped}`);
  console.error(
    `seed valid: ${graph.entities.length} entities, ${graph.facts.length} facts, ${graph.evidence.length} evidence (version ${graph.version})`,
  );
  if (args.check) return 0;

  const connection = config.external ?? localConnection(config.local.port);
  if (!config.external) await local.start(config.local, { log: (m) => console.error(m) });
  const driver = createDriver(connection);
  try {
    await verifyDatabase(driver, connection);
    const summary = await loadSeedGraph(driver, graph, {
      database: connection.database,
      reset: Boolean(args.reset),
      onProgress: (m) => console.error(`  ${m}`),
    });
    console.log(`loaded seed ${summary.version} into ${connection.uri} in ${summary.millis} ms`);
    printGraphCounts(summary);
  } finally {
    await driver.close();
  }
  return 0;
});
