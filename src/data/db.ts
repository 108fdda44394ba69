import neo4j, { isDate, isDateTime, isLocalDateTime, type Driver } from 'neo4j-driver';
import { DatabaseUnavailableError, QueryTimeoutError } from './errors.js';
import type { Statement } from './statements.js';

export interface DbOptions {
  database: string | undefined;
  /** Per-transaction timeout, so one heavy query cannot hold a connection for long. */
  timeoutMs: number;
  /** Sent with each transaction, so the database's query log can be matched to a request. */
  requestId: string;
}

export type Row = Record<string, unknown>;

/**
 * Every read of one GraphQL request goes through here: read transactions only, one timeout, and
 * a count of round trips, which the response reports (extensions.cypherRoundTrips) so tests can
 * check that batching keeps it bounded by the query's depth.
 */
export class Db {
  #roundTrips = 0;

  constructor(
    private readonly driver: Driver,
    private readonly options: DbOptions,
  ) {}

  get roundTrips(): number {
    return this.#roundTrips;
  }

  async read(statement: Statement, params: Record<string, unknown>): Promise<Row[]> {
    this.#roundTrips += 1;
    // A session per read: loaders of one request run concurrently, and a session cannot.
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.READ,
    });
    try {
      // An auto-commit transaction in read mode (Neo4j refuses writes in it), not a transaction
      // function: those retry a failed read after a second and again for up to 30 s, holding
      // every request while Neo4j is away. A failed read fails the request at once, with
      // SERVICE_UNAVAILABLE, and the client retries.
      const records = await session.run(statement.text, params, {
        timeout: this.options.timeoutMs,
        metadata: { requestId: this.options.requestId, statement: statement.name },
      });
      return records.records.map((record) => plain(record.toObject()) as Row);
    } catch (error) {
      throw translate(error, statement);
    } finally {
      await session.close();
    }
  }
}

function translate(error: unknown, statement: Statement): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  if (code.includes('TransactionTimedOut')) {
    return new QueryTimeoutError(`cypher/${statement.name} ran past its timeout`, { cause: error });
  }
  if (unavailable(code, error)) {
    return new DatabaseUnavailableError(`Neo4j did not answer cypher/${statement.name}`, {
      cause: error,
    });
  }
  return error;
}

/**
 * The database is away (connection refused or lost), stopping or starting (its database is not
 * online), or too busy to hand out a connection in time: all say "try again shortly".
 */
function unavailable(code: string, error: unknown): boolean {
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.endsWith('.DatabaseUnavailable') ||
    String((error as { message?: unknown }).message).startsWith('Connection acquisition timed out')
  );
}

/** Turns driver values into plain JSON-like data: temporal values become their ISO strings. */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plain);
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) return value.toString();
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}
