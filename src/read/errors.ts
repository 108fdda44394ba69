/**
 * What can go wrong inside the data layer, as plain exceptions. The GraphQL edge
 * (src/graphql/errors.ts) turns them into error codes; nothing below it knows about GraphQL.
 */

/** The caller asked for something malformed: a bad id, cursor, page size or date. */
export class BadInputError extends Error {
  override name = 'BadInputError';
}

/** A well-formed id that names nothing (of the kind asked for). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** No entity (with `label`, when given) has the id: the lookups' one message. */
export function entityNotFound(label: string | null, id: string): NotFoundError {
  return new NotFoundError(
    label === null ? `nothing has the id "${id}"` : `no ${label.toLowerCase()} has the id "${id}"`,
  );
}

/** A read ran past its transaction timeout (config.queryTimeoutMs). */
export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
}

/** The database did not answer (the same error the driver set-up raises at start). */
export { DatabaseUnavailableError } from '../db/driver.js';
