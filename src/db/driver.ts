import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConnection } from '../config/env.js';

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** One driver per process: callers create it once at start and close it on shutdown. */
export function createDriver(conn: Neo4jConnection): Driver {
  const auth = conn.password ? neo4j.auth.basic(conn.username, conn.password) : undefined;
  return neo4j.driver(conn.uri, auth, {
    // Fail fast when the database is away instead of hanging requests.
    connectionAcquisitionTimeout: 5000,
    connectionTimeout: 5000,
    maxConnectionPoolSize: 50,
    disableLosslessIntegers: true,
  });
}

/** Checks the database answers, turning driver errors into one clear message. */
export async function verifyDatabase(driver: Driver, conn: Neo4jConnection): Promise<void> {
  try {
    await driver.verifyConnectivity(conn.database ? { database: conn.database } : {});
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(
      `cannot reach Neo4j at ${conn.uri}${conn.database ? ` (database "${conn.database}")` : ''}: ${reason}\n` +
        'Check NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE, or unset NEO4J_URI to use the local Neo4j.',
      { cause: error },
    );
  }
}
