import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, intSetting, projectRoot, type Env } from '../config/env.js';

/** Limits checked before any database call; each breach is rejected with its own error code. */
export interface RequestLimits {
  /** Deepest selection nesting (fragments count at their place). */
  depth: number;
  /** Estimated work: fields weighted by the page sizes of the lists they are in (see cost.ts). */
  cost: number;
  aliases: number;
  directives: number;
  /** Lexical tokens of the document: bounds parse and validation time. */
  tokens: number;
  /** Operations in one batched HTTP request (a JSON array); 1 turns batching off. */
  batch: number;
  /** Bytes of a request body. */
  bodyBytes: number;
}

export interface ServerSettings {
  /** The interface to listen on (HOST); all interfaces when unset. */
  host: string | undefined;
  /** NODE_ENV=production or SERVER_MODE=production: the defaults below close up. */
  production: boolean;
  introspection: boolean;
  /** "Did you mean ...?" hints in error messages, which let a caller map a hidden schema. */
  suggestions: boolean;
  graphiql: boolean;
  /**
   * Answer queries through the query planner (one Cypher statement per operation, src/read/planner);
   * off, every field loads through the batched DataLoader path. QUERY_PLANNER=off, for
   * comparison and as an escape hatch.
   */
  queryPlanner: boolean;
  /** Execute through graphql-jit (compiled per document) instead of graphql-js. GRAPHQL_JIT. */
  graphqlJit: boolean;
  /** Origins allowed by CORS; ['*'] any origin, [] none (same-origin only). */
  corsOrigins: string[];
  /** When set, only the operations of this allow-list run (see persisted.ts). */
  persistedOperationsFile: string | undefined;
  /** Wall-clock bound on one GraphQL execution; its reads also have QUERY_TIMEOUT_MS each. */
  requestTimeoutMs: number;
  /** How long a graceful shutdown waits for in-flight requests before cutting them. */
  shutdownTimeoutMs: number;
  /** Time bound of the warm-up that runs before the server says it is ready; 0: no warm-up. */
  warmUpTimeoutMs: number;
  limits: RequestLimits;
  /**
   * Where Prometheus scrapes /metrics: with METRICS_PORT, a listener of its own on METRICS_HOST
   * (127.0.0.1 unless set) and nowhere else; without it, the public port in development and
   * nowhere in production (what the server's traffic looks like is the operator's business).
   */
  metrics: { port: number | undefined; host: string };
}

/**
 * Defaults leave room above the example operations (examples/*.graphql: depth 9 at most, cost
 * 22,451 for the largest, no aliases) and above three nested lists at their default page of 20
 * under a full page of 100 (cost about 290,000), and stop the abuse the hostile-input tests send:
 * three nested pages of 100 cost over 1,000,000.
 */
export const DEFAULT_LIMITS: RequestLimits = {
  depth: 12,
  cost: 500_000,
  aliases: 30,
  directives: 20,
  tokens: 2_000,
  batch: 5,
  bodyBytes: 100_000,
};

function boolSetting(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function originsSetting(env: Env, fallback: string[]): string[] {
  const raw = env.CORS_ORIGINS;
  if (raw === undefined) return fallback;
  const origins = raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        `CORS_ORIGINS must list origins such as https://app.example.org (scheme and host, no path), or *; got "${origin}"`,
      );
    }
  }
  return origins;
}

function metricsSetting(env: Env): ServerSettings['metrics'] {
  const host = env.METRICS_HOST?.trim() || undefined;
  const given = env.METRICS_PORT?.trim();
  if (!given) {
    if (host)
      throw new ConfigError('METRICS_HOST needs METRICS_PORT, the port to serve /metrics on');
    return { port: undefined, host: '127.0.0.1' };
  }
  return { port: intSetting(env, 'METRICS_PORT', 0, 0, 65535), host: host ?? '127.0.0.1' };
}

/** Reads the server's settings from the environment (names in the README's configuration table). */
export function loadServerSettings(env: Env = process.env): ServerSettings {
  const modeRaw = env.SERVER_MODE?.trim();
  if (modeRaw && modeRaw !== 'production' && modeRaw !== 'development') {
    throw new ConfigError(`SERVER_MODE must be production or development, got "${modeRaw}"`);
  }
  const production = modeRaw ? modeRaw === 'production' : env.NODE_ENV === 'production';
  const persisted = env.PERSISTED_OPERATIONS_FILE?.trim();
  const persistedFile = persisted ? path.resolve(projectRoot, persisted) : undefined;
  if (persistedFile && !fs.existsSync(persistedFile)) {
    throw new ConfigError(`PERSISTED_OPERATIONS_FILE ${persistedFile} does not exist`);
  }
  return {
    host: env.HOST?.trim() || undefined,
    metrics: metricsSetting(env),
    production,
    introspection: boolSetting(env, 'GRAPHQL_INTROSPECTION', !production),
    suggestions: boolSetting(env, 'GRAPHQL_SUGGESTIONS', !production),
    graphiql: boolSetting(env, 'GRAPHIQL', !production),
    queryPlanner: boolSetting(env, 'QUERY_PLANNER', true),
    graphqlJit: boolSetting(env, 'GRAPHQL_JIT', true),
    corsOrigins: originsSetting(env, production ? [] : ['*']),
    persistedOperationsFile: persistedFile,
    requestTimeoutMs: intSetting(env, 'REQUEST_TIMEOUT_MS', 15_000, 100, 600_000),
    shutdownTimeoutMs: intSetting(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    warmUpTimeoutMs: intSetting(env, 'WARM_UP_TIMEOUT_MS', 20_000, 0, 600_000),
    limits: {
      depth: intSetting(env, 'MAX_DEPTH', DEFAULT_LIMITS.depth, 1, 100),
      cost: intSetting(env, 'MAX_COST', DEFAULT_LIMITS.cost, 1, 100_000_000),
      aliases: intSetting(env, 'MAX_ALIASES', DEFAULT_LIMITS.aliases, 0, 1000),
      directives: intSetting(env, 'MAX_DIRECTIVES', DEFAULT_LIMITS.directives, 0, 1000),
      tokens: intSetting(env, 'MAX_TOKENS', DEFAULT_LIMITS.tokens, 10, 1_000_000),
      batch: intSetting(env, 'MAX_BATCH', DEFAULT_LIMITS.batch, 1, 100),
      bodyBytes: intSetting(env, 'MAX_BODY_BYTES', DEFAULT_LIMITS.bodyBytes, 1000, 100_000_000),
    },
  };
}
