import type { Neo4jConnection } from '../../src/config/env.js';

/** Where the integration tests get their real Neo4j from, in order of preference. */
export type Neo4jSource =
  | { kind: 'external'; connection: Neo4jConnection }
  | { kind: 'container'; image: string }
  | { kind: 'local'; port: number };

export interface SourceProbe {
  /** Whether a container runtime (Docker, Podman ...) answers. */
  containerRuntimeAvailable(): Promise<boolean>;
}

export const CONTAINER_IMAGE = 'neo4j:5.26';

/**
 * NEO4J_URI when set (the user's own server); else a Testcontainers Neo4j when a container
 * runtime answers; else the project's local Neo4j on a test port of its own.
 */
export async function chooseNeo4jSource(
  env: Record<string, string | undefined>,
  probe: SourceProbe,
): Promise<Neo4jSource> {
  const uri = env.NEO4J_URI?.trim();
  if (uri) {
    return {
      kind: 'external',
      connection: {
        uri,
        username: env.NEO4J_USERNAME ?? 'neo4j',
        password: env.NEO4J_PASSWORD ?? '',
        database: env.NEO4J_DATABASE?.trim() || undefined,
      },
    };
  }
  if (env.TEST_NEO4J_NO_CONTAINER !== '1' && (await probe.containerRuntimeAvailable())) {
    return { kind: 'container', image: CONTAINER_IMAGE };
  }
  const port = Number(env.NEO4J_TEST_PORT ?? 7688);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`NEO4J_TEST_PORT must be a port number, got "${env.NEO4J_TEST_PORT}"`);
  }
  return { kind: 'local', port };
}
