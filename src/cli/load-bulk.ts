import { loadConfig, localConnection } from '../config/env.js';
import { createDriver, verifyDatabase } from '../db/driver.js';
import * as local from '../local-neo4j/manager.js';
import { bulkLoadSeeds } from '../seed/bulk-load.js';
import { validateBulk } from '../seed/bulk-validate.js';
import { reportSeedIssues } from './report-seed-issues.js';
import { largeSeedOptions } from './large-seed-options.js';
import { printGraphCounts } from './print-graph-counts.js';
import { progressDisplay } from '../progress/display.js';
import { parseCliArgs, runCli } from './run-cli.js';

const HELP = `Usage: npm run load-bulk -- --seeds DIR [--documents DIR] [--reset] [--check] [--writers N] [--keep-indexes] [--json]

Loads a seed too large for \`npm run seed\` (which writes everything in one transaction), such as
one written by \`npm run generate\`:

  pass 1  validates every file as a stream, with the same checks as \`npm run seed\` (JSON Schema,
          ids, references, dates, quotes against the article texts, checksums); if anything is
          wrong, nothing is written and each problem is printed as file:line:column: message
  pass 2  writes the checked records in transactions of ~5,000 rows with idempotent MERGE,
          showing progress and relationships per second

Unlike \`npm run seed\`, the load is not atomic: the graph's loaded-seed version is removed first
and written only when every unit is in, so a partial load never reads as complete; running the
same command again finishes an interrupted load. It does not remove what the seed lacks: use
--reset to wipe the loader's nodes first (in batches). Indexes the load does not read (full-text
names, sort keys, quotes by fact ...) are dropped while it writes and built again at its end.

Options:
  --seeds DIR       seed folder (documents.yaml, entities/, facts/, seed.schema.json)
  --documents DIR   article texts (default: DIR/documents when it exists, else SEED_DOCUMENTS_DIR)
  --reset           wipe the loader's nodes first
  --check           validate only (pass 1); touch no database
  --writers N       transactions in flight at once (default 2: one commits while one executes)
  --keep-indexes    keep every index while writing (slower; when the database is read meanwhile)
  --json            print the summary as JSON on stdout (progress stays on stderr)

Database: NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE, or the local Neo4j
(started if needed) when NEO4J_URI is unset; NEO4J_LOCAL_HEAP / NEO4J_LOCAL_PAGECACHE size it.
Exit codes: 0 loaded or valid, 1 invalid seed or database error, 2 bad arguments.
`;

runCli(async () => {
  const args = parseCliArgs(HELP, {
    seeds: { type: 'string' },
    documents: { type: 'string' },
    reset: { type: 'boolean' },
    check: { type: 'boolean' },
    json: { type: 'boolean' },
    writers: { type: 'string' },
    'keep-indexes': { type: 'boolean' },
  });
  if (!args.seeds) {
    console.error(`--seeds is required\n\n${HELP}`);
    return 2;
  }
  const writers = Number(args.writers ?? 2);
  if (!Number.isInteger(writers) || writers < 1 || writers > 8) {
    console.error(`--writers must be an integer from 1 to 8\n\n${HELP}`);
    return 2;
  }
  const config = loadConfig();
  // Bars with rate and time left on a terminal; the plain lines every two seconds otherwise.
  const display = progressDisplay();
  const options = {
    ...largeSeedOptions({ seeds: args.seeds, documents: args.documents }, config),
    ...display,
  };
  const invalid = (error: unknown) => reportSeedIssues(error, 'nothing was loaded');

  if (args.check) {
    try {
      const plan = validateBulk(options);
      display.stop();
      plan.cleanup();
      if (plan.textsSkipped) console.error(`warning: ${plan.textsSkipped}`);
      console.log(
        `seed valid: ${plan.distinct.entities} entities, ${plan.distinct.facts} facts, ` +
          `${plan.distinct.evidence} evidence (version ${plan.version}) in ${(plan.millis / 1000).toFixed(1)} s`,
      );
      return 0;
    } catch (error) {
      display.stop();
      return invalid(error);
    }
  }

  const connection = config.external ?? localConnection(config.local.port);
  if (!config.external) await local.start(config.local, { log: (m) => console.error(m) });
  const driver = createDriver(connection);
  try {
    await verifyDatabase(driver, connection);
    let summary;
    try {
      summary = await bulkLoadSeeds(driver, {
        ...options,
        database: connection.database,
        reset: Boolean(args.reset),
        writers,
        keepIndexes: Boolean(args['keep-indexes']),
      });
    } catch (error) {
      display.stop();
      return invalid(error);
    }
    display.stop();
    if (summary.plan.textsSkipped) console.error(`warning: ${summary.plan.textsSkipped}`);
    if (args.json) {
      console.log(JSON.stringify(summary, null, 2));
      return 0;
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `loaded seed ${summary.version} into ${connection.uri} in ${s(summary.millis)} ` +
        `(validation ${s(summary.validateMillis)}, writing ${s(summary.writeMillis)})`,
    );
    console.log(
      `relationships written: ${summary.relationships} (${summary.relationshipsPerSecond}/s while writing, ` +
        `${summary.relationshipsCreated} new); peak RSS of this process ${summary.peakRssMb} MB`,
    );
    printGraphCounts(summary);
  } finally {
    await driver.close();
  }
  return 0;
});
