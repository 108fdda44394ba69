import http from 'node:http';
import { createYoga } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { buildSchema } from '../graphql/schema.js';
import type { Logger } from './logger.js';

export interface AppDeps {
  driver: Driver;
  database: string | undefined;
  logger: Logger;
}

/** The HTTP server: GraphQL (with GraphiQL) at /graphql, liveness at /health. */
export function createHttpServer(deps: AppDeps): http.Server {
  const yoga = createYoga({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: null as unknown as string,
    landingPage: false,
    logging: {
      debug: (...args) => deps.logger.debug(args),
      info: (...args) => deps.logger.info(args),
      warn: (...args) => deps.logger.warn(args),
      error: (...args) => deps.logger.error(args),
    },
  });
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/graphql' });
      res.end();
      return;
    }
    void yoga(req, res);
  });
}

export function listen(server: http.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
