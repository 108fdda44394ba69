import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll } from 'vitest';
import { createApp, listen, type App } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logger.js';
import { loadServerSettings } from '../../src/server/settings.js';
import { dumpGraph } from '../support/graph-dump.js';
import { testConnection, testDriver } from '../support/neo4j.js';
import { recordingDriver, type SentStatement } from './reliability-harness.js';

/** The server the hostile-input tests attack, and what they check it against. */
export interface RecordedServer {
  /** The GraphQL endpoint; set once the server listens (in beforeAll). */
  url: string;
  /** Every statement the server sent to Neo4j, in order. */
  sent: SentStatement[];
  /** The driver without the recording, for the tests' own reads. */
  realDriver: Driver;
  /** Undefined means the server's default database. */
  database: string | undefined;
  /** The graph before any hostile request (dumpGraph), set in beforeAll: it must not change. */
  graphBefore: string[];
}

/**
 * The real server with the default settings on a free loopback port, over the test graph, its
 * driver recording every statement: started before the file's tests and shut down after them.
 */
export function setUpRecordedServer(): RecordedServer {
  const realDriver = testDriver();
  const { driver, sent } = recordingDriver(realDriver);
  const { database } = testConnection();
  const server: RecordedServer = { url: '', sent, realDriver, database, graphBefore: [] };
  let app: App;

  beforeAll(async () => {
    app = createApp({
      driver,
      database,
      logger: createLogger('silent'),
      settings: loadServerSettings({}),
    });
    server.url = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}/graphql`;
    server.graphBefore = await dumpGraph(realDriver, database);
  });

  afterAll(async () => {
    await app.shutdown();
    await realDriver.close();
  });

  return server;
}
