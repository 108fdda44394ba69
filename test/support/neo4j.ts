import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { Neo4jConnection } from '../../src/config/env.js';
import { createDriver } from '../../src/db/driver.js';

/** The real Neo4j the global setup chose for this run. */
export function testConnection(): Neo4jConnection {
  return inject('neo4j');
}

export function testDriver(): Driver {
  return createDriver(testConnection());
}
