import { GraphQLError } from 'graphql';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import {
  BadInputError,
  DatabaseUnavailableError,
  NotFoundError,
  QueryTimeoutError,
} from '../../src/read/errors.js';
import { clientError } from '../../src/graphql/errors.js';

// The edge where the data layer's exceptions become codes.
function mapped(original: Error | undefined, path: string[] | null = ['meeting']) {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const error = new GraphQLError(original?.message ?? 'Variable "$x" got invalid value', {
    path: path ?? undefined,
    originalError: original,
  });
  const result = clientError(error, 'req-1', logger);
  return {
    message: result.message,
    path: result.path,
    extensions: result.extensions,
    logged: lines.map((l) => JSON.parse(l) as { msg: string; requestId: string }),
  };
}

describe('error codes', () => {
  it('BAD_USER_INPUT and NOT_FOUND keep their message and are not logged as failures', () => {
    expect(mapped(new BadInputError('first must be ...'))).toEqual({
      message: 'first must be ...',
      path: ['meeting'],
      extensions: { code: 'BAD_USER_INPUT' },
      logged: [],
    });
    expect(mapped(new NotFoundError('no meeting has the id "x"'))).toMatchObject({
      extensions: { code: 'NOT_FOUND' },
      logged: [],
    });
  });

  it('request errors from GraphQL itself (variables) are BAD_USER_INPUT', () => {
    expect(mapped(undefined, null)).toMatchObject({
      message: 'Variable "$x" got invalid value',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('a timeout and an absent database get codes of their own, with the request id', () => {
    const timeout = mapped(
      new QueryTimeoutError('cypher/read/lists/meeting-page ran past its timeout'),
    );
    expect(timeout).toMatchObject({
      extensions: { code: 'QUERY_TIMEOUT', requestId: 'req-1' },
      logged: [{ msg: 'query timed out', requestId: 'req-1' }],
    });
    expect(timeout.message).not.toContain('cypher');
    expect(mapped(new DatabaseUnavailableError('Neo4j did not answer'))).toMatchObject({
      message: 'The database is not available; try again shortly.',
      extensions: { code: 'SERVICE_UNAVAILABLE', requestId: 'req-1' },
    });
  });

  it('anything else is masked and logged', () => {
    const result = mapped(new Error('Neo.ClientError.Statement.SyntaxError: MATCH (n) ...'));
    expect(result).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' },
      logged: [{ msg: 'resolver failed', requestId: 'req-1' }],
    });
  });
});
