import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testConnection, testDriver } from '../support/neo4j.js';
import { documentsDir } from '../support/seeds.js';

const driver = testDriver();
const { database } = testConnection();
afterAll(() => driver.close());

async function rows(query: string, params: Record<string, unknown> = {}) {
  const { records } = await driver.executeQuery(query, params, { database, routing: 'READ' });
  return records.map((r) => r.toObject());
}

/** The quotes behind a fact, found through Evidence.about. */
const QUOTES = `CALL { WITH r MATCH (e:Evidence {about: r.id})-[:CITED_IN]->(d:Document) RETURN collect(e.quote) AS quotes }`;

describe('the seeded graph answers, with the quote behind each answer', () => {
  it('who chaired the April 2021 Security Council debate, and in which capacity', async () => {
    const result = await rows(
      `MATCH (m:Meeting)<-[r:CHAIRED]-(a) WHERE m.start = '2021-04' AND m.kind = 'high_level_debate'
       ${QUOTES}
       RETURN a.id AS who, labels(a) AS labels, r.capacity AS capacity, quotes ORDER BY who`,
    );
    expect(result.map((r) => [r.who, r.capacity])).toEqual([
      ['nguyen-xuan-phuc', 'President of Viet Nam'],
      ['vietnam', 'President of the Security Council for April 2021'],
    ]);
    const phuc = result.find((r) => r.who === 'nguyen-xuan-phuc')!;
    expect(phuc.quotes.join(' ')).toMatch(/présidé par le Président vietnamien Nguyên Xuân Phuc/);
  });

  it('which meetings Viet Nam chaired, and which organizations it presided', async () => {
    const chaired = await rows(
      `MATCH (:Organization {id: 'vietnam'})-[r:CHAIRED]->(m:Meeting) ${QUOTES}
       RETURN m.id AS meeting, m.start AS start, quotes ORDER BY meeting`,
    );
    expect(chaired.map((r) => r.meeting)).toEqual([
      'session-consequences-of-bombs-and-mines',
      'session-protection-of-essential-civilian-infrastructure',
      'unsc-debate-2021-04-regional-organizations',
      'unsc-meeting-2020-01-asean-un-cooperation',
    ]);
    expect(chaired.every((r) => r.quotes.length > 0)).toBe(true);
    const presided = await rows(
      `MATCH (:Organization {id: 'vietnam'})-[r:PRESIDED]->(o) ${QUOTES}
       RETURN o.id AS org, r.start AS start, r.end AS end, quotes ORDER BY org`,
    );
    expect(presided.map((r) => [r.org, r.start, r.end])).toEqual([
      ['asean', '2020', '2020'],
      ['un-security-council', '2021-04', '2021-04'],
    ]);
    expect(presided[1]!.quotes.join(' ')).toContain(
      'président du Conseil de sécurité des Nations Unies (ONU) en avril',
    );
  });

  it('who spoke at the 5th ASEAN–UN dialogue, for which organization and in which role', async () => {
    const result = await rows(
      `MATCH (m:Meeting {ordinal: 5})<-[r:PARTICIPATED_IN]-(p:Person) ${QUOTES}
       RETURN p.name AS who, r.role AS role, r.onBehalfOf AS forOrg, quotes ORDER BY who`,
    );
    expect(result.map((r) => [r.who, r.role, r.forOrg])).toEqual([
      ['Khaled Khiari', 'speaker', 'united-nations'],
      ['Nguyễn Quốc Dũng', 'opening_speaker', 'vietnam'],
    ]);
    expect(result[1]!.quotes.join(' ')).toContain("Dans son allocution d'ouverture");
  });

  it('when and where the dialogue was held, and what it was part of', async () => {
    const [meeting] = await rows(
      `MATCH (m:Meeting {ordinal: 5})-[h:HELD_IN]->(p:Place)
       CALL { WITH h MATCH (e:Evidence {about: h.id}) RETURN collect(e.quote) AS placeQuotes }
       CALL { WITH m MATCH (m)-[:PART_OF]->(w) RETURN collect(w.id) AS partOf }
       RETURN m.start AS start, m.startPrecision AS precision, m.end AS end, p.name AS place, placeQuotes, partOf`,
    );
    expect(meeting).toMatchObject({
      start: '2019-12-03',
      precision: 'day',
      end: '2019-12-04',
      place: 'Hanoi',
    });
    expect(meeting!.placeQuotes).toContain("s'est ouvert à Hanoï le 3 décembre");
    expect([...meeting!.partOf].sort()).toEqual([
      'asean-un-regional-dialogue-series',
      'asean-un-workshop-7',
    ]);
  });

  it('which themes each dated meeting covered', async () => {
    const result = await rows(
      `MATCH (m:Meeting)-[r:COVERED]->(t:Theme) WHERE m.start IS NOT NULL ${QUOTES}
       RETURN m.id AS meeting, collect(t.id) AS themes, min(size(quotes)) AS fewestQuotes`,
    );
    const byMeeting = Object.fromEntries(result.map((r) => [r.meeting, r.themes as string[]]));
    expect(byMeeting['unsc-debate-2021-04-regional-organizations']).toEqual(
      expect.arrayContaining([
        'un-regional-organizations-cooperation',
        'confidence-building-and-dialogue-in-conflict-prevention',
      ]),
    );
    expect(byMeeting['asean-un-regional-dialogue-2019-12']).toEqual(
      expect.arrayContaining(['asean-un-cooperation']),
    );
    expect(result.every((r) => r.fewestQuotes >= 1)).toBe(true);
  });

  it('which positions each person held', async () => {
    const result = await rows(
      `MATCH (p:Person)-[r:HELD_POSITION]->(o:Organization) ${QUOTES}
       RETURN p.id AS person, r.title AS title, o.id AS org, r.attested AS attested, quotes ORDER BY person, title`,
    );
    expect(result.map((r) => [r.person, r.title, r.org])).toEqual(
      expect.arrayContaining([
        ['antonio-guterres', 'Secretary-General', 'united-nations'],
        ['nguyen-xuan-phuc', 'President', 'vietnam'],
        ['khaled-khiari', 'Assistant Secretary-General', 'united-nations'],
      ]),
    );
    expect(result.every((r) => r.quotes.length > 0 && r.attested)).toBe(true);
  });

  it('when Viet Nam sat on the Security Council, stated by both articles', async () => {
    const [seat] = await rows(
      `MATCH (:Organization {id: 'vietnam'})-[r:MEMBER_OF]->(:Organization {id: 'un-security-council'})
       CALL { WITH r MATCH (e:Evidence {about: r.id})-[:CITED_IN]->(d) RETURN collect(DISTINCT d.id) AS documents }
       RETURN r.role AS role, r.start AS start, r.end AS end, r.evidenceCount AS evidenceCount, documents`,
    );
    expect(seat).toMatchObject({ role: 'non_permanent_member', start: '2020', end: '2021' });
    expect([...seat!.documents].sort()).toEqual([
      'nhandan-2021-04-unsc-high-level-debate',
      'vna-2019-12-asean-un-regional-dialogue',
    ]);
  });

  it('which organizations are parts of which, the UN, its Security Council and ASEAN being distinct', async () => {
    const result = await rows(
      `MATCH (a:Organization)-[r:PART_OF]->(b:Organization) RETURN a.id AS part, b.id AS whole ORDER BY part`,
    );
    expect(result.map((r) => [r.part, r.whole])).toEqual(
      expect.arrayContaining([
        ['un-security-council', 'united-nations'],
        ['aipr', 'asean'],
      ]),
    );
    const ids = await rows(
      `MATCH (o:Organization) WHERE o.id IN ['united-nations','un-security-council','asean'] RETURN count(DISTINCT o) AS n`,
    );
    expect(ids[0]!.n).toBe(3);
  });

  it('keeps dates at their precision: the April 2021 debate is a month, not an invented day', async () => {
    const [debate] = await rows(
      `MATCH (m:Meeting {id: 'unsc-debate-2021-04-regional-organizations'})
       RETURN m.start AS start, m.startPrecision AS precision, toString(m.startMin) AS min, toString(m.startMax) AS max`,
    );
    expect(debate).toEqual({
      start: '2021-04',
      precision: 'month',
      min: '2021-04-01',
      max: '2021-04-30',
    });
  });
});

describe('provenance', () => {
  it('every relationship has evidence whose quote is found verbatim in its document', async () => {
    const facts = await rows(
      `MATCH (a:Entity)-[r]->(b:Entity)
       OPTIONAL MATCH (e:Evidence {about: r.id})-[:CITED_IN]->(d:Document)
       RETURN r.id AS id, r.evidenceCount AS evidenceCount, collect({quote: e.quote, file: d.file, offset: e.offset}) AS evidence`,
    );
    expect(facts.length).toBeGreaterThan(40);
    const texts = new Map<string, string>();
    const text = (file: string) => {
      if (!texts.has(file))
        texts.set(file, fs.readFileSync(path.join(documentsDir, file), 'utf8').normalize('NFC'));
      return texts.get(file)!;
    };
    for (const fact of facts) {
      const evidence = (
        fact.evidence as { quote: string | null; file: string; offset: number }[]
      ).filter((e) => e.quote);
      expect(evidence.length, `fact ${fact.id} has no evidence`).toBeGreaterThan(0);
      expect(fact.evidenceCount).toBe(evidence.length);
      for (const e of evidence) {
        expect(text(e.file).includes(e.quote!), `quote of ${fact.id} not in ${e.file}`).toBe(true);
        expect(text(e.file).slice(e.offset, e.offset + e.quote!.length)).toBe(e.quote);
      }
    }
  });

  it('every entity has evidence too', async () => {
    const bare = await rows(
      `MATCH (n:Entity) WHERE NOT EXISTS { MATCH (:Evidence {about: n.id}) } RETURN n.id AS id`,
    );
    expect(bare).toEqual([]);
  });

  it('finds names and aliases through the accent-folding full-text index', async () => {
    const search = async (text: string) =>
      (
        await rows(
          `CALL db.index.fulltext.queryNodes('entityNames', $q) YIELD node RETURN node.id AS id`,
          { q: text },
        )
      ).map((r) => r.id);
    expect((await search('Nguyen Xuan Phuc'))[0]).toBe('nguyen-xuan-phuc');
    expect((await search('Guterres'))[0]).toBe('antonio-guterres');
    // Ranking among many "ONU" aliases is the API's job; the index must at least find it.
    expect(await search('ONU')).toContain('united-nations');
  });
});
