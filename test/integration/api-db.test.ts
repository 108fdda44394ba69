import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { Db } from '../../src/data/db.js';
import { DatabaseUnavailableError, QueryTimeoutError } from '../../src/data/errors.js';
import { statement } from '../../src/data/statements.js';
import { testConnection, testDriver } from '../support/neo4j.js';

// The Db wrapper every API read goes through, against the real Neo4j: it counts round trips,
// reads only, and turns timeouts and an absent database into errors of its own.
const driver = testDriver();
const { database } = testConnection();
const db = (timeoutMs = 5000) => new Db(driver, { database, timeoutMs, requestId: 'api-db-test' });

afterAll(async () => {
  await driver.close();
});

describe('Db', () => {
  it('counts each read as one round trip', async () => {
    const d = db();
    expect(d.roundTrips).toBe(0);
    const rows = await d.read(statement('api/entities-by-id'), { ids: ['hanoi', 'asean'] });
    expect(rows.map((r) => r.id).sort()).toEqual(['asean', 'hanoi']);
    await d.read(statement('api/evidence-about'), { ids: ['hanoi'] });
    expect(d.roundTrips).toBe(2);
  });

  it('hands back dates as ISO strings', async () => {
    const [row] = await db().read(
      { name: 'test/date', text: 'RETURN date("2021-04-01") AS day, [date("2019-12-03")] AS days' },
      {},
    );
    expect(row).toEqual({ day: '2021-04-01', days: ['2019-12-03'] });
  });

  it('runs reads only: a write is refused', async () => {
    await expect(
      db().read({ name: 'test/write', text: 'CREATE (:ApiDbProbe) RETURN 1 AS one' }, {}),
    ).rejects.toThrow(/read/i);
    const [row] = await db().read(
      { name: 'test/count', text: 'MATCH (n:ApiDbProbe) RETURN count(n) AS n' },
      {},
    );
    expect(row!.n).toBe(0);
  });

  it('stops a read at its transaction timeout', async () => {
    const slow = {
      name: 'test/slow',
      text: 'UNWIND range(1, 100000000) AS x RETURN count(x) AS n',
    };
    await expect(db(100).read(slow, {})).rejects.toBeInstanceOf(QueryTimeoutError);
  });

  it('says when the database does not answer', async () => {
    const nowhere = neo4j.driver('bolt://127.0.0.1:9', undefined, {
      maxTransactionRetryTime: 500,
      connectionTimeout: 1000,
    });
    try {
      const d = new Db(nowhere, { database: undefined, timeoutMs: 1000, requestId: 'x' });
      await expect(d.read(statement('api/entities-by-id'), { ids: [] })).rejects.toBeInstanceOf(
        DatabaseUnavailableError,
      );
    } finally {
      await nowhere.close();
    }
  });
});
