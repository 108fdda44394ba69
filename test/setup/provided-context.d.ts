import 'vitest';
import type { Neo4jConnection } from '../../src/config/env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jConnection;
  }
}
