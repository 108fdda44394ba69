import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/env.js';
import { acceptDraft } from '../../src/draft/accept.js';
import { runDraft, type DraftCommand } from '../../src/draft/command.js';
import { loadSeedGraph } from '../../src/seed/load.js';
import { readSeeds } from '../../src/seed/read-seeds.js';
import { dumpGraph } from '../support/graph-dump.js';
import { testConnection, testDriver } from '../support/neo4j.js';
import { copySeeds, documentsDir, seedOptions } from '../support/seeds.js';
import { startApi, type Api } from './api-harness.js';

/**
 * The whole workflow against the real Neo4j: a draft leaves the graph alone; an accepted draft,
 * loaded, answers in GraphQL. The graph is restored to the seed's at the end.
 */

const driver = testDriver();
const { database } = testConnection();
const fixtures = path.join(projectRoot, 'test/fixtures/draft');
let before: string[];
let api: Api;
let seeds: string;
let texts: string;

beforeAll(async () => {
  before = await dumpGraph(driver, database);
  seeds = copySeeds();
  texts = fs.mkdtempSync(path.join(os.tmpdir(), 'texts-'));
  fs.cpSync(documentsDir, texts, { recursive: true });
  api = await startApi();
});

afterAll(async () => {
  await loadSeedGraph(driver, readSeeds(seedOptions()), { database, reset: true });
  expect(await dumpGraph(driver, database)).toEqual(before);
  await api.close();
  await driver.close();
});

/** Drafts an article into the scratch seeds, accepts the draft as it is, and loads the result. */
async function acceptAndLoad(article: string, options: Partial<DraftCommand>) {
  const { file, draft } = runDraft({
    article: path.join(fixtures, article),
    seedsDir: seeds,
    documentsDir: texts,
    ...options,
  });
  acceptDraft({ draftFile: file, seedsDir: seeds, documentsDir: texts });
  await loadSeedGraph(
    driver,
    readSeeds({ seedsDir: seeds, documentsDir: texts, requireTexts: true }),
    {
      database,
    },
  );
  return draft;
}

describe('adding an article', () => {
  it('drafting changes neither the graph nor the seed files', async () => {
    const seedFiles = () =>
      ['documents.yaml', 'entities/persons.yaml', 'entities/meetings.yaml'].map((f) =>
        fs.readFileSync(path.join(seeds, f), 'utf8'),
      );
    const filesBefore = seedFiles();
    runDraft({
      article: path.join(fixtures, 'asean-un-dialogue-en.txt'),
      seedsDir: seeds,
      documentsDir: texts,
      language: 'en',
      published: '2019-12-03',
    });
    expect(seedFiles()).toEqual(filesBefore);
    expect(await dumpGraph(driver, database)).toEqual(before);
  });

  it('an accepted English report adds evidence to the existing dialogue and people', async () => {
    const draft = await acceptAndLoad('asean-un-dialogue-en.txt', {
      language: 'en',
      published: '2019-12-03',
    });
    const response = await api.query<{
      meeting: {
        participants: {
          totalCount: number;
          edges: {
            node: { id: string };
            evidence: { quote: string; document: { id: string } }[];
          }[];
        };
      };
      persons: { totalCount: number };
    }>(
      `query ($id: ID!) {
        meeting(id: $id) {
          participants { totalCount edges { node { id } evidence { quote document { id } } } }
        }
        persons { totalCount }
      }`,
      { id: 'asean-un-regional-dialogue-2019-12' },
    );
    expect(response.errors).toEqual([]);
    const khiari = response.data!.meeting.participants.edges.find(
      (e) => e.node.id === 'khaled-khiari',
    )!;
    const documents = khiari.evidence.map((e) => e.document.id);
    expect(documents).toContain('vna-2019-12-asean-un-regional-dialogue');
    expect(documents).toContain(draft.document.id);
    // Still four persons: no second Khaled Khiari, no second Nguyen Quoc Dung.
    expect(response.data!.persons.totalCount).toBe(4);
  });

  it('an accepted article about a new event answers who chaired it', async () => {
    await acceptAndLoad('pacific-fisheries-summit-en.txt', {
      language: 'en',
      published: '2026-03',
      publisher: 'PINA',
    });
    const response = await api.query<{
      meeting: {
        name: string;
        start: { value: string; precision: string };
        chairs: { edges: { node: { id: string }; evidence: { quote: string }[] }[] };
        place: { node: { name: string } } | null;
      };
    }>(
      `{ meeting(id: "second-pacific-fisheries-summit") {
          name start { value precision }
          chairs { edges { node { id } evidence { quote } } }
          place { node { name } }
        } }`,
    );
    expect(response.errors).toEqual([]);
    const meeting = response.data!.meeting;
    expect(meeting.start).toEqual({ value: '2026-03', precision: 'MONTH' });
    expect(meeting.chairs.edges.map((e) => e.node.id)).toEqual(['jone-waqa']);
    expect(meeting.chairs.edges[0]!.evidence[0]!.quote).toContain(
      'chaired by Fijian Prime Minister Jone Waqa',
    );
    expect(meeting.place?.node.name).toBe('Suva');
  });
});
