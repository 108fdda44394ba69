import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { combineStatements } from '../../../src/read/combined-statement.js';
import { Db } from '../../../src/read/db.js';
import { DatabaseUnavailableError, QueryTimeoutError } from '../../../src/read/errors.js';
import { statement } from '../../../src/read/statements.js';
import { apiStatement, apiStatementFiles } from '../../support/api-statements.js';
import { testConnection, testDriver } from '../../support/neo4j.js';

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
    const rows = await d.read(statement('read/lookups/entities-by-id'), {
      ids: ['hanoi', 'asean'],
    });
    expect(rows.map((r) => r.id).sort()).toEqual(['asean', 'hanoi']);
    await d.read(statement('read/evidence/evidence-about'), { ids: ['hanoi'] });
    expect(d.roundTrips).toBe(2);
  });

  it('sends reads asked for at once as one statement, each caller getting its own rows', async () => {
    const lookup = statement('read/lookups/entities-by-id');
    const quotes = statement('read/evidence/evidence-about');
    const alone = [
      await db().read(lookup, { ids: ['hanoi', 'asean'] }),
      await db().read(quotes, { ids: ['hanoi'] }),
    ];
    const d = db();
    const together = await Promise.all([
      d.read(lookup, { ids: ['hanoi', 'asean'] }),
      d.read(quotes, { ids: ['hanoi'] }),
    ]);
    expect(d.roundTrips).toBe(1);
    expect(together).toEqual(alone);
    expect(together[1]!.length).toBeGreaterThan(0);
    // A statement declaring no columns runs on its own beside the combined one.
    const bare = { name: 'test/one', text: 'RETURN 1 AS one' };
    const e = db();
    const three = await Promise.all([
      e.read(lookup, { ids: ['hanoi'] }),
      e.read(quotes, { ids: ['hanoi'] }),
      e.read(bare, {}),
    ]);
    expect(e.roundTrips).toBe(2);
    expect(three[2]).toEqual([{ one: 1 }]);
  });

  it('combines every statement of the batched read path (cypher/read) that declares its columns (EXPLAIN)', async () => {
    const declared = apiStatementFiles()
      .map(apiStatement)
      .filter((s) => s.columns);
    expect(declared.length).toBeGreaterThanOrEqual(12);
    const session = driver.session({ database });
    try {
      for (const s of declared) {
        const { statement: combined } = combineStatements([
          { statement: s, params: {} },
          { statement: statement('read/lookups/entities-by-id'), params: {} },
        ]);
        // EXPLAIN plans without running: an undeclared or missing column fails here.
        await expect(session.run(`EXPLAIN ${combined.text}`), s.name).resolves.toBeDefined();
      }
    } finally {
      await session.close();
    }
  });

  it('hands back dates as ISO strings, at any depth of lists and maps', async () => {
    const [row] = await db().read(
      {
        name: 'test/date',
        text:
          'RETURN date("2021-04-01") AS day, [date("2019-12-03")] AS days, ' +
          '{at: {when: [datetime("2020-01-02T03:04:05Z")]}, n: 1} AS nested, ' +
          'localdatetime("2020-01-02T03:04") AS local',
      },
      {},
    );
    expect(row).toEqual({
      day: '2021-04-01',
      days: ['2019-12-03'],
      nested: { at: { when: ['2020-01-02T03:04:05Z'] }, n: 1 },
      local: '2020-01-02T03:04:00',
    });
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
      await expect(
        d.read(statement('read/lookups/entities-by-id'), { ids: [] }),
      ).rejects.toBeInstanceOf(DatabaseUnavailableError);
    } finally {
      await nowhere.close();
    }
  });
});
