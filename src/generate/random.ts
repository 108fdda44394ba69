/**
 * Deterministic randomness for the generator. Every entity draws from its own stream, seeded by
 * (seed, stream name, index), so any entity can be recomputed on demand from its index: the
 * generator never has to keep the graph in memory, and the same seed gives the same bytes on any
 * machine (32-bit integer arithmetic only; Math.log and Math.pow are deterministic in V8).
 */

/** 32-bit mix (murmur3 finalizer). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(text: string, h = 0x9e3779b9): number {
  for (let i = 0; i < text.length; i++) h = mix(h ^ text.charCodeAt(i)) + i;
  return mix(h);
}

/** A small fast generator (sfc32) with helpers. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: string, index: number) {
    const s = hashString(stream, mix(seed >>> 0));
    this.a = mix(s ^ 0x1b873593);
    this.b = mix(s + index);
    this.c = mix((index * 0x27d4eb2d) ^ s);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Picks by weight from [item, weight] pairs. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let u = this.next() * total;
    for (const [item, w] of items) {
      u -= w;
      if (u < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** A heavy-tailed count >= min: P(X >= k) ~ k^-alpha (discrete Pareto), capped. */
  pareto(min: number, alpha: number, cap: number): number {
    const u = 1 - this.next();
    return Math.min(cap, Math.floor(min * Math.pow(u, -1 / alpha)));
  }
}

/**
 * Samples ranks 0..n-1 with probability proportional to 1/(rank+1)^s: a few hubs take a large
 * share, the long tail a little each (the participation skew of real diplomatic news).
 */
export class Zipf {
  private readonly cdf: Float64Array;

  constructor(
    readonly n: number,
    s: number,
  ) {
    this.cdf = new Float64Array(n);
    let total = 0;
    for (let k = 0; k < n; k++) {
      total += 1 / Math.pow(k + 1, s);
      this.cdf[k] = total;
    }
    for (let k = 0; k < n; k++) this.cdf[k]! /= total;
  }

  sample(rng: Rng): number {
    const u = rng.next();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
