import { useGraphQlJit } from '@envelop/graphql-jit';
import {
  getOperationAST,
  getVariableValues,
  valueFromASTUntyped,
  type ExecutionArgs,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from './logger.js';

/**
 * The variables with the operation's default values filled in where the request leaves them
 * out: graphql-jit 0.8 calls a non-null variable with a default value missing when it is
 * absent, where graphql-js takes the default.
 */
function withDefaults(args: ExecutionArgs): ExecutionArgs['variableValues'] {
  const operation = getOperationAST(args.document, args.operationName);
  const given = args.variableValues ?? {};
  let filled: Record<string, unknown> | undefined;
  for (const definition of operation?.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (definition.defaultValue && !(name in given)) {
      filled ??= { ...given };
      filled[name] = valueFromASTUntyped(definition.defaultValue);
    }
  }
  return filled ?? args.variableValues;
}

/**
 * graphql-js runs the executions whose variables do not coerce: it says why, with the codes and
 * statuses the API documents.
 */
function variablesCoerce(args: ExecutionArgs): boolean {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return false;
  const definitions = operation.variableDefinitions ?? [];
  return !getVariableValues(args.schema, definitions, args.variableValues ?? {}).errors;
}

/**
 * Executes each document through JavaScript that graphql-jit compiles once per document (and
 * caches with it), instead of graphql-js walking the document on every request.
 */
export function useCompiledExecution(logger: Logger): Plugin {
  const jit = useGraphQlJit(
    {},
    {
      enableIf: variablesCoerce,
      onError: (result) =>
        logger.warn(
          { errors: result.errors },
          'graphql-jit could not compile a document; graphql-js runs it',
        ),
    },
  );
  return {
    onExecute(payload) {
      // The execution runs with these same args (envelop spreads them into the executor).
      (payload.args as { variableValues?: unknown }).variableValues = withDefaults(payload.args);
      return jit.onExecute?.(payload as never);
    },
  } as Plugin;
}
