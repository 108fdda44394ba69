import type { ExecutionResult, ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LIMIT_CODES, requestError } from './limits.js';

/*
 * What the server lets callers learn and do beyond answering queries: no mutations or
 * subscriptions ever, and in production no introspection and no "Did you mean" hints.
 */

/**
 * The API is read-only: mutations and subscriptions are refused at validation, with a code,
 * instead of failing at execution (graphql-js 16 does not check the operation type).
 */
const queriesOnly: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'query') {
      context.reportError(
        requestError(
          `This API is read-only: it answers queries, not ${node.operation}s.`,
          LIMIT_CODES.operationType,
        ),
      );
    }
  },
});

export function useQueriesOnly(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(queriesOnly);
    },
  };
}

/** Rejects `__schema` and `__type` (introspection) with a code; `__typename` stays allowed. */
const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(
        requestError(
          'Introspection is disabled on this server (GRAPHQL_INTROSPECTION).',
          LIMIT_CODES.introspection,
        ),
      );
    }
  },
});

export function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(noIntrospection);
    },
  };
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Hides "Did you mean ...?" hints, which let a caller map a schema it cannot introspect. They
 * come from validation and from variable coercion (enum values), so this works on the final
 * result, batched or not.
 */
export function useNoSuggestions(): Plugin {
  const scrub = (result: ExecutionResult) => {
    for (const error of result.errors ?? []) {
      const message = error.message.replace(SUGGESTION, '');
      if (message !== error.message) (error as { message: string }).message = message;
    }
  };
  return {
    onResultProcess({ result }) {
      if (Array.isArray(result)) (result as ExecutionResult[]).forEach(scrub);
      else if (!(Symbol.asyncIterator in (result as object))) scrub(result as ExecutionResult);
    },
  };
}
