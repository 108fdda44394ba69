import type http from 'node:http';
import { createApp } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logger.js';
import { countingDriver, portArgs, serve } from './common.js';

/**
 * (a) This project's server, as deployed (the runner sets SERVER_MODE=production), through its
 * whole HTTP pipeline; only its per-request log lines are off (LOG_LEVEL=warn), as writing them
 * to the runner's pipe would measure the pipe.
 */
const { neo4jPort, port } = portArgs();
const app = createApp({
  driver: countingDriver(neo4jPort),
  database: undefined,
  logger: createLogger(),
});
const [handler] = app.server.listeners('request') as http.RequestListener[];
serve(handler!, port);
