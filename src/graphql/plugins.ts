import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../server/logger.js';
import { requestIdFrom } from '../server/request-context.js';
import type { GraphQLContext } from './context.js';
import { clientError } from './errors.js';

const requestIds = new WeakMap<Request, string>();

/** The request's id: the caller's x-request-id, or a new one; sent back in x-request-id. */
export function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (id === undefined) {
    id = requestIdFrom(request.headers.get('x-request-id'));
    requestIds.set(request, id);
  }
  return id;
}

/**
 * Finishes every execution result: errors get their codes (src/graphql/errors.ts), and
 * extensions carry the request id and the number of Cypher round trips the request made.
 */
export function useApiResults(logger: Logger): Plugin<GraphQLContext> {
  return {
    onRequest({ request }) {
      requestIdOf(request);
    },
    onResponse({ request, response }) {
      const id = requestIds.get(request);
      if (id !== undefined) response.headers.set('x-request-id', id);
    },
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const { requestId, db } = args.contextValue;
          const done = result as ExecutionResult;
          setResult({
            ...done,
            ...(done.errors && {
              errors: done.errors.map((e) => clientError(e, requestId, logger, args)),
            }),
            extensions: {
              ...done.extensions,
              requestId,
              cypherRoundTrips: db.roundTrips,
            },
          });
        },
      };
    },
  };
}
