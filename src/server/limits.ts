import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { ExecutionResult, GraphQLError, ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { MAX_PAGE_SIZE } from '../read/pagination.js';
import { analyzeOperationCached } from './cost.js';
import type { RequestLimits } from './settings.js';

/**
 * The stable codes of rejected requests (extensions.code). Clients may branch on them; the
 * messages are for people and may change.
 */
export const LIMIT_CODES = {
  depth: 'DEPTH_LIMIT',
  cost: 'COST_LIMIT',
  aliases: 'ALIAS_LIMIT',
  directives: 'DIRECTIVE_LIMIT',
  tokens: 'TOKEN_LIMIT',
  pageSize: 'PAGE_SIZE_LIMIT',
  batch: 'BATCH_LIMIT',
  timeout: 'TIMEOUT',
  introspection: 'INTROSPECTION_DISABLED',
  operationType: 'OPERATION_NOT_SUPPORTED',
} as const;

/**
 * An error about the request as a whole. `spec: true` lets yoga apply the GraphQL-over-HTTP
 * rule: status 400 under application/graphql-response+json, 200 under legacy application/json.
 * Made with yoga's helper so its error masking knows it is safe to show.
 */
export function requestError(message: string, code: string, status = 400): GraphQLError {
  return createGraphQLError(message, { extensions: { code, http: { spec: true, status } } });
}

/** graphql-armor prefixes its messages with "Syntax Error:", which these are not. */
const plain = (error: GraphQLError) => error.message.replace(/^Syntax Error: /, '');

const report = (code: string) => (context: ValidationContext | null, error: GraphQLError) =>
  context?.reportError(requestError(plain(error), code));

/**
 * Static limits on the document, checked while it is parsed and validated (cached per document
 * text by yoga). armor's rules throw an uncoded error by default; here each rejection reports a
 * coded validation error instead, so it gets validation's HTTP status.
 */
export function useDocumentLimits(limits: RequestLimits): Plugin[] {
  return [
    maxTokensPlugin({
      n: limits.tokens,
      // The lexer calls this once the count is passed; throwing ends the parse right there.
      onReject: [
        (_context, error) => {
          throw requestError(plain(error), LIMIT_CODES.tokens);
        },
      ],
    }),
    maxDepthPlugin({
      n: limits.depth,
      propagateOnRejection: false,
      onReject: [report(LIMIT_CODES.depth)],
    }),
    maxAliasesPlugin({
      n: limits.aliases,
      propagateOnRejection: false,
      onReject: [report(LIMIT_CODES.aliases)],
    }),
    maxDirectivesPlugin({
      n: limits.directives,
      propagateOnRejection: false,
      onReject: [report(LIMIT_CODES.directives)],
    }),
  ] as Plugin[];
}

/**
 * Limits that depend on variable values (page sizes, cost), checked after validation and before
 * the first resolver runs, so a rejected request makes no database call; and the batch size.
 */
export function useOperationLimits(limits: RequestLimits): Plugin {
  return {
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult }) {
          if (Array.isArray(requestParserResult) && requestParserResult.length > limits.batch) {
            throw createGraphQLError(
              `A request may batch at most ${limits.batch} operations; this one has ${requestParserResult.length}.`,
              { extensions: { code: LIMIT_CODES.batch, http: { spec: true, status: 413 } } },
            );
          }
        },
      };
    },
    onExecute({ args, setResultAndStopExecution }) {
      const done = {
        // Variables that do not fit their types fail the request before any field runs:
        // graphql-js says so from execute, with no data and no HTTP status; give them validation's.
        onExecuteDone({ result }: { result: ExecutionResult | AsyncIterable<unknown> }) {
          if (Symbol.asyncIterator in result || 'data' in result) return;
          for (const error of result.errors ?? []) {
            (error.extensions as Record<string, unknown>).http ??= { spec: true, status: 400 };
          }
        },
      };
      const { cost, pageSizeBreaches } = analyzeOperationCached(
        args.schema,
        args.document,
        args.operationName,
        args.variableValues as Record<string, unknown> | undefined,
      );
      const breach = pageSizeBreaches[0];
      if (breach) {
        setResultAndStopExecution({
          errors: [
            requestError(
              `${breach.argument} must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${breach.value} (on ${breach.field}): a page holds at most ${MAX_PAGE_SIZE} items.`,
              LIMIT_CODES.pageSize,
            ),
          ],
        });
      } else if (cost > limits.cost) {
        setResultAndStopExecution({
          errors: [
            requestError(
              `The query would cost ${Math.round(cost)}, more than the ${limits.cost} allowed; ask for smaller pages or fewer nested lists.`,
              LIMIT_CODES.cost,
            ),
          ],
        });
      }
      return done;
    },
  };
}

/**
 * Bounds one execution's wall-clock time. The reads it started stop at their own transaction
 * timeout (QUERY_TIMEOUT_MS); the client gets its answer now, not then.
 */
export function useExecutionTimeout(timeoutMs: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<ExecutionResult>((resolve) => {
          timer = setTimeout(
            () =>
              resolve({
                errors: [
                  requestError(
                    `The request took longer than the ${timeoutMs} ms allowed; ask for less.`,
                    LIMIT_CODES.timeout,
                    504,
                  ),
                ],
              }),
            timeoutMs,
          );
        });
        try {
          return await Promise.race([executeFn(args) as Promise<ExecutionResult>, timeout]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}
