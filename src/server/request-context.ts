import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestScope {
  requestId: string;
}

/**
 * The request being served, carried through every await of its handling, so that each log line
 * written on its behalf — by us, by yoga or by a resolver — carries its id (see logger.ts).
 */
export const requestScope = new AsyncLocalStorage<RequestScope>();

/** A caller's own request id is kept when it looks like one, so logs can be joined across hops. */
const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** The caller's x-request-id when well-formed, else a new one. */
export function requestIdFrom(header: string | string[] | null | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}
