import type http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../src/config/env.js';
import { countingDriver, portArgs, serve } from './common.js';

/**
 * (a) This project's server, as deployed (the runner sets SERVER_MODE=production), through its
 * whole HTTP pipeline; only its per-request log lines are off (LOG_LEVEL=warn), as writing them
 * to the runner's pipe would measure the pipe.
 *
 * With BENCH_OURS_FROM=dist (the runner builds first) it runs `npm run build`'s JavaScript, as a
 * production server does; otherwise the sources through tsx, whose transform adds work to hot
 * code (a name-keeping wrapper around every closure it creates).
 */
type AppModule = typeof import('../../src/server/app.js');
type LoggerModule = typeof import('../../src/server/logger.js');

const fromDist = process.env.BENCH_OURS_FROM === 'dist';
const module = (name: string) =>
  pathToFileURL(
    path.join(projectRoot, fromDist ? 'dist' : 'src', `${name}${fromDist ? '.js' : '.ts'}`),
  ).href;
const { createApp } = (await import(module('server/app'))) as AppModule;
const { createLogger } = (await import(module('server/logger'))) as LoggerModule;

const { neo4jPort, port } = portArgs();
const app = createApp({
  driver: countingDriver(neo4jPort),
  database: undefined,
  logger: createLogger(),
});
const [handler] = app.server.listeners('request') as http.RequestListener[];
serve(handler!, port);
