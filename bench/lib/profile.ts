import neo4j, { type Driver } from 'neo4j-driver';
import type { Request, System } from './queries.js';
import type { RunningServer } from './servers.js';

/**
 * Where the time goes: one request per query and system, the statements the server sent (read
 * back from a capturing server, see BENCH_CAPTURE in bench/servers/common.ts) run again under
 * Cypher PROFILE, their database hits and rows summed. A system that needs more db hits, or more
 * statements, for the same answer shows it here.
 */

export interface Profile {
  query: string;
  system: System;
  statements: number;
  dbHits: number;
  /** Rows all operators produced (a measure of intermediate work). */
  rows: number;
  /** Sum of the PROFILE runs' wall times (the server's own overhead not included). */
  millis: number;
}

interface PlanNode {
  dbHits: number;
  rows: number;
  children: PlanNode[];
}

function totals(plan: PlanNode): { dbHits: number; rows: number } {
  return plan.children.reduce(
    (acc, child) => {
      const t = totals(child);
      return { dbHits: acc.dbHits + t.dbHits, rows: acc.rows + t.rows };
    },
    { dbHits: plan.dbHits, rows: plan.rows },
  );
}

/** JSON has no Neo4j integers or dates: turn their {low, high} / {year, month, day} back. */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort().join(',');
    const v = value as Record<string, unknown>;
    if (keys === 'high,low') return neo4j.int(Number(v.high) * 2 ** 32 + (Number(v.low) >>> 0));
    if (keys === 'day,month,year')
      return new neo4j.types.Date(
        Number(revive(v.year)),
        Number(revive(v.month)),
        Number(revive(v.day)),
      );
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
  }
  return value;
}

export async function profileRequest(
  driver: Driver,
  server: RunningServer,
  query: string,
  request: Request,
): Promise<Profile> {
  await fetch(server.url + request.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: request.body,
  }).then((r) => r.text());
  const statements = (await (await fetch(`${server.url}/bench-statements`)).json()) as {
    text: string;
    params: unknown;
  }[];
  let dbHits = 0;
  let rows = 0;
  let millis = 0;
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    for (const s of statements) {
      const started = performance.now();
      const result = await session.run(
        `PROFILE ${s.text}`,
        revive(s.params) as Record<string, unknown>,
      );
      millis += performance.now() - started;
      const t = totals(result.summary.profile as unknown as PlanNode);
      dbHits += t.dbHits;
      rows += t.rows;
    }
  } finally {
    await session.close();
  }
  return { query, system: server.system, statements: statements.length, dbHits, rows, millis };
}
