import { parse } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERIES, type Params } from '../../../bench/lib/queries.js';
import { Db, type Row } from '../../../src/read/db.js';
import { Reads } from '../../../src/read/reads.js';
import type { Statement } from '../../../src/read/statements.js';
import { loadExamples } from '../../../src/graphql/playground.js';
import { buildSchema } from '../../../src/graphql/schema.js';
import { startPlannedRead } from '../../../src/read/planner/planned-read.js';
import { testConnection, testDriver } from '../../support/neo4j.js';

// The statements the query planner actually emits, for every example operation and every
// benchmark query of this API, planned by the real Neo4j (EXPLAIN: planned, not run).
let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

/** A Db that EXPLAINs what it is asked to read and answers nothing. */
class ExplainingDb extends Db {
  readonly explained: string[] = [];
  readonly texts: string[] = [];

  override async read(statement: Statement, params: Record<string, unknown>): Promise<Row[]> {
    const session = driver.session({ database: testConnection().database });
    try {
      await session.run(`EXPLAIN ${statement.text}`, params);
      this.explained.push(statement.name);
      this.texts.push(statement.text);
      return [];
    } finally {
      await session.close();
    }
  }
}

const schema = buildSchema();

/** The planned statement of an operation, EXPLAINed; the names and texts of those sent. */
async function explainStatements(
  query: string,
  variables: Params,
): Promise<{ names: string[]; texts: string[] }> {
  const db = new ExplainingDb(driver, { database: undefined, timeoutMs: 30_000, requestId: 't' });
  const document = parse(query);
  const planned = startPlannedRead(schema, document, undefined, variables, {
    db,
    reads: new Reads(db),
  });
  if (!planned) return { names: [], texts: [] };
  const keys = document.definitions.flatMap((d) =>
    d.kind === 'OperationDefinition'
      ? d.selectionSet.selections.flatMap((s) =>
          s.kind === 'Field' ? [s.alias?.value ?? s.name.value] : [],
        )
      : [],
  );
  // Each planned root's answer is null here (EXPLAIN returns no rows): lookups then say
  // NOT_FOUND, lists fail on the missing row; what matters is that Neo4j accepted the text.
  await Promise.all(keys.filter((k) => planned.has(k)).map((k) => planned.root(k).catch(() => {})));
  return { names: db.explained, texts: db.texts };
}

/** The names of the statements an operation's plan sends, each EXPLAINed. */
async function explainPlanned(query: string, variables: Params): Promise<string[]> {
  return (await explainStatements(query, variables)).names;
}

/** Parameters for the benchmark's queries from the seed graph. */
const SEED_PARAMS: Record<string, Params> = {
  q1: { id: 'asean-un-regional-dialogue-2019-12' },
  q2: { id: 'nguyen-quoc-dung' },
  q3: { id: 'un-regional-organizations-cooperation' },
  q4: { id: 'asean', asOf: '2020-06-30' },
  q5: { text: 'nguyen' },
  q8: { dateFrom: '2019-01-01', dateTo: '2021-12-31', kinds: ['dialogue'], participant: 'asean' },
};

describe('the statements the query planner emits', () => {
  it.each(loadExamples().map((e) => [e.file, e.query] as const))(
    'are planned by Neo4j for the example %s',
    async (_file, query) => {
      const explained = await explainPlanned(query, {});
      // Search is left to its own statement (see FALLBACK_FIELDS); every other example is planned.
      expect(explained).toEqual(/\bsearch\(/.test(query) ? [] : ['planner']);
    },
  );

  const planned = QUERIES.filter((q) => q.systems.ours && q.id in SEED_PARAMS && q.id !== 'q5');
  it.each(planned.map((q) => [q.id, q] as const))(
    'are planned by Neo4j for the benchmark query %s',
    async (id, definition) => {
      const request = definition.systems.ours!.build(SEED_PARAMS[id]!);
      const { query, variables } = JSON.parse(request.body) as { query: string; variables: Params };
      const explained = await explainPlanned(query, variables);
      expect(explained).toEqual(['planner']);
    },
  );

  it('are planned by Neo4j for relationship pages under each orderBy, read both ways', async () => {
    const query = `query($order: RelationshipOrder, $before: String) {
      organization(id: "vietnam") {
        chaired(orderBy: $order, first: 2) { totalCount edges { cursor node { id } } }
        back: chaired(orderBy: $order, last: 2, before: $before) { edges { node { id } } }
        memberships(asOf: "2020-06-30", orderBy: { field: DATE, direction: DESC }) { edges { node { id } } } } }`;
    const before = Buffer.from(JSON.stringify(['2021', 'x', 'DATE_DESC'])).toString('base64url');
    for (const variables of [
      { order: { field: 'DATE', direction: 'DESC' }, before },
      { order: { field: 'NAME', direction: 'ASC' }, before: null },
      { order: null, before: null },
    ]) {
      expect(await explainPlanned(query, variables)).toEqual(['planner']);
    }
  });

  it('return the sort keys of a page only when the query reads one of its cursors', async () => {
    const sortKeys = async (selection: string) => {
      const query = `{ organization(id: "vietnam") { chaired(first: 2) { ${selection} } } }`;
      const { texts } = await explainStatements(query, {});
      expect(texts).toHaveLength(1);
      // A page's row is `RETURN [<node>, k<i>, ...]` when it carries the sort key.
      return /^\s*RETURN \[.*, k\d+\b/m.test(texts[0]!);
    };
    expect(await sortKeys('edges { node { id } }')).toBe(false);
    expect(await sortKeys('pageInfo { hasNextPage } edges { node { id } }')).toBe(false);
    expect(await sortKeys('edges { cursor node { id } }')).toBe(true);
    expect(await sortKeys('pageInfo { endCursor } edges { node { id } }')).toBe(true);
    expect(await sortKeys('... on MeetingFactConnection { pageInfo { c: startCursor } }')).toBe(
      true,
    );
  });
});
