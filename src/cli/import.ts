import path from 'node:path';
import { loadConfig } from '../config/env.js';
import { createDriver, verifyDatabase } from '../db/driver.js';
import {
  finishImport,
  importSeeds,
  operatorCommand,
  prepareImport,
  readManifest,
} from '../seed/import-seeds.js';
import { reportSeedIssues } from './report-seed-issues.js';
import { largeSeedOptions } from './large-seed-options.js';
import { printGraphCounts } from './print-graph-counts.js';
import { parseCliArgs, runCli } from './run-cli.js';

const HELP = `Usage: npm run import -- --seeds DIR [--documents DIR] [--force] [--out DIR] [--finish DIR] [--json]

A first load of a large seed into an empty database through Neo4j's own offline importer
(\`neo4j-admin database import full\`, the neo4j-import-tool of the local Neo4j's 5.26 release):

  1  validates every file as a stream, with the checks of \`npm run seed\` (file:line:column),
     and writes the checked rows as the importer's CSV files in the same pass (progress and rate
     on stderr); if anything is wrong, the files are deleted and nothing is imported
  2  (only when some facts are stated by several articles: collapses each to one row)
  3  stops the local Neo4j, imports into a new store folder and swaps it in only when the import
     succeeded (a failure or a kill at any point leaves the previous database as it was)
  4  starts Neo4j again, builds the indexes, constraints and full-text index the API needs, checks
     the counts, and records the seed version (the API is ready only then)

It refuses a database that holds anything, unless --force (which says what it deletes). With
NEO4J_URI set, an offline import must run on that server's disk: the command writes the files
to --out and prints the neo4j-admin command for the server's operator; once it has run and the
database is started, \`npm run import -- --finish DIR\` builds the indexes and records the version.

Options:
  --seeds DIR       seed folder (documents.yaml, entities/, facts/, seed.schema.json)
  --documents DIR   article texts (default: DIR/documents when it exists, else SEED_DOCUMENTS_DIR)
  --force           replace a database that is not empty
  --out DIR         write the import files there and stop (required with NEO4J_URI)
  --finish DIR      after an operator's import of DIR's files: indexes, checks and version
  --keep-files      keep the local import's files (in NEO4J_LOCAL_HOME/import-files)
  --json            print the summary as JSON on stdout (progress stays on stderr)

Memory: this process runs with a 160 MB heap bound and 16 MB semi-spaces (set by the npm script:
fewer young-generation collections, the same peak RSS); the importer's JVM
gets a 2 GB heap and at most 4 GB off-heap. Local Neo4j: NEO4J_LOCAL_HOME, NEO4J_LOCAL_PORT.
Exit codes: 0 done, 1 invalid seed, refused target or failed import, 2 bad arguments.
`;

runCli(async () => {
  const args = parseCliArgs(HELP, {
    seeds: { type: 'string' },
    documents: { type: 'string' },
    force: { type: 'boolean' },
    out: { type: 'string' },
    finish: { type: 'string' },
    'keep-files': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const config = loadConfig();
  const say = (m: string) => console.error(`  ${m}`);

  if (args.finish) {
    const manifest = readManifest(path.resolve(args.finish));
    if (!config.external) {
      console.error('--finish is for an import an operator ran on the server at NEO4J_URI');
      return 2;
    }
    const driver = createDriver(config.external);
    try {
      await verifyDatabase(driver, config.external);
      const done = await finishImport(driver, config.external.database, manifest, say);
      console.log(`seed ${manifest.version} recorded in ${config.external.uri}`);
      printGraphCounts(done);
    } finally {
      await driver.close();
    }
    return 0;
  }

  if (!args.seeds) {
    console.error(`--seeds is required\n\n${HELP}`);
    return 2;
  }
  if (config.external && !args.out) {
    console.error(
      `NEO4J_URI is set: an offline import runs on that server's disk. Give --out DIR for the files.\n\n${HELP}`,
    );
    return 2;
  }
  const options = largeSeedOptions({ seeds: args.seeds, documents: args.documents }, config);

  try {
    if (args.out) {
      const outDir = path.resolve(args.out);
      const { files, plan } = prepareImport({ ...options, outDir });
      if (plan.textsSkipped) console.error(`warning: ${plan.textsSkipped}`);
      console.log(
        `import files for seed ${plan.version} in ${outDir}: ${files.nodes} nodes, ` +
          `${files.relationships} relationships. On the server, with its database stopped, run:\n\n` +
          `${operatorCommand(files)}\n\n` +
          `(copy ${files.dir} there and adjust the paths), start the database, then run\n` +
          `npm run import -- --finish ${outDir}`,
      );
      return 0;
    }
    const summary = await importSeeds(config.local, {
      ...options,
      force: Boolean(args.force),
      keepFiles: Boolean(args['keep-files']),
    });
    if (summary.textsSkipped) console.error(`warning: ${summary.textsSkipped}`);
    if (args.json) {
      console.log(JSON.stringify(summary, null, 2));
      return 0;
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `imported seed ${summary.version} in ${s(summary.millis)} (validation and files ${s(summary.validateMillis)}, ` +
        `of which writing the files ${s(summary.filesMillis)}; import ${s(summary.importMillis)}, ` +
        `Neo4j start ${s(summary.restartMillis)}, indexes ${s(summary.indexMillis)})`,
    );
    console.log(
      `relationships: ${summary.relationships} (${summary.relationshipsPerSecond}/s end to end, ` +
        `${summary.importRelationshipsPerSecond}/s in the importer); peak RSS of this process ${summary.peakRssMb} MB`,
    );
    printGraphCounts(summary);
    return 0;
  } catch (error) {
    return reportSeedIssues(error, 'nothing was imported');
  }
});
