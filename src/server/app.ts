import http from 'node:http';
import { createYoga, type CORSOptions } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../config/env.js';
import { Db } from '../read/db.js';
import { Reads } from '../read/reads.js';
import type { GraphQLContext } from '../graphql/context.js';
import { loadExamples } from '../graphql/playground.js';
import { requestIdOf, useApiResults } from '../graphql/plugins.js';
import { buildSchema } from '../graphql/schema.js';
import { usePlannedReads } from '../read/planner/use-planned-reads.js';
import { readBody } from './body.js';
import { useCompiledExecution } from './compiled-execution.js';
import { createPipeline, sendError, type Handler } from './http-pipeline.js';
import { useNoIntrospection, useNoSuggestions, useQueriesOnly } from './exposure.js';
import { useDocumentLimits, useExecutionTimeout, useOperationLimits } from './limits.js';
import type { Logger } from './logger.js';
import { instrumentDriver, ServerMetrics, useMetrics } from './metrics.js';
import { readPersistedOperations, usePersistedAllowList } from './persisted.js';
import { Readiness } from './readiness.js';
import { explorerRoute } from './routes/explore.js';
import type { Route } from './routes/route.js';
import { exportRoute } from './routes/export.js';
import { playgroundAssetsRoute, renderPlaygroundPage } from './routes/playground.js';
import { loadServerSettings, type ServerSettings } from './settings.js';
import { gracefulShutdown, RequestTracker } from './shutdown.js';
import { warmUp, type WarmUpAnswer } from './warm-up.js';

export interface AppDeps {
  driver: Driver;
  database: string | undefined;
  logger: Logger;
  /** Per-transaction timeout for reads; defaults to QUERY_TIMEOUT_MS (config). */
  queryTimeoutMs?: number;
  /** Limits, production mode, CORS ...; defaults to the environment's (settings.ts). */
  settings?: ServerSettings;
  /** The seed graph version /ready waits for; without it, any loaded seed graph will do. */
  expectedSeedVersion?: string;
  /** What graceful shutdown closes once requests have drained (the driver, the local Neo4j). */
  closeResources?: () => Promise<void>;
}

export interface App {
  server: http.Server;
  /** The listener of /metrics alone, when METRICS_PORT asks for one (start it with listenApp). */
  metricsServer: http.Server | undefined;
  metrics: ServerMetrics;
  readiness: Readiness;
  /** Stops accepting, drains in-flight requests, then runs closeResources. */
  shutdown: () => Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

/**
 * The HTTP server: GraphQL (with GraphiQL outside production) at /graphql, liveness at /health,
 * readiness at /ready, Prometheus metrics at /metrics. Every request goes through the pipeline
 * (request id, logs, metrics, drain on shutdown); GraphQL requests also through the limits.
 */
export function createApp(deps: AppDeps): App {
  const settings = deps.settings ?? loadServerSettings();
  const timeoutMs = deps.queryTimeoutMs ?? loadConfig().queryTimeoutMs;
  const metrics = new ServerMetrics();
  const driver = instrumentDriver(deps.driver, metrics);
  // The warm-up's own requests (never a client's: only this process holds these objects). Their
  // reads may run up to the warm-up's bound instead of QUERY_TIMEOUT_MS: on a busy machine a cold
  // statement can take longer than that to plan, and a read cut off while planning leaves no
  // plan behind, so every later request would plan it again and be cut off again.
  const warmUpRequests = new WeakSet<Request>();
  const readiness = new Readiness(driver, {
    database: deps.database,
    expectedVersion: deps.expectedSeedVersion,
    logger: deps.logger,
    // Through yoga itself, as a client's POST /graphql goes: the same plugins and resolvers.
    ...(settings.warmUpTimeoutMs > 0 && {
      warmUp: () =>
        warmUp({
          execute: async (request) => {
            const fetchRequest = new Request('http://localhost/graphql', {
              method: 'POST',
              headers: { 'content-type': 'application/json', accept: 'application/json' },
              body: JSON.stringify(request),
            });
            warmUpRequests.add(fetchRequest);
            const response = await yoga.fetch(fetchRequest);
            return (await response.json()) as WarmUpAnswer;
          },
          timeBoundMs: settings.warmUpTimeoutMs,
          logger: deps.logger,
        }),
    }),
  });
  const tracker = new RequestTracker();
  const limits = settings.limits;
  const examples = loadExamples();
  const persisted = settings.persistedOperationsFile
    ? readPersistedOperations(settings.persistedOperationsFile)
    : undefined;

  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: null as unknown as string,
    landingPage: false,
    graphiql: settings.graphiql && {
      title: 'Diplomacy knowledge graph',
      defaultQuery: examples[0]?.query,
      defaultTabs: examples.map((e) => ({ query: e.query })),
    },
    // GraphiQL from node_modules, not from yoga's CDN (routes/playground.ts).
    renderGraphiQL: renderPlaygroundPage,
    cors: corsOptions(settings.corsOrigins),
    batching: limits.batch > 1 && { limit: limits.batch },
    // The POST body is read and limited by readBody above (413 with our error code) before yoga
    // sees it; yoga's own limit would pipe every body through a second, stream-based check.
    maxRequestBodySize: false,
    multipart: false,
    context: ({ request }): GraphQLContext => {
      const requestId = requestIdOf(request);
      const db = new Db(driver, {
        database: deps.database,
        timeoutMs: warmUpRequests.has(request)
          ? Math.max(timeoutMs, settings.warmUpTimeoutMs)
          : timeoutMs,
        requestId,
      });
      return { requestId, db, reads: new Reads(db), logger: deps.logger };
    },
    plugins: [
      ...(persisted ? [usePersistedAllowList(persisted)] : []),
      useApiResults(deps.logger),
      useMetrics(metrics),
      ...useDocumentLimits(limits),
      useQueriesOnly(),
      ...(settings.introspection ? [] : [useNoIntrospection()]),
      ...(settings.suggestions ? [] : [useNoSuggestions()]),
      // After useApiResults, so that its rejections still get the requestId and cypherRoundTrips
      // (0) extensions; after useMetrics, so that they are counted under their operation.
      useOperationLimits(limits),
      ...(settings.queryPlanner ? [usePlannedReads()] : []),
      // Each document's execution compiled once into JavaScript; what it cannot compile runs
      // on graphql-js. Before the timeout, which wraps whichever executor is chosen.
      ...(settings.graphqlJit ? [useCompiledExecution(deps.logger)] : []),
      useExecutionTimeout(settings.requestTimeoutMs),
    ],
    logging: {
      debug: (...args) => deps.logger.debug(args),
      info: (...args) => deps.logger.info(args),
      warn: (...args) => deps.logger.warn(args),
      error: (...args) => deps.logger.error(args),
    },
  });

  const graphql: Handler = async (req, res) => {
    if (req.method === 'POST') {
      // Read here, with a limit and a UTF-8 check, then handed to yoga as the parsed body.
      const body = await readBody(req, limits.bodyBytes);
      if (!body.ok) {
        metrics.graphqlErrors.inc({ code: body.code });
        const headers: Record<string, string> = body.status === 413 ? { connection: 'close' } : {};
        sendError(res, body.status, body.code, body.message, headers);
        return;
      }
      (req as http.IncomingMessage & { body?: string }).body = body.text;
    }
    await yoga(req, res);
  };

  const metricsRoute: Route = {
    name: 'metrics',
    matches: (p) => p === '/metrics',
    handle: async (_req, res) => {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(text);
    },
  };
  const routes: Route[] = [
    {
      name: 'health',
      matches: (p) => p === '/health',
      handle: (_req, res) => json(res, 200, { status: 'ok' }),
    },
    {
      name: 'ready',
      matches: (p) => p === '/ready',
      handle: async (_req, res) => {
        const report = await readiness.check();
        metrics.ready.set(report.ready ? 1 : 0);
        json(res, report.ready ? 200 : 503, {
          status: report.ready ? 'ready' : 'not ready',
          ...report,
        });
      },
    },
    // In development without METRICS_PORT only; otherwise on metricsServer or nowhere.
    ...(settings.production || settings.metrics.port !== undefined ? [] : [metricsRoute]),
    {
      name: 'root',
      matches: (p) => p === '/',
      handle: (_req, res) => {
        res.writeHead(302, { location: '/graphql' });
        res.end();
      },
    },
    { name: 'graphql', matches: (p) => p === '/graphql', handle: graphql },
    // GraphiQL's files, when the playground is on.
    ...(settings.graphiql ? [playgroundAssetsRoute()] : []),
    // The explorer page (/explore) and sub-graph exports for visualizers (/export/<format>).
    explorerRoute(),
    exportRoute({
      driver,
      database: deps.database,
      timeoutMs,
      maxBodyBytes: limits.bodyBytes,
      logger: deps.logger,
    }),
  ];
  // Anything else goes to yoga too, which answers 404.
  const routeOf = (pathname: string): Route =>
    routes.find((r) => r.matches(pathname)) ?? {
      name: 'other',
      matches: () => true,
      handle: graphql,
    };

  const server = http.createServer(
    createPipeline({
      logger: deps.logger,
      metrics,
      tracker,
      route: (pathname) => routeOf(pathname).name,
      handle: (req, res, pathname) => routeOf(pathname).handle(req, res),
    }),
  );
  // Slow clients cannot hold a connection open forever while sending their request.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  const metricsServer =
    settings.metrics.port === undefined
      ? undefined
      : http.createServer(
          createPipeline({
            logger: deps.logger,
            metrics,
            tracker,
            route: (pathname) => (metricsRoute.matches(pathname) ? 'metrics' : 'other'),
            handle: (req, res, pathname) =>
              metricsRoute.matches(pathname)
                ? metricsRoute.handle(req, res)
                : json(res, 404, { errors: [{ message: 'Only /metrics is served here.' }] }),
          }),
        );

  const shutdown = gracefulShutdown({
    server,
    tracker,
    timeoutMs: settings.shutdownTimeoutMs,
    logger: deps.logger,
    closeResources: async () => {
      if (metricsServer?.listening) {
        metricsServer.closeAllConnections();
        await new Promise((resolve) => metricsServer.close(resolve));
      }
      await deps.closeResources?.();
    },
  });
  return { server, metricsServer, metrics, readiness, shutdown };
}

/** The GraphQL server alone, for callers that manage its lifetime themselves. */
export function createHttpServer(deps: AppDeps): http.Server {
  return createApp(deps).server;
}

/** CORS for the listed origins only; '*' lets any origin in, never with credentials. */
function corsOptions(
  origins: string[],
): CORSOptions | false | ((request: Request) => CORSOptions | false) {
  if (origins.length === 0) return false;
  const base: CORSOptions = {
    credentials: false,
    methods: ['GET', 'POST'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  };
  if (origins.includes('*')) return { ...base, origin: '*' };
  return (request) => {
    const origin = request.headers.get('origin');
    return origin && origins.includes(origin) ? { ...base, origin: [origin] } : false;
  };
}

/**
 * Starts the public server on `port` and, when there is one, the metrics listener on
 * METRICS_HOST:METRICS_PORT; answers their ports.
 */
export async function listenApp(
  app: App,
  port: number,
  settings: ServerSettings,
): Promise<{ port: number; metricsPort: number | undefined }> {
  const publicPort = await listen(app.server, port, settings.host);
  const metricsPort = app.metricsServer
    ? await listen(app.metricsServer, settings.metrics.port ?? 0, settings.metrics.host)
    : undefined;
  return { port: publicPort, metricsPort };
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
