import type { Driver } from 'neo4j-driver';

/**
 * Lets the first run of a statement text go alone; concurrent runs of the same text wait for it.
 *
 * Neo4j plans a statement text the first time it sees it, and does not share that work between
 * concurrent arrivals: 16 requests of one new shape plan it 16 times over. Measured on the
 * scale-1 benchmark graph (2 cores) with the q1 statement: 130–245 ms to plan it alone, 1.5–1.9 s
 * for each of 16 planning it at once, long enough for the first requests after a restart to hit
 * their timeout. Waiting for the one plan and then running from Neo4j's plan cache is faster for
 * every request of the herd. Nothing of a result is shared: each request runs its own statement.
 */
export class PlanGate {
  /** A text's first run while it runs; `true` once one has succeeded (Neo4j holds its plan). */
  readonly #texts = new Map<string, Promise<unknown> | true>();

  constructor(private readonly capacity = 2000) {}

  async run<T>(text: string, run: () => Promise<T>): Promise<T> {
    for (;;) {
      const state = this.#texts.get(text);
      if (state === true) return run();
      if (state === undefined) break;
      // Its outcome is the first run's requester's to report; here only its end matters.
      await state.catch(() => undefined);
    }
    // Past the capacity (many distinct shapes), start over: at worst a few texts wait once more.
    if (this.#texts.size >= this.capacity) this.#texts.clear();
    const first = run();
    this.#texts.set(text, first);
    first.then(
      () => this.#texts.set(text, true),
      // A failed first run planned nothing for sure: the next arrival goes first.
      () => this.#texts.delete(text),
    );
    return first;
  }

  /** After Neo4j was away: a restarted Neo4j has lost its plans. */
  forget(): void {
    this.#texts.clear();
  }
}

const gates = new WeakMap<Driver, PlanGate>();

/** One gate per driver, shared by every request's Db. */
export function planGateOf(driver: Driver): PlanGate {
  let gate = gates.get(driver);
  if (!gate) gates.set(driver, (gate = new PlanGate()));
  return gate;
}
