import { localConnection, type AppConfig, type Neo4jConnection } from '../config/env.js';
import * as local from '../local-neo4j/manager.js';

export interface CommandNeo4j {
  connection: Neo4jConnection;
  /** The local Neo4j's start, when NEO4J_URI is unset (null with NEO4J_URI). */
  started: local.StartResult | null;
  /** Stops the local Neo4j if this command started it; leaves any other one alone. */
  stopIfStarted(): Promise<void>;
}

/**
 * The Neo4j a long-running command talks to: the server at NEO4J_URI, or else the local one,
 * started when it is not running (progress on stderr) and stopped again by stopIfStarted.
 */
export async function commandNeo4j(config: AppConfig): Promise<CommandNeo4j> {
  if (config.external) {
    return { connection: config.external, started: null, stopIfStarted: async () => {} };
  }
  const started = await local.start(config.local, { log: (m) => console.error(m) });
  return {
    connection: localConnection(config.local.port),
    started,
    stopIfStarted: async () => {
      if (!started.alreadyRunning) await local.stop(config.local);
    },
  };
}
