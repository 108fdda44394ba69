import http from 'node:http';
import { createYoga } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../config/env.js';
import { Db } from '../data/db.js';
import { GraphData } from '../data/graph-data.js';
import type { GraphQLContext } from '../graphql/context.js';
import { loadExamples } from '../graphql/playground.js';
import { requestIdOf, useApiResults } from '../graphql/plugins.js';
import { buildSchema } from '../graphql/schema.js';
import type { Logger } from './logger.js';

export interface AppDeps {
  driver: Driver;
  database: string | undefined;
  logger: Logger;
  /** Per-transaction timeout for reads; defaults to QUERY_TIMEOUT_MS (config). */
  queryTimeoutMs?: number;
}

/** The HTTP server: GraphQL (with GraphiQL) at /graphql, liveness at /health. */
export function createHttpServer(deps: AppDeps): http.Server {
  const timeoutMs = deps.queryTimeoutMs ?? loadConfig().queryTimeoutMs;
  const examples = loadExamples();
  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: null as unknown as string,
    landingPage: false,
    graphiql: {
      title: 'Diplomacy knowledge graph',
      defaultQuery: examples[0]?.query,
      defaultTabs: examples.map((e) => ({ query: e.query })),
    },
    context: ({ request }): GraphQLContext => {
      const requestId = requestIdOf(request);
      const db = new Db(deps.driver, { database: deps.database, timeoutMs, requestId });
      return { requestId, db, data: new GraphData(db), logger: deps.logger };
    },
    plugins: [useApiResults(deps.logger)],
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
