import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { ticker, type StepReport } from '../progress/progress.js';
import { cypher } from '../db/cypher.js';
import { cypherTemplate } from '../read/statements.js';
import { ENTITY_LABELS, RELATIONSHIP_TYPES } from '../model/graph-model.js';
import {
  UNIT_ROWS,
  validateBulk,
  type BulkPlan,
  type BulkValidateOptions,
  type LoadUnit,
} from './bulk-validate.js';
import { fileLines } from './list-file.js';
import { countGraph, ensureSchema, entityRow, factRow, type LoadSummary } from './load.js';

/**
 * The bulk load: for seeds too large for loadSeedGraph's single transaction (millions of facts).
 *
 * Trade-off, stated plainly: loadSeedGraph is atomic (all or nothing, and it prunes what the seed
 * dropped); this path cannot be, because one transaction cannot hold millions of writes. Instead:
 * - pass 1 (validateBulk) checks the whole seed first, streaming, with the same checks; if
 *   anything is wrong nothing is written;
 * - pass 2 writes load units of ~5,000 rows, one transaction each, with idempotent MERGE, so a
 *   load that dies half-way is finished by running it again;
 * - the graph's loaded-version record is removed first and written last, so a partial graph
 *   never reads as the complete seed (ensureSeeded and readiness see "no seed loaded");
 * - it does not prune: whatever the database held and the seed lacks stays, unless --reset wipes
 *   it first (in batches, not atomically);
 * - indexes it does not read while writing (full-text, sort keys, Evidence.about, fact ids ...)
 *   are dropped first and created again at the end, where one bulk population each is far
 *   cheaper than updating them at every commit; a load that dies leaves them missing until it
 *   is run again (or anything calls ensureSchema).
 * Two transactions are in flight at a time, so Neo4j's two cores are both busy (one commits
 * while the other executes); units of a phase (documents, entities, facts) only start once the
 * phase before is committed, since they refer to what it creates.
 */

export interface BulkLoadOptions extends BulkValidateOptions {
  database: string | undefined;
  reset?: boolean;
  /** Transactions in flight at once (default 2). */
  writers?: number;
  /** Keep every index while writing (slower; for a database that is being read meanwhile). */
  keepIndexes?: boolean;
}

export interface BulkLoadSummary extends LoadSummary {
  plan: Omit<BulkPlan, 'cleanup'>;
  /** Milliseconds of pass 1 (validation) and pass 2 (writing). */
  validateMillis: number;
  writeMillis: number;
  /** Relationships written in pass 2: facts plus one CITED_IN per evidence. */
  relationships: number;
  relationshipsPerSecond: number;
  /** Relationships that did not exist before (0 on a reload of the same seed). */
  relationshipsCreated: number;
  /** Peak resident memory of this process over the whole load, in MB. */
  peakRssMb: number;
}

interface PreparedUnit {
  phase: number;
  statements: { text: string; rows: unknown[] }[];
  relationships: number;
}

function prepare(unit: LoadUnit): PreparedUnit {
  const statements: PreparedUnit['statements'] = [];
  for (const label of ENTITY_LABELS) {
    const rows = unit.entities.filter((e) => e.label === label).map(entityRow);
    if (rows.length)
      statements.push({ text: cypherTemplate('seed/upsert-entities', { label }), rows });
  }
  if (unit.evidence.length)
    statements.push({ text: cypher('seed/upsert-evidence'), rows: unit.evidence });
  // A fact's quotes travel in the same unit as the fact: count them here. The few facts stated by
  // several articles are recounted from the graph once everything is in.
  const quotes = new Map<string, Set<string>>();
  for (const e of unit.evidence) {
    const ids = quotes.get(e.about) ?? new Set<string>();
    quotes.set(e.about, ids.add(e.id));
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = unit.facts
      .filter((f) => f.type === type)
      .map((f) => factRow(f, quotes.get(f.id)?.size ?? 0));
    if (rows.length) statements.push({ text: cypherTemplate('seed/upsert-facts', { type }), rows });
  }
  return {
    phase: unit.phase,
    statements,
    relationships: unit.evidence.length + unit.facts.length,
  };
}

/**
 * The spool's units, read as they are needed (readline's async iterator would queue the whole
 * file ahead of the writers: it does not wait for its consumer).
 */
export function* readUnits(spool: string): Generator<LoadUnit> {
  for (const line of fileLines(spool)) if (line.trim()) yield JSON.parse(line) as LoadUnit;
}

/** Transactions in flight at once by default: Neo4j commits one while it executes the next. */
const WRITERS = 2;

/** Writes a validated plan (pass 2). */
export async function writeBulkPlan(
  driver: Driver,
  plan: BulkPlan,
  options: {
    database: string | undefined;
    reset?: boolean;
    /** Transactions in flight at once (default 2). */
    writers?: number;
    /** Keep every index while writing (slower; for a database that is being read meanwhile). */
    keepIndexes?: boolean;
    onProgress?: (m: string) => void;
    onStep?: StepReport;
  },
): Promise<{
  millis: number;
  relationships: number;
  created: number;
  labels: Record<string, number>;
  types: Record<string, number>;
}> {
  const say = options.onProgress ?? (() => {});
  const { database } = options;
  say('creating constraints and indexes');
  await ensureSchema(driver, database);
  if (options.reset) {
    say('wiping the previous graph (in batches)');
    await runInTransactions(driver, database, cypher('bulk/remove-all'));
  }
  await driver.executeQuery(cypher('bulk/clear-meta'), {}, { database });
  const { records: deferrable } = await driver.executeQuery(
    cypher('bulk/deferrable-indexes'),
    {},
    { database },
  );
  const deferred = options.keepIndexes ? [] : deferrable.map((r) => r.get('name') as string);
  if (deferred.length > 0)
    say(`dropping ${deferred.length} indexes the load does not read (created again at the end)`);
  for (const name of deferred)
    await driver.executeQuery(cypher('bulk/drop-index'), { name }, { database });

  const started = Date.now();
  const sessions = Array.from({ length: Math.max(1, options.writers ?? WRITERS) }, () =>
    driver.session({ database, defaultAccessMode: neo4j.session.WRITE }),
  );
  const free = [...sessions];
  const running = new Set<Promise<void>>();
  let failure: unknown;
  let relationships = 0;
  let created = 0;
  let done = 0;
  const total = plan.rows.evidence + plan.rows.facts;
  const tick = ticker(options);
  const progress = () =>
    tick(
      'writing relationships',
      relationships,
      total,
      () => {
        const rate = Math.round(relationships / ((Date.now() - started) / 1000));
        const eta = rate > 0 ? Math.round((total - relationships) / rate) : 0;
        return (
          `unit ${done}/${plan.units}: ${relationships}/${total} relationships, ${rate}/s` +
          (done < plan.units ? `, about ${eta} s left` : '')
        );
      },
      done === plan.units,
    );
  const write = async (session: Session, unit: PreparedUnit) => {
    // Deadlocks between the writers (two units touching the same hub) are transient errors,
    // which executeWrite retries; every statement is an idempotent MERGE, so a retry is safe.
    await session.executeWrite(async (tx) => {
      let unitCreated = 0;
      for (const s of unit.statements) {
        const result = await tx.run(s.text, { rows: s.rows });
        unitCreated += result.summary.counters.updates().relationshipsCreated;
      }
      created += unitCreated;
    });
    relationships += unit.relationships;
    done++;
    progress();
  };
  const drain = async () => {
    await Promise.all(running);
    if (failure) throw failure;
  };
  try {
    let phase = 0;
    for (const unit of readUnits(plan.spool)) {
      const prepared = prepare(unit);
      if (prepared.phase !== phase) {
        await drain();
        phase = prepared.phase;
      }
      while (free.length === 0) await Promise.race(running);
      if (failure) throw failure;
      const session = free.pop()!;
      const task: Promise<void> = write(session, prepared)
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => {
          running.delete(task);
          free.push(session);
        });
      running.add(task);
    }
    await drain();
  } finally {
    await Promise.allSettled(running);
    await Promise.all(sessions.map((s) => s.close()));
  }

  if (deferred.length > 0) {
    say(`creating the ${deferred.length} deferred indexes again, waiting until they are online`);
    const indexing = Date.now();
    await ensureSchema(driver, database, cypher('bulk/await-indexes'));
    say(`indexes online in ${((Date.now() - indexing) / 1000).toFixed(1)} s`);
  }
  say(`settling the evidence count of ${plan.restated.length} facts stated more than once`);
  for (const type of RELATIONSHIP_TYPES) {
    const ids = plan.restated.filter((f) => f.type === type).map((f) => f.id);
    for (let i = 0; i < ids.length; i += UNIT_ROWS)
      await driver.executeQuery(
        cypherTemplate('bulk/recount-evidence', { type }),
        { ids: ids.slice(i, i + UNIT_ROWS) },
        { database },
      );
  }
  // Every unit reported success; check the graph holds it all before calling it loaded.
  const counts = await recordLoadedVersion(driver, database, plan, 'bulk load');
  return { millis: Date.now() - started, relationships, created, ...counts };
}

/**
 * Checks the graph holds at least the seed's distinct entities, facts and quotes, and only then
 * records the seed's version (what readiness and ensureSeeded read); returns the graph's counts.
 */
export async function recordLoadedVersion(
  driver: Driver,
  database: string | undefined,
  plan: Pick<BulkPlan, 'version' | 'distinct'>,
  what: string,
): Promise<{ labels: Record<string, number>; types: Record<string, number> }> {
  const counts = await countGraph(driver, database);
  const sum = (values: Record<string, number>, skip?: string) =>
    Object.entries(values).reduce((n, [k, v]) => (k === skip ? n : n + v), 0);
  const found = {
    entities: sum(counts.labels, 'Evidence'),
    facts: sum(counts.types),
    evidence: counts.labels.Evidence ?? 0,
  };
  for (const key of ['entities', 'facts', 'evidence'] as const) {
    if (found[key] < plan.distinct[key])
      throw new Error(
        `${what} incomplete: the graph holds ${found[key]} ${key}, the seed ${plan.distinct[key]}; the seed version was not recorded`,
      );
  }
  await driver.executeQuery(
    cypher('seed/write-meta'),
    {
      version: plan.version,
      entities: plan.distinct.entities,
      facts: plan.distinct.facts,
      evidence: plan.distinct.evidence,
    },
    { database },
  );
  return counts;
}

/** Runs a `CALL ... IN TRANSACTIONS` statement, which Neo4j takes only as an auto-commit one. */
export async function runInTransactions(
  driver: Driver,
  database: string | undefined,
  statement: string,
): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run(statement);
  } finally {
    await session.close();
  }
}

/** Validates the seed streaming, then writes it in batches (see the trade-off above). */
export async function bulkLoadSeeds(
  driver: Driver,
  options: BulkLoadOptions,
): Promise<BulkLoadSummary> {
  const started = Date.now();
  const say = options.onProgress ?? (() => {});
  say('pass 1: validating the seed (nothing is written unless all of it is valid)');
  const plan = validateBulk(options);
  try {
    say(
      `seed valid in ${(plan.millis / 1000).toFixed(1)} s: ${plan.distinct.entities} entities, ` +
        `${plan.distinct.facts} facts, ${plan.distinct.evidence} quotes; pass 2: writing ${plan.units} units`,
    );
    const written = await writeBulkPlan(driver, plan, options);
    const { labels, types } = written;
    const { cleanup: _cleanup, ...planInfo } = plan;
    return {
      version: plan.version,
      labels,
      types,
      millis: Date.now() - started,
      plan: planInfo,
      validateMillis: plan.millis,
      writeMillis: written.millis,
      relationships: written.relationships,
      relationshipsPerSecond: Math.round(written.relationships / (written.millis / 1000)),
      relationshipsCreated: written.created,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    plan.cleanup();
  }
}
