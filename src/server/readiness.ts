import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../db/cypher.js';
import type { Logger } from './logger.js';

export interface ReadinessReport {
  ready: boolean;
  /** Whether Neo4j answered the check. */
  neo4j: 'up' | 'down';
  /** The seed graph version the database holds (GraphMeta), null when none is loaded. */
  seedVersion: string | null;
  /** Why not ready, for people; absent when ready. */
  reason?: string;
}

export interface ReadinessOptions {
  database: string | undefined;
  /** The seed version the server expects (set by `npm start` after it loads the seed). */
  expectedVersion?: string;
  /** The check's own bound: a readiness probe must answer even when Neo4j hangs. */
  timeoutMs?: number;
  /** Answers within this long of the last check reuse it, so probe storms cost one query. */
  cacheMs?: number;
  /** Told when readiness changes, with the driver's reason (which clients do not see). */
  logger?: Logger;
  /**
   * Run once Neo4j answers with the right seed graph, and again each time it comes back after
   * being unreachable (a restarted Neo4j has lost its query plans and page cache); the server
   * is not ready until it has finished. See warm-up.ts.
   */
  warmUp?: () => Promise<unknown>;
}

/**
 * Readiness: Neo4j answers and holds the seed graph (the expected version when one is given),
 * and the warm-up, when there is one, has run since Neo4j was last seen reachable. A plain
 * auto-commit read: transaction functions would retry for up to 30 s while Neo4j is away, and
 * the probe must say "not ready" at once.
 */
export class Readiness {
  #last: { at: number; report: Promise<ReadinessReport> } | undefined;
  #wasReady: boolean | undefined;
  #warm: 'cold' | 'warming' | 'warm' = 'cold';
  /** Counts the times Neo4j was seen unreachable: a warm-up begun before one is stale. */
  #outages = 0;

  constructor(
    private readonly driver: Driver,
    private readonly options: ReadinessOptions,
  ) {}

  check(): Promise<ReadinessReport> {
    const now = Date.now();
    if (this.#last && now - this.#last.at < (this.options.cacheMs ?? 1000))
      return this.#last.report;
    const report = this.#probe().then((probed) => {
      const r = this.#afterWarmUp(probed);
      if (r.ready !== this.#wasReady) {
        this.#wasReady = r.ready;
        if (r.ready) this.options.logger?.info({ seedVersion: r.seedVersion }, 'ready');
        else this.options.logger?.warn({ reason: r.reason }, 'not ready');
      }
      return r;
    });
    this.#last = { at: now, report };
    return report;
  }

  /** Checks every `everyMs` in the background, so a Neo4j restart is noticed (and warmed up
   * after) even when nobody asks /ready. Returns the function that stops it. */
  watch(everyMs: number): () => void {
    const timer = setInterval(() => void this.check(), everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** The probe's report, held back (and the warm-up started) until the warm-up has run. */
  #afterWarmUp(report: ReadinessReport): ReadinessReport {
    const warmUp = this.options.warmUp;
    if (!warmUp) return report;
    if (report.neo4j === 'down') {
      if (this.#warm !== 'cold') this.#outages += 1;
      this.#warm = 'cold';
      return report;
    }
    if (!report.ready || this.#warm === 'warm') return report;
    if (this.#warm === 'cold') {
      this.#warm = 'warming';
      const outages = this.#outages;
      void warmUp()
        .catch((error: unknown) => this.options.logger?.warn({ err: error }, 'warm-up failed'))
        .finally(() => {
          if (outages !== this.#outages) return;
          this.#warm = 'warm';
          // The next check probes again instead of repeating "warming up".
          this.#last = undefined;
        });
    }
    return {
      ...report,
      ready: false,
      reason: 'warming up: running the example and explorer operations once',
    };
  }

  async #probe(): Promise<ReadinessReport> {
    const timeoutMs = this.options.timeoutMs ?? 2000;
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.READ,
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      const query = session.run(cypher('seed/read-meta'), {}, { timeout: timeoutMs });
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Neo4j did not answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      const result = await Promise.race([query, timeout]);
      const seedVersion = (result.records[0]?.get('version') as string | null) ?? null;
      const expected = this.options.expectedVersion;
      if (seedVersion === null) {
        return { ready: false, neo4j: 'up', seedVersion, reason: 'no seed graph is loaded' };
      }
      if (expected !== undefined && seedVersion !== expected) {
        return {
          ready: false,
          neo4j: 'up',
          seedVersion,
          reason: `the database holds seed graph ${seedVersion}, not ${expected}`,
        };
      }
      return { ready: true, neo4j: 'up', seedVersion };
    } catch (error) {
      // The driver's words (addresses, codes) go to the log only, once per outage.
      if (this.#wasReady !== false) this.options.logger?.warn({ err: error }, 'Neo4j check failed');
      return { ready: false, neo4j: 'down', seedVersion: null, reason: 'Neo4j is not reachable' };
    } finally {
      clearTimeout(timer);
      // Closing waits for the query; after a timeout, let it finish in the background.
      void session.close().catch(() => {});
    }
  }
}
