import { createRequire } from 'node:module';
import type { Request } from './queries.js';

/**
 * autocannon (pinned in package.json) at a fixed concurrency for a fixed duration, cycling
 * through the requests given. A response counts as an error when it is not 2xx, times out, or is
 * a GraphQL answer with "errors" (autocannon's body mismatches).
 */

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  duration: number;
}

type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: AutocannonResult) => void,
) => unknown;

// autocannon ships no types; its options and result are described above as far as used here.
const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as Autocannon;

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  seconds: number;
}

export function runLoad(
  url: string,
  requests: Request[],
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        // A request still unanswered when the window closes would be neither a response nor an
        // error: time it out at the window's length, so it counts as an error.
        timeout: seconds,
        requests: requests.map((r) => ({
          method: 'POST',
          path: r.path,
          headers: { 'content-type': 'application/json' },
          body: r.body,
        })),
        verifyBody: (body: string) => !body.includes('"errors"'),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requestsPerSecond: result.requests.average,
          requests: result.requests.total,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
          seconds: result.duration,
        });
      },
    );
  });
}

/**
 * One cell's figures from the slices it was measured in (see --rounds in bench/run.ts):
 * requests/s over all of them; autocannon gives percentiles, not histograms, so p50 is the
 * median of the slices' and p99 the highest (never better than a slice measured).
 */
export function combineSlices(loads: readonly LoadResult[]): LoadResult {
  if (loads.length === 1) return loads[0]!;
  const requests = loads.reduce((sum, l) => sum + l.requests, 0);
  const seconds = loads.reduce((sum, l) => sum + l.seconds, 0);
  const p50s = loads.map((l) => l.p50Ms).sort((a, b) => a - b);
  return {
    requestsPerSecond: seconds > 0 ? requests / seconds : 0,
    requests,
    p50Ms: p50s[Math.floor((p50s.length - 1) / 2)]!,
    p99Ms: Math.max(...loads.map((l) => l.p99Ms)),
    errors: loads.reduce((sum, l) => sum + l.errors, 0),
    seconds,
  };
}
