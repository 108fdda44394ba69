import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, type OperationDefinitionNode } from 'graphql';
import { loadExamples } from '../graphql/playground.js';
import { explorerDir } from './routes/explore.js';
import type { Logger } from './logger.js';

/**
 * Warm start: before the server says it is ready (and again after Neo4j comes back from a
 * restart), it runs what users ask first — every example operation and every operation of the
 * explorer page — through the same GraphQL endpoint users call. Whatever Cypher the server sends
 * for them is then planned and cached by Neo4j, and their pages are in its page cache, so no user
 * pays for that. Values come from the examples' own defaults and, for the explorer's operations,
 * from the graph (a sample entity and what surrounds it).
 */

/** One GraphQL request as a client sends it. */
export interface WarmUpRequest {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** What the endpoint answered: data, or errors with their codes. */
export interface WarmUpAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export interface WarmUpOperation {
  /** The example's file, or the explorer operation's name. */
  name: string;
  ms: number;
  /** The error codes it answered with; empty when it ran clean. */
  codes: string[];
}

export interface WarmUpReport {
  ms: number;
  operations: WarmUpOperation[];
  /** Operations not run: the time bound passed first, or no values could be found for them. */
  skipped: string[];
  timedOut: boolean;
}

/** The explorer page's operations: the GraphQL documents its api.js exports. */
export async function loadExplorerOperations(): Promise<Map<string, string>> {
  const api = (await import(pathToFileURL(path.join(explorerDir, 'api.js')).href)) as Record<
    string,
    unknown
  >;
  const operations = new Map<string, string>();
  for (const value of Object.values(api)) {
    if (typeof value !== 'string') continue;
    const operation = parse(value).definitions.find(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
    );
    if (operation?.name) operations.set(operation.name.value, value);
  }
  return operations;
}

/** A meeting and what surrounds it, read through the API: values for the explorer's operations. */
interface Sample {
  id: string;
  name: string;
  neighbours: string[];
  facts: string[];
}

/** The part of an explorer answer that names entities (nodes) and facts (edges). */
interface Neighborhood {
  nodes?: Array<{ id: string }>;
  edges?: Array<{ id: string }>;
}

const SAMPLE = `query WarmUpSample {
  meetings(first: 1) { edges { node { id name } } }
}`;

/**
 * The variables each explorer operation gets, from the sample, as the page would send them
 * (a search for the entity's name, then expanding it at each depth the page offers, viewing and
 * opening it and one of its facts); one run per set. A test checks that every operation of
 * api.js is here.
 */
export const EXPLORER_VARIABLES: Record<string, (s: Sample) => Array<Record<string, unknown>>> = {
  Search: (s) => [{ text: s.name }],
  Expand: (s) => [1, 2, 3].map((depth) => ({ id: s.id, depth })),
  View: (s) => [{ ids: [s.id, ...s.neighbours] }],
  Panel: (s) => [{ id: s.id }],
  Fact: (s) => (s.facts[0] === undefined ? [] : [{ id: s.facts[0] }]),
};

export interface WarmUpOptions {
  /** Runs one request through the server's GraphQL endpoint. */
  execute: (request: WarmUpRequest) => Promise<WarmUpAnswer>;
  /** Past this, no further operation starts (those running finish in the background). */
  timeBoundMs: number;
  logger: Logger;
}

export async function warmUp(options: WarmUpOptions): Promise<WarmUpReport> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const operations: WarmUpOperation[] = [];
  const skipped: string[] = [];
  let timedOut = false;

  const run = async (name: string, request: WarmUpRequest): Promise<WarmUpAnswer | undefined> => {
    const left = options.timeBoundMs - elapsed();
    if (left <= 0) {
      timedOut = true;
      skipped.push(name);
      return undefined;
    }
    const at = performance.now();
    const request$ = options.execute(request).catch((error: unknown): WarmUpAnswer => {
      options.logger.warn({ err: error, operation: name }, 'warm-up request failed');
      return { errors: [{ message: String(error), extensions: { code: 'WARM_UP_FAILED' } }] };
    });
    // The bound holds even for a request that hangs: it goes on in the background, unwaited.
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'bound'>((resolve) => {
      timer = setTimeout(() => resolve('bound'), left);
    });
    const answer = await Promise.race([request$, bound]).finally(() => clearTimeout(timer));
    if (answer === 'bound') {
      timedOut = true;
      skipped.push(name);
      return undefined;
    }
    const codes = (answer.errors ?? []).map((e) => e.extensions?.code ?? 'UNKNOWN');
    operations.push({ name, ms: Math.round(performance.now() - at), codes });
    return answer;
  };

  for (const example of loadExamples()) await run(example.file, { query: example.query });

  const explorer = await loadExplorerOperations();
  const sample = await readSample(run);
  for (const [name, query] of explorer) {
    const sets = sample ? (EXPLORER_VARIABLES[name]?.(sample) ?? []) : [];
    if (sets.length === 0) skipped.push(name);
    for (const [i, variables] of sets.entries()) {
      const label = sets.length > 1 ? `${name}/${i + 1}` : name;
      const answer = await run(label, { query, operationName: name, variables });
      const neighborhood = (answer?.data as { neighborhood?: Neighborhood } | undefined)
        ?.neighborhood;
      // What expanding and opening the entity shows is what the page lets a person open next.
      if (sample && neighborhood?.nodes)
        sample.neighbours = neighborhood.nodes.map((n) => n.id).filter((id) => id !== sample.id);
      if (sample && neighborhood?.edges) sample.facts = neighborhood.edges.map((e) => e.id);
    }
  }

  const report = { ms: Math.round(elapsed()), operations, skipped, timedOut };
  const failed = operations.filter((o) => o.codes.length > 0);
  options.logger[failed.length > 0 || timedOut ? 'warn' : 'info'](
    {
      ms: report.ms,
      warmed: operations.map((o) => `${o.name} ${o.ms} ms${o.codes.length ? ` (${o.codes})` : ''}`),
      skipped,
      timeBoundMs: options.timeBoundMs,
    },
    timedOut
      ? `warm-up stopped at its time bound after ${operations.length} operations`
      : `warmed ${operations.length} operations in ${report.ms} ms`,
  );
  return report;
}

type Run = (name: string, request: WarmUpRequest) => Promise<WarmUpAnswer | undefined>;

async function readSample(run: Run): Promise<Sample | undefined> {
  const answer = await run('WarmUpSample', { query: SAMPLE });
  const meeting = (
    answer?.data as { meetings?: { edges: Array<{ node: { id: string; name: string } }> } }
  )?.meetings?.edges[0]?.node;
  if (!meeting) return undefined;
  return { id: meeting.id, name: meeting.name, neighbours: [], facts: [] };
}
