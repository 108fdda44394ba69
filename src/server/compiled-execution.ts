import { useGraphQlJit } from '@envelop/graphql-jit';
import {
  astFromValue,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isInputObjectType,
  isListType,
  typeFromAST,
  valueFromASTUntyped,
  type ExecutionArgs,
  type GraphQLInputType,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from './logger.js';

/**
 * The variables with default values filled in where the request leaves them out, as graphql-js
 * takes them and graphql-jit 0.8 does not: it calls a non-null variable with a default value
 * missing when it is absent, and refuses an input object that leaves out a field with a default
 * (`orderBy: {field: NAME}` for a `direction: OrderDirection! = ASC`).
 */
function withDefaults(args: ExecutionArgs): ExecutionArgs['variableValues'] {
  const operation = getOperationAST(args.document, args.operationName);
  const given = args.variableValues ?? {};
  const filled: Record<string, unknown> = { ...given };
  for (const definition of operation?.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (name in given) {
      const type = typeFromAST(args.schema, definition.type) as GraphQLInputType | undefined;
      if (type) filled[name] = withFieldDefaults(given[name], type);
    } else if (definition.defaultValue) {
      filled[name] = valueFromASTUntyped(definition.defaultValue);
    }
  }
  return filled;
}

/** A variable's value as the request gives it, its input objects' omitted fields defaulted. */
function withFieldDefaults(value: unknown, type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (value === null || value === undefined) return value;
  if (isListType(nullable)) {
    const item = nullable.ofType as GraphQLInputType;
    return Array.isArray(value) ? value.map((v) => withFieldDefaults(v, item)) : value;
  }
  if (!isInputObjectType(nullable) || typeof value !== 'object') return value;
  const given = value as Record<string, unknown>;
  const filled: Record<string, unknown> = { ...given };
  for (const field of Object.values(nullable.getFields())) {
    if (field.name in given) {
      filled[field.name] = withFieldDefaults(given[field.name], field.type);
    } else if (field.defaultValue !== undefined) {
      const ast = astFromValue(field.defaultValue, field.type);
      if (ast) filled[field.name] = valueFromASTUntyped(ast);
    }
  }
  return filled;
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
