import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { neo4jDate } from '../db/dates.js';
import { cypher, cypherStatements } from '../db/cypher.js';
import { cypherTemplate } from '../read/statements.js';
import { ENTITY_LABELS, foldName, RELATIONSHIP_TYPES, searchKey } from '../model/graph-model.js';
import type { PartialDate } from '../model/partial-date.js';
import type { EntityRecord, FactRecord, SeedGraph } from './types.js';

const BATCH = 1000;

export interface LoadOptions {
  database: string | undefined;
  /** Wipe the loader's nodes first (in the same transaction as the load). */
  reset?: boolean;
  onProgress?: (message: string) => void;
}

export interface LoadSummary {
  version: string;
  labels: Record<string, number>;
  types: Record<string, number>;
  millis: number;
}

/** Flattens a partial date into value, precision and the Neo4j dates bounding its period. */
function dateProps(name: string, date: PartialDate | undefined): Record<string, unknown> {
  if (!date) return {};
  return {
    [name]: date.value,
    [`${name}Precision`]: date.precision,
    [`${name}Min`]: neo4jDate(date.min),
    [`${name}Max`]: neo4jDate(date.max),
  };
}

export function entityRow(entity: EntityRecord): Record<string, unknown> {
  const names = [
    entity.name,
    ...entity.labels.map((l) => l.text),
    ...entity.aliases.map((a) => a.text),
  ];
  const nameKey = foldName(entity.name);
  const searchKeys = [...new Set(names.map(searchKey))].filter(Boolean);
  return {
    id: entity.id,
    name: entity.name,
    nameKey,
    sortKey: entity.label === 'Meeting' ? (entity.dates.start?.value ?? '') : nameKey,
    // An empty list is no property at all, in every sink: Neo4j's offline importer cannot store
    // an empty list, and the API reads a missing list as an empty one.
    ...(entity.labels.length > 0
      ? {
          labelLangs: entity.labels.map((l) => l.lang),
          labelTexts: entity.labels.map((l) => l.text),
        }
      : {}),
    ...(entity.aliases.length > 0
      ? {
          aliasLangs: entity.aliases.map((a) => a.lang),
          aliasTexts: entity.aliases.map((a) => a.text),
        }
      : {}),
    searchNames: [...new Set(names)],
    // A name without a letter or digit has no key: it matches no search text.
    ...(searchKeys.length > 0 ? { searchKeys } : {}),
    wikidata: entity.wikidata,
    ...entity.properties,
    ...Object.assign({}, ...Object.entries(entity.dates).map(([k, v]) => dateProps(k, v))),
  };
}

export function factRow(fact: FactRecord, evidenceCount: number): Record<string, unknown> {
  return {
    from: fact.from,
    to: fact.to,
    props: {
      id: fact.id,
      evidenceCount,
      ...Object.fromEntries(Object.entries(fact.qualifiers).filter(([, v]) => v !== null)),
      ...Object.assign({}, ...Object.entries(fact.dates).map(([k, v]) => dateProps(k, v))),
    },
  };
}

async function inBatches<T>(
  tx: ManagedTransaction,
  statement: string,
  rows: T[],
  progress: (done: number) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.run(statement, { rows: rows.slice(i, i + BATCH) });
    progress(Math.min(i + BATCH, rows.length));
  }
}

/** Runs schema statements in one transaction (one at a time if another loader raced us). */
async function createAll(session: Session, statements: string[]): Promise<void> {
  try {
    await session.executeWrite(async (tx) => {
      for (const statement of statements) await tx.run(statement);
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists') throw error;
    // Two loaders may race on a fresh database; the loser's IF NOT EXISTS can still see the
    // winner's index as an equivalent rule, which is the outcome both wanted: one at a time.
    for (const statement of statements) {
      try {
        await session.run(statement);
      } catch (e) {
        if ((e as { code?: string }).code !== code) throw e;
      }
    }
  }
}

/** Creates the constraints and indexes (idempotent) and waits until they are online. */
export async function ensureSchema(
  driver: Driver,
  database: string | undefined,
  /** How to wait for them (the bulk load, whose indexes populate from millions, waits longer). */
  awaitIndexes = cypher('seed/await-indexes'),
): Promise<void> {
  const statements = [
    ...cypherStatements('seed/schema'),
    ...RELATIONSHIP_TYPES.map((type) => cypherTemplate('seed/index-fact-id', { type })),
  ];
  const isConstraint = (statement: string) => /^\s*CREATE\s+CONSTRAINT\b/i.test(statement);
  const session = driver.session({ database });
  try {
    // The indexes first, in one transaction: Neo4j then populates them together, in one scan of
    // the store per kind, in the background once it commits. Then the uniqueness constraints,
    // whose indexes Neo4j populates and verifies while their statements run (one after the
    // other): on a large store that overlaps with the background population instead of
    // preceding it (what makes a first build after an import or a bulk load take minutes).
    for (const group of [
      statements.filter((s) => !isConstraint(s)),
      statements.filter(isConstraint),
    ])
      await createAll(session, group);
    await session.run(awaitIndexes);
  } finally {
    await session.close();
  }
}

/**
 * Makes the graph equal to the seed: all writes run in one transaction, so a failed or killed
 * load leaves the previous graph as it was, and a second load of the same seed changes nothing.
 */
export async function loadSeedGraph(
  driver: Driver,
  graph: SeedGraph,
  options: LoadOptions,
): Promise<LoadSummary> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => {});
  progress('creating constraints and indexes');
  await ensureSchema(driver, options.database);

  const evidenceCounts = new Map<string, number>();
  for (const e of graph.evidence)
    evidenceCounts.set(e.about, (evidenceCounts.get(e.about) ?? 0) + 1);

  const session = driver.session({
    database: options.database,
    defaultAccessMode: neo4j.session.WRITE,
  });
  try {
    await session.executeWrite(
      async (tx) => {
        if (options.reset) {
          progress('wiping the previous graph');
          await tx.run(cypher('seed/remove-all'));
        }
        for (const label of ENTITY_LABELS) {
          const rows = graph.entities.filter((e) => e.label === label).map(entityRow);
          await inBatches(tx, cypherTemplate('seed/upsert-entities', { label }), rows, (n) =>
            progress(`${label}: ${n}/${rows.length}`),
          );
        }
        for (const type of RELATIONSHIP_TYPES) {
          const rows = graph.facts
            .filter((f) => f.type === type)
            .map((f) => factRow(f, evidenceCounts.get(f.id) ?? 0));
          if (rows.length === 0) continue;
          await inBatches(tx, cypherTemplate('seed/upsert-facts', { type }), rows, (n) =>
            progress(`${type}: ${n}/${rows.length}`),
          );
        }
        await inBatches(tx, cypher('seed/upsert-evidence'), graph.evidence, (n) =>
          progress(`evidence: ${n}/${graph.evidence.length}`),
        );
        progress('removing what the seed no longer has');
        await tx.run(cypher('seed/prune-entities'), { ids: graph.entities.map((e) => e.id) });
        await tx.run(cypher('seed/prune-facts'), { ids: graph.facts.map((f) => f.id) });
        await tx.run(cypher('seed/prune-evidence'), { ids: graph.evidence.map((e) => e.id) });
        await tx.run(cypher('seed/write-meta'), {
          version: graph.version,
          entities: graph.entities.length,
          facts: graph.facts.length,
          evidence: graph.evidence.length,
        });
      },
      { timeout: 600_000 },
    );
  } finally {
    await session.close();
  }
  const { labels, types } = await countGraph(driver, options.database);
  return { version: graph.version, labels, types, millis: Date.now() - started };
}

/**
 * Nodes per label (the entity labels and Evidence) and fact relationships per type, as Neo4j's
 * count store keeps them: one lookup each, where a scan of a large graph takes seconds. Labels and
 * types without any are left out.
 */
export async function countGraph(
  driver: Driver,
  database: string | undefined,
): Promise<{ labels: Record<string, number>; types: Record<string, number> }> {
  // One statement (planned once): a count-store lookup per label and per type.
  const statement = [
    ...ENTITY_LABELS.map((label) => cypherTemplate('seed/count-label', { label })),
    cypher('seed/count-evidence'),
    ...RELATIONSHIP_TYPES.map((type) => cypherTemplate('seed/count-type', { type })),
  ].join('\nUNION ALL\n');
  const { records } = await driver.executeQuery(statement, {}, { database, routing: 'READ' });
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  for (const record of records) {
    const n = Number(record.get('count'));
    if (n > 0) (record.get('kind') === 'label' ? labels : types)[record.get('name') as string] = n;
  }
  const sorted = (o: Record<string, number>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { labels: sorted(labels), types: sorted(types) };
}

/** The version of the seed last loaded, or null on an empty database. */
export async function loadedSeedVersion(
  driver: Driver,
  database: string | undefined,
): Promise<string | null> {
  const { records } = await driver.executeQuery(
    cypher('seed/read-meta'),
    {},
    { database, routing: 'READ' },
  );
  return (records[0]?.get('version') as string | null) ?? null;
}
