import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import { ConfigError } from '../config/env.js';

/** The id clients send for a document: the SHA-256 of its text, in hex (Apollo's format). */
export function persistedOperationId(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

/**
 * Reads an allow-list file: a JSON object from operation id to document text, as GraphQL Code
 * Generator's persisted documents and similar tools write it.
 */
export function readPersistedOperations(file: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`PERSISTED_OPERATIONS_FILE ${file}: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(
      `PERSISTED_OPERATIONS_FILE ${file} must hold a JSON object of id -> document`,
    );
  }
  const operations = new Map<string, string>();
  for (const [id, query] of Object.entries(parsed)) {
    if (typeof query !== 'string') {
      throw new ConfigError(
        `PERSISTED_OPERATIONS_FILE ${file}: the document of ${id} is no string`,
      );
    }
    operations.set(id, query);
  }
  return operations;
}

// A request error like the other refusals: 400 under application/graphql-response+json, 200
// under legacy application/json (GraphQL over HTTP; `spec` tells yoga so).
const refusal = (message: string, code: string) => ({
  message,
  extensions: { code, http: { spec: true, status: 400 } },
});

/**
 * Only the allow-listed operations run; a request sends
 * `extensions: { persistedQuery: { version: 1, sha256Hash: "<id>" } }` instead of `query`.
 */
export function usePersistedAllowList(operations: Map<string, string>): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (id) => operations.get(id) ?? null,
    allowArbitraryOperations: false,
    customErrors: {
      notFound: refusal('No allow-listed operation has this id.', 'PERSISTED_QUERY_NOT_FOUND'),
      persistedQueryOnly: refusal(
        'This server runs allow-listed operations only: send extensions.persistedQuery.sha256Hash instead of a query.',
        'PERSISTED_QUERY_ONLY',
      ),
      keyNotFound: refusal(
        'Send extensions.persistedQuery.sha256Hash, the id of an allow-listed operation.',
        'PERSISTED_QUERY_ONLY',
      ),
    },
  }) as Plugin;
}
