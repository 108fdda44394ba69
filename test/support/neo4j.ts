import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { LocalNeo4jSettings, Neo4jConnection } from '../../src/config/env.js';
import { createDriver } from '../../src/db/driver.js';
import { freePort } from '../../src/server/free-port.js';

/** The real Neo4j the global setup chose for this run. */
export function testConnection(): Neo4jConnection {
  return inject('neo4j');
}

export function testDriver(): Driver {
  return createDriver(testConnection());
}

/**
 * A small local Neo4j of a test file's own (its home folder, a free port), for tests that replace
 * or wipe the whole database and so cannot use the shared test database.
 */
export async function scratchNeo4jSettings(home: string): Promise<LocalNeo4jSettings> {
  return { home, port: await freePort(), pageCache: '64m', heap: '512m' };
}
