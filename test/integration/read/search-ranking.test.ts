import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldName } from '../../../src/model/graph-model.js';
import type { EntityRecord } from '../../../src/read/records.js';
import { ANALYZER_STOP_WORDS, nameMatcher } from '../../../src/read/search/ranking.js';
import { testConnection, testDriver } from '../../support/neo4j.js';
import { startApi, type Api, type ApiResponse } from '../api-harness.js';

// Search ranks its hits in Cypher (cypher/read/search/search.cypher: the stored search keys
// against the text's folded words), and names the matched name in code
// (src/read/search/ranking.ts). The two must agree: every hit of every page, walked with
// cursors, comes in the order of the code's ranking ([tier, -score] then id), for the seed
// graph's names, parts and starts of them, and random mixes of their words.
let api: Api;
let words: string[];
let names: string[];
beforeAll(async () => {
  api = await startApi();
  const all = await everyEntityName();
  // Search takes at most 12 words (document titles may have more).
  names = [...all].filter((n) => n.split(/\s+/).length <= 12).sort();
  words = [...new Set(names.flatMap((n) => n.split(/\s+/)))].filter((w) => /\p{L}/u.test(w));
});
afterAll(async () => {
  await api.close();
});

interface Named {
  name: string;
  names: Array<{ text: string }>;
  aliases: Array<{ text: string }>;
}

interface Hit {
  cursor: string;
  score: number;
  matchedName: string;
  matchedLanguage: string | null;
  node: {
    id: string;
    name: string;
    names: Array<{ text: string; language: string }>;
    aliases: Array<{ text: string; language: string }>;
  };
}

const PAGE = `query ($text: String!, $after: String) {
  search(text: $text, first: 7, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor score matchedName matchedLanguage
      node { id name names { text language } aliases { text language } } } } }`;

async function everyEntityName(): Promise<Set<string>> {
  const found = new Set<string>();
  for (const list of ['persons', 'organizations', 'meetings', 'themes', 'places', 'documents']) {
    let after: string | null = null;
    for (;;) {
      const response: ApiResponse<Record<string, Connection>> = await api.query(
        `query ($after: String) { ${list}(first: 100, after: $after) {
          pageInfo { hasNextPage endCursor } edges { node { name names { text } aliases { text } } } } }`,
        { after },
      );
      expect(response.errors).toEqual([]);
      const page: Connection = response.data![list]!;
      for (const { node } of page.edges) {
        for (const n of [
          node.name,
          ...node.names.map((x) => x.text),
          ...node.aliases.map((x) => x.text),
        ])
          found.add(n);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
  }
  return found;
}

interface Connection {
  pageInfo: { hasNextPage: boolean; endCursor: string };
  edges: Array<{ node: Named }>;
}

interface SearchPage {
  totalCount: number;
  pageInfo: Connection['pageInfo'];
  edges: Hit[];
}

/** Every hit for `text`, page after page through the cursors. */
async function allHits(text: string): Promise<{ total: number; hits: Hit[] }> {
  const hits: Hit[] = [];
  let after: string | null = null;
  let total = 0;
  for (let pages = 0; pages < 200; pages += 1) {
    const response: ApiResponse<{ search: SearchPage }> = await api.query(PAGE, { text, after });
    expect(response.errors, text).toEqual([]);
    const page: SearchPage = response.data!.search;
    total = page.totalCount;
    hits.push(...page.edges);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { total, hits };
}

/** The code's ranking of the same hits. */
function rankedInCode(text: string, hits: readonly Hit[]): string[] {
  const match = nameMatcher(text);
  return hits
    .map((hit) => {
      const entity = {
        id: hit.node.id,
        name: hit.node.name,
        names: hit.node.names,
        aliases: hit.node.aliases,
      } as unknown as EntityRecord;
      return { id: hit.node.id, tier: match(entity).tier, score: hit.score };
    })
    .sort(
      (a, b) => a.tier - b.tier || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((hit) => hit.id);
}

async function expectRankedAsInCode(text: string) {
  const { total, hits } = await allHits(text);
  expect(hits.length, text).toBe(total);
  expect(new Set(hits.map((h) => h.node.id)).size, text).toBe(hits.length);
  expect(
    hits.map((h) => h.node.id),
    text,
  ).toEqual(rankedInCode(text, hits));
  const match = nameMatcher(text);
  for (const hit of hits) {
    const best = match({ ...hit.node } as unknown as EntityRecord);
    expect({ name: hit.matchedName, language: hit.matchedLanguage }, text).toEqual({
      name: best.text,
      language: best.language,
    });
  }
  return hits.length;
}

describe('search ranks in Cypher as the code ranks names', () => {
  it('for every name of the seed graph, folded and as written', async () => {
    let found = 0;
    for (const name of names) {
      found += await expectRankedAsInCode(name);
      found += await expectRankedAsInCode(foldName(name));
    }
    expect(found).toBeGreaterThan(names.length);
  });

  it('for words, starts of words and mixes of them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 12 }),
        async (picked, cut) => {
          const last = picked[picked.length - 1]!;
          const text = [...picked.slice(0, -1), last.slice(0, Math.max(1, cut))].join(' ');
          if (!/[\p{L}\p{N}]/u.test(text)) return;
          await expectRankedAsInCode(text);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('words the index leaves out', () => {
  it("are the ones Neo4j's analyzer reports", async () => {
    const driver = testDriver();
    try {
      const { records } = await driver.executeQuery(
        `CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords
         WHERE analyzer = 'standard-folding' RETURN stopwords`,
        {},
        { database: testConnection().database },
      );
      expect(new Set(records[0]?.get('stopwords') as string[])).toEqual(ANALYZER_STOP_WORDS);
    } finally {
      await driver.close();
    }
  });

  it('as the last word, still let the name be found', async () => {
    const { hits } = await allHits('Guterres the');
    expect(hits[0]?.node.id).toBe('antonio-guterres');
  });
});
