import neo4j, { isDate, isDateTime, isLocalDateTime, type Driver } from 'neo4j-driver';
import { DatabaseUnavailableError, QueryTimeoutError } from './errors.js';
import { combineStatements } from './combined-statement.js';
import { planGateOf } from './plan-gate.js';
import type { Statement } from './statements.js';

export interface DbOptions {
  database: string | undefined;
  /** Per-transaction timeout, so one heavy query cannot hold a connection for long. */
  timeoutMs: number;
  /** Sent with each transaction, so the database's query log can be matched to a request. */
  requestId: string;
}

export type Row = Record<string, unknown>;

interface PendingRead {
  statement: Statement;
  params: Record<string, unknown>;
  resolve: (rows: Row[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Every read of one GraphQL request goes through here: read transactions only, one timeout, and
 * a count of round trips, which the response reports (extensions.cypherRoundTrips) so tests can
 * check that batching keeps it bounded by the query's depth.
 *
 * Reads asked for in the same turn of the event loop (the batches of several DataLoaders at one
 * level of a query: a meeting's chairs, participants, themes and evidence) travel as ONE
 * statement when their files declare their columns (src/read/combined-statement.ts): each
 * statement costs Neo4j a transaction and the driver a round of Bolt messages, which outweighed
 * the work of small lookups.
 */
export class Db {
  #roundTrips = 0;
  #pending: PendingRead[] = [];

  constructor(
    private readonly driver: Driver,
    private readonly options: DbOptions,
  ) {}

  get roundTrips(): number {
    return this.#roundTrips;
  }

  read(statement: Statement, params: Record<string, unknown>): Promise<Row[]> {
    return new Promise<Row[]>((resolve, reject) => {
      this.#pending.push({ statement, params, resolve, reject });
      // setImmediate, not a microtask: DataLoaders dispatch their batches from nextTick and
      // promise jobs, which all run before it.
      if (this.#pending.length === 1) setImmediate(() => this.#flush());
    });
  }

  #flush(): void {
    const pending = this.#pending;
    this.#pending = [];
    const shared = pending.filter((p) => p.statement.columns);
    const alone = shared.length > 1 ? pending.filter((p) => !p.statement.columns) : pending;
    for (const read of alone) {
      this.#run(read.statement, read.params).then(read.resolve, read.reject);
    }
    if (shared.length > 1) {
      const combined = combineStatements(shared);
      this.#run(combined.statement, combined.params).then(
        (rows) => combined.split(rows).forEach((part, i) => shared[i]!.resolve(part)),
        (error: unknown) => shared.forEach((read) => read.reject(error)),
      );
    }
  }

  async #run(statement: Statement, params: Record<string, unknown>): Promise<Row[]> {
    this.#roundTrips += 1;
    // A session per statement: statements of one request may run concurrently, and a session
    // cannot.
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.READ,
    });
    try {
      // An auto-commit transaction in read mode (Neo4j refuses writes in it), not a transaction
      // function: those retry a failed read after a second and again for up to 30 s, holding
      // every request while Neo4j is away. A failed read fails the request at once, with
      // SERVICE_UNAVAILABLE, and the client retries.
      const records = await planGateOf(this.driver).run(statement.text, () =>
        withoutStackCapture(() =>
          session.run(statement.text, params, {
            timeout: this.options.timeoutMs,
            metadata: { requestId: this.options.requestId, statement: statement.name },
          }),
        ),
      );
      return records.records.map((record) => plain(record.toObject()) as Row);
    } catch (error) {
      const translated = translate(error, statement);
      if (translated instanceof DatabaseUnavailableError) planGateOf(this.driver).forget();
      throw translated;
    } finally {
      await session.close();
    }
  }
}

/**
 * Runs `start` without letting the driver format a stack trace: it captures one for every
 * statement it starts (Result's constructor), to give a failed statement the caller's stack,
 * and formatting it was ~3% of the server's CPU under load. Every read starts here, and the
 * errors a read fails with are translated below with the statement's name, which says more.
 */
function withoutStackCapture<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
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

/**
 * Turns driver values into plain JSON-like data: temporal values become their ISO strings. It
 * rewrites the driver's freshly unpacked lists and maps in place rather than copying them: a
 * page of full nodes is most of a request's garbage.
 */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = plain(value[i]);
    return value;
  }
  // The driver unpacks maps as plain objects and temporal values as class instances: only the
  // latter need the (dearer) temporal checks.
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) return value.toString();
  }
  const object = value as Record<string, unknown>;
  for (const key in object) object[key] = plain(object[key]);
  return object;
}
