import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './api-harness.js';

// Keyset pagination over the seeded graph: walking a list page by page, forwards with
// first/after or backwards with last/before, gives exactly the whole list, in order, with
// pageInfo telling where more lies.
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

interface Page {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: Array<{ cursor: string; id: string }>;
}

type PageArgs = { first?: number; after?: string; last?: number; before?: string };

/** A connection as the API answers it. */
type Connection = Omit<Page, 'edges'> & { edges: Array<{ cursor: string; node: { id: string } }> };

/** A connection somewhere in a query's answer, its edges reduced to the ids of their nodes. */
function lister(query: string, pick: (data: never) => Connection) {
  return async (args: PageArgs): Promise<Page> => {
    const response = await api.query(query, args);
    expect(response.errors).toEqual([]);
    const connection = pick(response.data as never);
    return {
      ...connection,
      edges: connection.edges.map((e) => ({ cursor: e.cursor, id: e.node.id })),
    };
  };
}

async function forwards(list: (args: PageArgs) => Promise<Page>, size: number) {
  const pages: Page[] = [];
  let after: string | undefined;
  do {
    const page = await list({ first: size, ...(after && { after }) });
    pages.push(page);
    after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
  } while (after && pages.length < 50);
  return pages;
}

async function backwards(list: (args: PageArgs) => Promise<Page>, size: number) {
  const pages: Page[] = [];
  let before: string | undefined;
  do {
    const page = await list({ last: size, ...(before && { before }) });
    pages.push(page);
    before = page.pageInfo.hasPreviousPage ? (page.pageInfo.startCursor ?? undefined) : undefined;
  } while (before && pages.length < 50);
  return pages;
}

const idsOf = (pages: Page[]) => pages.flatMap((p) => p.edges.map((e) => e.id));

/** Walks a list both ways in pages of `size` and checks it against the whole list. */
async function checkWalks(list: (args: PageArgs) => Promise<Page>, size: number, total: number) {
  const whole = await list({ first: 100 });
  expect(whole.totalCount).toBe(total);
  expect(whole.edges).toHaveLength(total);
  const all = whole.edges.map((e) => e.id);
  expect(new Set(all).size).toBe(total);

  const fwd = await forwards(list, size);
  expect(fwd).toHaveLength(Math.ceil(total / size));
  expect(idsOf(fwd)).toEqual(all);
  expect(fwd[0]!.pageInfo.hasPreviousPage).toBe(false);
  expect(fwd.at(-1)!.pageInfo.hasNextPage).toBe(false);
  for (const page of fwd.slice(1)) expect(page.pageInfo.hasPreviousPage).toBe(true);
  for (const page of fwd) expect(page.totalCount).toBe(total);

  const back = await backwards(list, size);
  expect(back).toHaveLength(Math.ceil(total / size));
  expect(idsOf([...back].reverse())).toEqual(all);
  expect(back[0]!.pageInfo.hasNextPage).toBe(false);
  expect(back.at(-1)!.pageInfo.hasPreviousPage).toBe(false);
  for (const page of back.slice(1)) expect(page.pageInfo.hasNextPage).toBe(true);

  // A cursor keeps its place: the page after the second one's end, asked for again.
  const second = fwd[1]!;
  const again = await list({ first: size, after: fwd[0]!.pageInfo.endCursor! });
  expect(again.edges.map((e) => e.id)).toEqual(second.edges.map((e) => e.id));
  // Between two cursors, from either end.
  const from = whole.edges[1]!.cursor;
  const to = whole.edges[total - 2]!.cursor;
  const between = await list({ first: 100, after: from, before: to });
  expect(between.edges.map((e) => e.id)).toEqual(all.slice(2, total - 2));
  const tail = await list({ last: 2, after: from, before: to });
  expect(tail.edges.map((e) => e.id)).toEqual(all.slice(total - 4, total - 2));
  return all;
}

const ARGS = '$first: Int, $after: String, $last: Int, $before: String';
const PAGE = 'first: $first, after: $after, last: $last, before: $before';
const SELECTION = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

describe('root lists', () => {
  const meetings = (orderBy: string) =>
    lister(
      `query (${ARGS}) { meetings(${PAGE}, orderBy: ${orderBy}) { ${SELECTION} edges { cursor node { id } } } }`,
      (d: { meetings: Connection }) => d.meetings,
    );

  it('meetings by start date, ascending and descending, in pages of 3', async () => {
    const ascending = await checkWalks(meetings('{ field: START, direction: ASC }'), 3, 11);
    const descending = await checkWalks(meetings('{ field: START, direction: DESC }'), 3, 11);
    expect(descending).toEqual([...ascending].reverse());
    expect(ascending.slice(-3)).toEqual([
      'asean-un-regional-dialogue-2019-12',
      'unsc-meeting-2020-01-asean-un-cooperation',
      'unsc-debate-2021-04-regional-organizations',
    ]);
  });

  it('meetings by name, in pages of 4', async () => {
    const byName = await checkWalks(meetings('{ field: NAME }'), 4, 11);
    expect(byName.slice(0, 3)).toEqual([
      'cpv-13th-national-congress', // "13th National Congress ..."
      'asean-un-regional-dialogue-2019-12', // "5th ASEAN–UN ..."
      'asean-un-workshop-7', // "7th ASEAN–UN Workshop"
    ]);
  });

  it('actors by folded name, in pages of 4', async () => {
    const list = lister(
      `query (${ARGS}) { actors(${PAGE}) { ${SELECTION} edges { cursor node { id name } } } }`,
      (d: { actors: Connection }) => d.actors,
    );
    const actors = await checkWalks(list, 4, 14);
    expect(actors.slice(0, 3)).toEqual(['antonio-guterres', 'aipr', 'asean']);
  });
});

describe('relationship connections', () => {
  it('the themes of the April 2021 debate, in pages of 3', async () => {
    const list = lister(
      `query (${ARGS}) { meeting(id: "unsc-debate-2021-04-regional-organizations") {
        themes(${PAGE}) { ${SELECTION} edges { cursor factId node { id } } } } }`,
      (d: { meeting: { themes: Connection } }) => d.meeting.themes,
    );
    await checkWalks(list, 3, 8);
  });

  it('the facts the VNA article supports, in pages of 10', async () => {
    const list = lister(
      `query (${ARGS}) { document(id: "vna-2019-12-asean-un-regional-dialogue") {
        facts(${PAGE}) { ${SELECTION} edges { cursor node { id } } } } }`,
      (d: { document: { facts: Connection } }) => d.document.facts,
    );
    await checkWalks(list, 10, 36);
  });
});

describe('relationship connections under each orderBy', () => {
  type Edge = {
    cursor: string;
    factId: string;
    node: { id: string; name: string; start?: { value: string } | null };
  };
  const ORDERS = ['DATE', 'NAME'].flatMap((field) =>
    ['ASC', 'DESC'].map((direction) => ({ field, direction })),
  );

  /** Vietnam's chaired meetings (two of them undated: a tie on the date) under an orderBy. */
  const chaired = (orderBy: unknown) => async (args: PageArgs) => {
    const response = await api.query<{
      organization: { chaired: Omit<Page, 'edges'> & { edges: Edge[] } };
    }>(
      `query ($orderBy: RelationshipOrder, ${ARGS}) { organization(id: "vietnam") {
        chaired(orderBy: $orderBy, ${PAGE}) { ${SELECTION} edges { cursor factId node { id name start { value } } } } } }`,
      { orderBy, ...args },
    );
    expect(response.errors).toEqual([]);
    return response.data!.organization.chaired;
  };

  /** Walks a list forwards and backwards in pages of `size`; each walk must give `whole`. */
  async function walkBothWays(
    list: (args: PageArgs) => Promise<Page>,
    size: number,
    whole: string[],
  ) {
    const fwd = await forwards(list, size);
    expect(idsOf(fwd)).toEqual(whole);
    expect(fwd).toHaveLength(Math.max(1, Math.ceil(whole.length / size)));
    expect(fwd.at(-1)!.pageInfo.hasNextPage).toBe(false);
    const back = await backwards(list, size);
    expect(idsOf([...back].reverse())).toEqual(whole);
    expect(back.at(-1)!.pageInfo.hasPreviousPage).toBe(false);
  }

  it("orders by the other end's date at its precision, undated first ascending, ties by fact id", async () => {
    const ascending = (await chaired({ field: 'DATE', direction: 'ASC' })({ first: 100 })).edges;
    const undated = ascending.filter((e) => !e.node.start).map((e) => e.factId);
    expect(undated).toHaveLength(2);
    expect(ascending.map((e) => e.factId)).toEqual([
      ...[...undated].sort(),
      ...ascending.filter((e) => e.node.start).map((e) => e.factId),
    ]);
    expect(ascending.slice(2).map((e) => e.node.start!.value)).toEqual(['2020-01', '2021-04']);
    const descending = (await chaired({ field: 'DATE', direction: 'DESC' })({ first: 100 })).edges;
    expect(descending.map((e) => e.factId)).toEqual(ascending.map((e) => e.factId).reverse());
    // The usual order of a meeting list is by date, ascending: no orderBy gives the same list.
    const usual = (await chaired(null)({ first: 100 })).edges;
    expect(usual.map((e) => e.factId)).toEqual(ascending.map((e) => e.factId));
  });

  it('orders by the name at the other end, folded, either way', async () => {
    const byName = (await chaired({ field: 'NAME' })({ first: 100 })).edges;
    const names = byName.map((e) => e.node.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const descending = (await chaired({ field: 'NAME', direction: 'DESC' })({ first: 100 })).edges;
    expect(descending.map((e) => e.node.id)).toEqual(byName.map((e) => e.node.id).reverse());
  });

  it.each(ORDERS.flatMap((order) => [1, 2, 3].map((size) => [order, size] as const)))(
    "pages of Vietnam's chaired meetings under %j in pages of %i meet without gap or repeat",
    async (order, size) => {
      const list = async (args: PageArgs): Promise<Page> => {
        const page = await chaired(order)(args);
        return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, id: e.factId })) };
      };
      const whole = (await list({ first: 100 })).edges.map((e) => e.id);
      expect(new Set(whole).size).toBe(4);
      await walkBothWays(list, size, whole);
    },
  );

  it.each(ORDERS)(
    'the themes of the 2019 dialogue (all tied on the date) walk under %j',
    async (order) => {
      const list = lister(
        `query ($orderBy: RelationshipOrder, ${ARGS}) { meeting(id: "asean-un-regional-dialogue-2019-12") {
        themes(orderBy: $orderBy, ${PAGE}) { ${SELECTION} edges { cursor factId node { id } } } } }`,
        (d: { meeting: { themes: Connection } }) => d.meeting.themes,
      );
      const ordered = (args: PageArgs) => list({ ...args, orderBy: order } as PageArgs);
      const all = await checkWalks(ordered, 3, 8);
      if (order.field === 'NAME') return;
      // Themes have no date and COVERED facts none either: the order is the facts' ids.
      const facts = lister(
        `query ($orderBy: RelationshipOrder) { meeting(id: "asean-un-regional-dialogue-2019-12") {
        themes(orderBy: $orderBy, first: 100) { ${SELECTION} edges { cursor node: fact { id } } } } }`,
        (d: { meeting: { themes: Connection } }) => d.meeting.themes,
      );
      const ids = (await facts({ orderBy: order } as PageArgs)).edges.map((e) => e.id);
      const sorted = [...ids].sort();
      expect(ids).toEqual(order.direction === 'ASC' ? sorted : sorted.reverse());
      expect(all).toHaveLength(8);
    },
  );

  it('refuses a cursor made under another order, before reading its page', async () => {
    const latest = await chaired({ field: 'DATE', direction: 'DESC' })({ first: 1 });
    const usual = await chaired(null)({ first: 1 });
    for (const [orderBy, cursor] of [
      [{ field: 'NAME' }, latest.pageInfo.endCursor],
      [{ field: 'DATE', direction: 'ASC' }, latest.pageInfo.endCursor],
      [{ field: 'DATE', direction: 'DESC' }, usual.pageInfo.endCursor],
    ] as const) {
      const response = await api.query(
        `query ($orderBy: RelationshipOrder, $after: String) { organization(id: "vietnam") {
          chaired(orderBy: $orderBy, after: $after) { edges { node { id } } } } }`,
        { orderBy, after: cursor },
      );
      expect(response.data).toEqual({ organization: null });
      expect(response.errors).toEqual([
        expect.objectContaining({
          message:
            'this cursor was made under another orderBy; pass the orderBy it was made under, or start again without a cursor',
          path: ['organization', 'chaired'],
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
      // The organization may be looked up (the error is reported at the field, as the batched
      // path does), its page never is.
      expect(response.extensions.cypherRoundTrips).toBeLessThanOrEqual(1);
    }
    // The same cursor under its own order goes on where it stopped.
    const next = await chaired({ field: 'DATE', direction: 'DESC' })({
      first: 1,
      after: latest.pageInfo.endCursor!,
    });
    expect(next.pageInfo.hasPreviousPage).toBe(true);
    const usualNext = await chaired({ field: 'DATE' })({
      first: 1,
      after: usual.pageInfo.endCursor!,
    });
    expect(usualNext.edges).toHaveLength(1);
  });

  it('takes an orderBy variable that leaves out its direction (ASC), under graphql-jit too', async () => {
    const response = await api.query<{
      meetings: Connection;
      organization: { chaired: Connection };
    }>(
      `query ($meetings: MeetingOrder, $chaired: RelationshipOrder) {
        meetings(orderBy: $meetings, first: 1) { ${SELECTION} edges { cursor node { id } } }
        organization(id: "vietnam") { chaired(orderBy: $chaired, first: 1) { ${SELECTION} edges { cursor node { id } } } } }`,
      { meetings: { field: 'NAME' }, chaired: { field: 'NAME' } },
    );
    expect(response.errors).toEqual([]);
    expect(response.data!.meetings.edges[0]!.node.id).toBe('cpv-13th-national-congress');
    expect(response.data!.organization.chaired.edges[0]!.node.id).toBe(
      'session-consequences-of-bombs-and-mines',
    );
  });

  it('refuses an order field that does not exist, before execution', async () => {
    const response = await api.query(
      `{ organization(id: "vietnam") { chaired(orderBy: { field: START }) { totalCount } } }`,
    );
    expect(response.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.extensions?.cypherRoundTrips ?? 0).toBe(0);
  });
});

describe('search', () => {
  it('pages through ranked hits with first/after, the best hit first', async () => {
    const list = lister(
      `query ($first: Int, $after: String) { search(text: "UN", first: $first, after: $after) {
        ${SELECTION} edges { cursor node { id } } } }`,
      (d: { search: Connection }) => d.search,
    );
    const whole = await list({ first: 100 });
    expect(whole.edges[0]!.id).toBe('united-nations');
    const pages = await forwards(list, 5);
    expect(pages).toHaveLength(Math.ceil(whole.totalCount / 5));
    expect(idsOf(pages)).toEqual(whole.edges.map((e) => e.id));
    expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
  });
});
