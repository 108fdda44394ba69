import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../../graphql/context.js';
import { startPlannedRead } from './planned-read.js';

/**
 * Hands each query's planned root fields to the request's context before execution, so the
 * resolvers of those fields answer from one statement (src/read/planner/planned-read.ts). Listed after
 * the limits, so a refused request plans nothing; the read itself starts only when the first
 * planned resolver runs.
 */
export function usePlannedReads(): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const context = args.contextValue;
      context.planned = startPlannedRead(
        args.schema,
        args.document,
        args.operationName,
        args.variableValues as Record<string, unknown> | undefined,
        context,
      );
    },
  };
}
