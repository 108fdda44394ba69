import { GraphQLError, type DocumentNode } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { fieldNodesAt } from './field-at-path.js';
import {
  BadInputError,
  DatabaseUnavailableError,
  NotFoundError,
  QueryTimeoutError,
} from '../read/errors.js';
import type { Logger } from '../server/logger.js';

const UNEXPECTED_ERROR_MESSAGE = 'Unexpected error.';

/**
 * The edge where exceptions become error codes. Clients see a short message and a code; Cypher,
 * stacks and driver messages only go to the log, under the request id the client also gets.
 */
export function clientError(
  error: GraphQLError,
  requestId: string,
  logger: Logger,
  /** The request's document, to locate errors that carry only a path (graphql-jit's). */
  document?: { document: DocumentNode; operationName?: string | null },
): GraphQLError {
  const original = error.originalError;
  const nodes =
    error.nodes ??
    (document && error.path
      ? fieldNodesAt(document.document, document.operationName, error.path)
      : undefined);
  const at = { nodes, path: error.path };
  if (original instanceof BadInputError) return coded(original.message, 'BAD_USER_INPUT', at);
  if (original instanceof NotFoundError) return coded(original.message, 'NOT_FOUND', at);
  if (original instanceof QueryTimeoutError) {
    logger.warn({ requestId, path: error.path, err: original }, 'query timed out');
    return coded(
      'The query took longer than the server allows; ask for fewer items or fewer levels.',
      'QUERY_TIMEOUT',
      { ...at, requestId },
    );
  }
  if (original instanceof DatabaseUnavailableError) {
    logger.error({ requestId, path: error.path, err: original }, 'database unavailable');
    return coded('The database is not available; try again shortly.', 'SERVICE_UNAVAILABLE', {
      ...at,
      requestId,
    });
  }
  // Errors GraphQL itself raises about the request (a variable of the wrong type, an IsoDate
  // that is no date) are the caller's to fix, and their messages are safe to show.
  if (original === undefined || original instanceof GraphQLError) {
    const { code, http } = (original ?? error).extensions;
    if (error.path === undefined || code === 'BAD_USER_INPUT') {
      // `http` (the status of a request rejected before execution, src/server/limits.ts) is
      // yoga's to read; it never reaches the client.
      return coded(error.message, typeof code === 'string' ? code : 'BAD_USER_INPUT', {
        ...at,
        http,
      });
    }
  }
  logger.error({ requestId, path: error.path, err: original ?? error }, 'resolver failed');
  return coded(UNEXPECTED_ERROR_MESSAGE, 'INTERNAL_SERVER_ERROR', { ...at, requestId });
}

/** Made with yoga's own helper, so its masking recognizes the error as already safe. */
function coded(
  message: string,
  code: string,
  {
    nodes,
    path,
    requestId,
    http,
  }: Pick<GraphQLError, 'nodes' | 'path'> & { requestId?: string; http?: unknown },
): GraphQLError {
  return createGraphQLError(message, {
    nodes,
    path,
    extensions: { code, ...(requestId && { requestId }), ...(http !== undefined && { http }) },
  });
}
