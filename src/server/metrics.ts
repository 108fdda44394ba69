import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Driver, Session } from 'neo4j-driver';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Operation names come from clients: only this many distinct ones get a label of their own. */
const MAX_OPERATION_LABELS = 100;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The server's Prometheus metrics (GET /metrics), in a registry of its own so that two servers in
 * one process (tests) do not share counters. Process metrics (RSS, heap, event-loop lag, ...)
 * come from prom-client's defaults.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly #operations = new Set<string>();

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  readonly inFlight = new Gauge({
    name: 'http_requests_in_flight',
    help: 'HTTP requests being served.',
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL HTTP requests by operation name: latency from arrival to response.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly graphqlErrors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors returned to clients, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly cypherRoundTrips = new Counter({
    name: 'cypher_round_trips_total',
    help: 'Cypher queries sent to Neo4j for GraphQL operations, by operation name.',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  readonly sessionsInUse = new Gauge({
    name: 'neo4j_sessions_in_use',
    help: 'Open Neo4j driver sessions; each holds a pooled connection while its query runs.',
    registers: [this.registry],
  });
  readonly sessionsOpened = new Counter({
    name: 'neo4j_sessions_opened_total',
    help: 'Neo4j driver sessions opened.',
    registers: [this.registry],
  });
  readonly ready = new Gauge({
    name: 'server_ready',
    help: '1 when the last readiness check passed (Neo4j answers, the seed graph is loaded).',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** A bounded label for a client-chosen operation name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (!OPERATION_NAME.test(name)) return '(invalid)';
    if (this.#operations.has(name)) return name;
    if (this.#operations.size >= MAX_OPERATION_LABELS) return '(other)';
    this.#operations.add(name);
    return name;
  }

  countErrors(result: ExecutionResult): void {
    for (const error of result.errors ?? []) {
      const code = error.extensions?.code;
      this.graphqlErrors.inc({ code: typeof code === 'string' ? code : 'UNKNOWN' });
    }
  }
}

interface RequestTiming {
  start: number;
  operation: string;
}

/**
 * Records each GraphQL request: its latency by operation name, the error codes it returned and
 * the Cypher round trips it cost (from the cypherRoundTrips extension the API adds).
 */
export function useMetrics(metrics: ServerMetrics): Plugin<{ request: Request }> {
  const timings = new WeakMap<Request, RequestTiming>();
  return {
    onRequest({ request }) {
      timings.set(request, { start: performance.now(), operation: '(not executed)' });
    },
    onExecute({ args }) {
      const timing = timings.get(args.contextValue.request);
      if (!timing) return;
      const name = getOperationAST(args.document, args.operationName)?.name?.value;
      timing.operation = metrics.operationLabel(name);
    },
    onResultProcess({ request, result }) {
      const timing = timings.get(request);
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      for (const one of results) {
        if (Symbol.asyncIterator in one) continue;
        metrics.countErrors(one);
        const trips = one.extensions?.cypherRoundTrips;
        if (typeof trips === 'number' && trips > 0) {
          metrics.cypherRoundTrips.inc({ operation: timing?.operation ?? '(unknown)' }, trips);
        }
      }
    },
    onResponse({ request }) {
      const timing = timings.get(request);
      if (!timing) return;
      metrics.graphqlDuration.observe(
        { operation: timing.operation },
        (performance.now() - timing.start) / 1000,
      );
    },
  };
}

/**
 * The driver, seen through a counter of its open sessions (the driver does not publish its
 * pool's use). Everything else passes straight to the real driver.
 */
export function instrumentDriver(driver: Driver, metrics: ServerMetrics): Driver {
  return new Proxy(driver, {
    get(target, property) {
      if (property === 'session') {
        return (...args: Parameters<Driver['session']>): Session => {
          const session = target.session(...args);
          metrics.sessionsOpened.inc();
          metrics.sessionsInUse.inc();
          const close = session.close.bind(session);
          let closed = false;
          session.close = async () => {
            if (!closed) {
              closed = true;
              metrics.sessionsInUse.dec();
            }
            await close();
          };
          return session;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
