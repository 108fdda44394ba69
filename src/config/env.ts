import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';

/** The repository root, found from this file's place so commands work from any directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Neo4jConnection {
  /** Bolt or routing URI (bolt://, neo4j://, neo4j+s:// ...). */
  uri: string;
  username: string;
  password: string;
  /** Undefined means the server's default database. */
  database: string | undefined;
}

export interface LocalNeo4jSettings {
  home: string;
  port: number;
  pageCache: string;
  heap: string;
}

export interface AppConfig {
  /** Set when the user points at their own server; undefined means "use the project's local Neo4j". */
  external: Neo4jConnection | undefined;
  local: LocalNeo4jSettings;
  httpPort: number;
  /** Where the source article texts live (for quote and checksum checks). */
  documentsDir: string;
  /** Per-transaction timeout for API reads. */
  queryTimeoutMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Env = Record<string, string | undefined>;

export function intSetting(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function sizeSetting(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+[kmg]?$/i.test(raw)) {
    throw new ConfigError(`${name} must be a size such as 512m or 2g, got "${raw}"`);
  }
  return raw.toLowerCase();
}

export function defaultDocumentsDir(root = projectRoot): string {
  return path.resolve(root, '..', 'shared', 'seed-documents');
}

/** Reads the configuration from environment variables, with the names Neo4j's own tools use. */
export function loadConfig(env: Env = process.env): AppConfig {
  const uri = env.NEO4J_URI?.trim();
  const external: Neo4jConnection | undefined = uri
    ? {
        uri,
        username: env.NEO4J_USERNAME ?? 'neo4j',
        password: env.NEO4J_PASSWORD ?? '',
        database: env.NEO4J_DATABASE?.trim() || undefined,
      }
    : undefined;
  return {
    external,
    local: {
      home: path.resolve(env.NEO4J_LOCAL_HOME ?? path.join(projectRoot, '.neo4j-local', 'dev')),
      port: intSetting(env, 'NEO4J_LOCAL_PORT', 7687, 1, 65535),
      pageCache: sizeSetting(env, 'NEO4J_LOCAL_PAGECACHE', '256m'),
      heap: sizeSetting(env, 'NEO4J_LOCAL_HEAP', '1g'),
    },
    httpPort: intSetting(env, 'PORT', 4000, 0, 65535),
    documentsDir: path.resolve(env.SEED_DOCUMENTS_DIR ?? defaultDocumentsDir()),
    queryTimeoutMs: intSetting(env, 'QUERY_TIMEOUT_MS', 5000, 100, 600000),
  };
}

/** The connection for the local Neo4j: auth is off there, and it has one database. */
export function localConnection(port: number): Neo4jConnection {
  return { uri: `bolt://127.0.0.1:${port}`, username: 'neo4j', password: '', database: undefined };
}

export function documentsPresent(dir: string): boolean {
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory();
}
