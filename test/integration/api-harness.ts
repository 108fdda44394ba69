import type http from 'node:http';
import type { Driver } from 'neo4j-driver';
import { createHttpServer, listen } from '../../src/server/app.js';
import { createLogger, type Logger } from '../../src/server/logger.js';
import { loadServerSettings } from '../../src/server/settings.js';
import { testConnection, testDriver } from '../support/neo4j.js';

/** What the API answers over HTTP, with the extensions every response carries. */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  requestId: string | null;
  data: T | null | undefined;
  errors: Array<{
    message: string;
    path?: Array<string | number>;
    extensions: { code: string; requestId?: string };
  }>;
  extensions: { requestId: string; cypherRoundTrips: number };
}

export interface Api {
  base: string;
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/** The real server (yoga over http) on a free port, over the seeded test graph. */
export async function startApi(
  options: {
    database?: string;
    driver?: Driver;
    logger?: Logger;
    queryTimeoutMs?: number;
    /** false: every field through the batched DataLoader path (QUERY_PLANNER=off). */
    queryPlanner?: boolean;
  } = {},
): Promise<Api> {
  const driver = options.driver ?? testDriver();
  const server: http.Server = createHttpServer({
    driver,
    database: options.database ?? testConnection().database,
    logger: options.logger ?? createLogger('silent'),
    // These tests check answers, not speed: a first (cold) plan of a large statement on a busy
    // 2-core CI machine can pass the production default of 5 s. Timeout tests pass their own.
    queryTimeoutMs: options.queryTimeoutMs ?? 30_000,
    ...(options.queryPlanner === false && {
      settings: { ...loadServerSettings(), queryPlanner: false },
    }),
  });
  const base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  return {
    base,
    async query(query, variables = {}, headers = {}) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<ApiResponse, 'status' | 'requestId'>;
      return {
        status: response.status,
        requestId: response.headers.get('x-request-id'),
        data: body.data as never,
        errors: body.errors ?? [],
        extensions: body.extensions,
      };
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await driver.close();
    },
  };
}

/** The error at a path, for asserting on one error among several (their order is not fixed). */
export function errorAt(response: ApiResponse<unknown>, ...path: Array<string | number>) {
  return response.errors.find((e) => JSON.stringify(e.path) === JSON.stringify(path));
}
