import { useGraphQlJit } from '@envelop/graphql-jit';
import { getOperationAST, getVariableValues, Kind, type ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from './logger.js';

/**
 * Whether graphql-jit runs this execution. graphql-js runs it instead where graphql-jit would
 * answer otherwise: variables that do not coerce (graphql-js says why, with the codes and
 * statuses the API documents) and a non-null variable left to its default value (graphql-jit
 * 0.8 calls it missing).
 */
function jitFits(args: ExecutionArgs): boolean {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return false;
  const given = args.variableValues ?? {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (
      definition.type.kind === Kind.NON_NULL_TYPE &&
      definition.defaultValue &&
      !(name in given)
    ) {
      return false;
    }
  }
  return !getVariableValues(args.schema, operation.variableDefinitions ?? [], given).errors;
}

/**
 * Executes each document through JavaScript that graphql-jit compiles once per document (and
 * caches with it), instead of graphql-js walking the document on every request.
 */
export function useCompiledExecution(logger: Logger): Plugin {
  return useGraphQlJit(
    {},
    {
      enableIf: jitFits,
      onError: (result) =>
        logger.warn(
          { errors: result.errors },
          'graphql-jit could not compile a document; graphql-js runs it',
        ),
    },
  ) as Plugin;
}
