import fs from 'node:fs';
import { loadConfig } from '../config/env.js';
import { Db } from '../read/db.js';
import { BadInputError, NotFoundError } from '../read/errors.js';
import { createDriver, verifyDatabase } from '../db/driver.js';
import { ExploreData } from '../explore/explore-data.js';
import { exportGraph, parseExportOptions } from '../explore/export.js';
import { EXPORT_FORMATS } from '../explore/formats.js';
import { commandNeo4j } from './command-neo4j.js';
import { parseCliArgs, runCli } from './run-cli.js';

const HELP = `Usage: npm run export -- --format FORMAT [--around ID [--depth N] ...] [--out FILE]

Writes a sub-graph in a format graph visualizers import: the neighbourhood of one entity with
--around, else the whole graph (entities and facts; never the evidence quotes themselves, whose
count each node and edge carries as evidenceCount).

Formats:
${Object.entries(EXPORT_FORMATS)
  .map(([name, f]) => `  ${name.padEnd(10)} .${f.extension.padEnd(8)} ${f.description}`)
  .join('\n')}

Options:
  --format FORMAT        one of ${Object.keys(EXPORT_FORMATS).join(', ')} (required)
  --gexf-version V       1.3 (default) or 1.2, which networkx 2.8 reads
  --around ID            centre entity id, e.g. antonio-guterres (default: the whole graph)
  --depth N              levels of facts around it, 1 to 3 (default 1)
  --limit N              at most N entities, 1 to 500 (default 100)
  --per-node-limit N     at most N facts followed out of one entity, 1 to 500 (default 25)
  --types T,...          only these relationship types, e.g. CHAIRED,PARTICIPATED_IN
  --node-types T,...     only through these entity types, e.g. PERSON,MEETING
  --date-from DATE       leave out dated facts and meetings before it (2019, 2019-12, 2019-12-03)
  --date-to DATE         ... and after it
  --out FILE             write there instead of to standard output
  -h, --help             this help

Examples:
  npm run export -- --format graphml --around antonio-guterres --depth 2 --out guterres.graphml
  npm run export -- --format gexf --out graph.gexf

The bounds and filters are those of the GraphQL field neighborhood; the server's
GET /export/<format>?around=...&depth=... gives the same files.
Database: NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE, or the local Neo4j
(started if needed, and stopped again if this command started it) when NEO4J_URI is unset.
Exit codes: 0 written, 1 unknown id or database error, 2 bad arguments.
`;

runCli(async () => {
  const args = parseCliArgs(HELP, {
    format: { type: 'string' },
    'gexf-version': { type: 'string' },
    around: { type: 'string' },
    depth: { type: 'string' },
    limit: { type: 'string' },
    'per-node-limit': { type: 'string' },
    types: { type: 'string', multiple: true },
    'node-types': { type: 'string', multiple: true },
    'date-from': { type: 'string' },
    'date-to': { type: 'string' },
    out: { type: 'string' },
  });
  let request;
  try {
    request = parseExportOptions({
      format: args.format,
      version: args['gexf-version'],
      around: args.around,
      depth: args.depth,
      limit: args.limit,
      perNodeLimit: args['per-node-limit'],
      types: args.types,
      nodeTypes: args['node-types'],
      dateFrom: args['date-from'],
      dateTo: args['date-to'],
    });
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    console.error(`${error.message}\n\n${HELP}`);
    return 2;
  }

  const config = loadConfig();
  const { connection, stopIfStarted: stopLocal } = await commandNeo4j(config);
  const driver = createDriver(connection);
  try {
    await verifyDatabase(driver, connection);
    const db = new Db(driver, {
      database: connection.database,
      timeoutMs: config.queryTimeoutMs,
      requestId: 'cli-export',
    });
    const graph = await exportGraph(new ExploreData(db), request.scope);
    const text = EXPORT_FORMATS[request.format].write(graph, request);
    if (args.out) fs.writeFileSync(args.out, text);
    else process.stdout.write(text);
    console.error(
      `${args.out ? `wrote ${args.out}: ` : ''}${graph.nodes.length} entities, ` +
        `${graph.edges.length} facts${graph.truncated ? ' (a limit left part of it out)' : ''}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BadInputError) {
      console.error(`${error.message}\n\n${HELP}`);
      return 2;
    }
    if (error instanceof NotFoundError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await driver.close();
    await stopLocal();
  }
});
