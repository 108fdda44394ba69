import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../config/env.js';
import { createDriver, verifyDatabase } from '../db/driver.js';
import { createApp, listenApp } from '../server/app.js';
import { createLogger } from '../server/logger.js';
import { loadServerSettings } from '../server/settings.js';
import { commandNeo4j } from './command-neo4j.js';
import { parseCliArgs, runCli } from './run-cli.js';
import path from 'node:path';
import { projectRoot } from '../config/env.js';
import { ensureSeeded } from '../seed/ensure-seeded.js';
import { formatIssue, SeedValidationError } from '../seed/types.js';

const HELP = `Usage: npm start [-- --no-seed]

Runs the main job: the local Neo4j (unless NEO4J_URI is set), the seed graph, and the GraphQL
server with its playground at http://localhost:$PORT/graphql (PORT defaults to 4000).

Options:
  --no-seed   serve the graph as it is, without loading the seed files first

Also serves /health (liveness), /ready (Neo4j answers and holds the seed graph, and the warm-up
has run: the example and explorer operations, once, within WARM_UP_TIMEOUT_MS) and /metrics
(Prometheus): on the public port in development; in production only with METRICS_PORT, on
METRICS_HOST:METRICS_PORT (default host 127.0.0.1), never on the public port.

Settings (environment): NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE, PORT, HOST,
NEO4J_LOCAL_PORT, NEO4J_LOCAL_HOME, NEO4J_LOCAL_HEAP, NEO4J_LOCAL_PAGECACHE, QUERY_TIMEOUT_MS,
LOG_LEVEL; production mode and limits: NODE_ENV or SERVER_MODE, GRAPHQL_INTROSPECTION,
GRAPHQL_SUGGESTIONS, GRAPHIQL, CORS_ORIGINS, PERSISTED_OPERATIONS_FILE, REQUEST_TIMEOUT_MS,
SHUTDOWN_TIMEOUT_MS, WARM_UP_TIMEOUT_MS, MAX_DEPTH, MAX_COST, MAX_ALIASES, MAX_DIRECTIVES,
MAX_TOKENS, MAX_BATCH, MAX_BODY_BYTES, METRICS_PORT, METRICS_HOST, QUERY_PLANNER, GRAPHQL_JIT
(see the README).
Stop with Ctrl-C or SIGTERM: the server stops accepting, drains in-flight requests (up to
SHUTDOWN_TIMEOUT_MS), closes the driver and stops the local Neo4j it started. A second Ctrl-C
cuts the requests still running instead of waiting for them.
`;

runCli(async () => {
  const args = parseCliArgs(HELP, { 'no-seed': { type: 'boolean', default: false } });
  const config = loadConfig();
  const settings = loadServerSettings();
  const logger = createLogger();
  const { connection, started, stopIfStarted: stopLocal } = await commandNeo4j(config);
  if (started) {
    console.error(
      started.alreadyRunning
        ? `using the running local Neo4j at ${started.uri}`
        : `local Neo4j ready at ${started.uri}`,
    );
  }
  const driver: Driver = createDriver(connection);
  try {
    await verifyDatabase(driver, connection);
  } catch (error) {
    await driver.close();
    await stopLocal();
    throw error;
  }
  let seedVersion: string | undefined;
  if (!args['no-seed']) {
    try {
      const seeded = await ensureSeeded(
        driver,
        connection.database,
        {
          seedsDir: path.join(projectRoot, 'seeds'),
          documentsDir: config.documentsDir,
          requireTexts: false,
        },
        (m) => console.error(`  ${m}`),
      );
      seedVersion = seeded.version;
      if (seeded.textsSkipped) console.error(`warning: ${seeded.textsSkipped}`);
      console.error(
        seeded.loaded
          ? `seed graph ${seeded.version} loaded in ${seeded.summary?.millis} ms`
          : `seed graph ${seeded.version} already loaded`,
      );
    } catch (error) {
      await driver.close();
      await stopLocal();
      if (error instanceof SeedValidationError) {
        for (const issue of error.issues) console.error(formatIssue(issue));
      }
      throw error;
    }
  }
  const app = createApp({
    driver,
    database: connection.database,
    logger,
    settings,
    expectedSeedVersion: seedVersion,
    closeResources: async () => {
      await driver.close();
      await stopLocal();
    },
  });
  const { port, metricsPort } = await listenApp(app, config.httpPort, settings);
  console.error(`GraphQL server ready: http://localhost:${port}/graphql`);
  if (metricsPort !== undefined) {
    console.error(`metrics: http://${settings.metrics.host}:${metricsPort}/metrics`);
  } else if (settings.production) {
    console.error('metrics: not served (set METRICS_PORT to serve /metrics on a port of its own)');
  }
  // Warms up at once (/ready says ready when done), and notices a Neo4j restart by itself.
  void app.readiness.check();
  const stopWatching = app.readiness.watch(2000);

  await new Promise<void>((resolve, reject) => {
    const shutdown = (signal: string) => {
      console.error(`${signal}: shutting down (draining requests, closing the driver)...`);
      // A second signal means "now": cut the requests still running; the driver and the local
      // Neo4j (in its own process group, which Ctrl-C does not reach) still get closed.
      process.once(signal, () => app.server.closeAllConnections());
      stopWatching();
      app.shutdown().then(resolve, reject);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  console.error('stopped');
  return 0;
});
