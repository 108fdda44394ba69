import fs from 'node:fs';
import http from 'node:http';
import type { Driver } from 'neo4j-driver';
import { localConnection } from '../../src/config/env.js';
import { createDriver } from '../../src/db/driver.js';

/**
 * What the three benchmarked servers share: the same driver settings (src/db/driver.ts), a count
 * of the Cypher statements each sends (every session.run, transaction run and executeQuery, so
 * the count does not depend on how a library reaches the database), and GET /bench-stats, which
 * reports that count, the requests served and the process's peak RSS.
 */

// The servers run from source through tsx, which turns on source maps for stack traces; deployed
// code (npm run build, node dist/...) runs without them. Off here for all three servers: the
// driver formats a stack for every statement it runs, and source maps make that dear.
process.setSourceMapsEnabled(false);

export interface ServerStats {
  requests: number;
  cypher: number;
  peakRssMb: number;
}

export const stats = { requests: 0, cypher: 0 };

/**
 * With BENCH_CAPTURE=1, the statements of the latest request (text and parameters), so the runner
 * can PROFILE exactly what a server sent (bench/lib/profile.ts). Requests must then come one at a
 * time; the measured runs do not set it.
 */
const capture = process.env.BENCH_CAPTURE === '1';
let captured: { text: string; params: unknown }[] = [];
const record = (args: unknown[]) => {
  stats.cypher++;
  if (capture) captured.push({ text: String(args[0]), params: args[1] ?? {} });
};

type AnyFn = (...args: unknown[]) => unknown;

function countRuns<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (key === 'run') {
        return (...args: unknown[]) => {
          record(args);
          return (value as AnyFn).apply(object, args);
        };
      }
      if (key === 'executeRead' || key === 'executeWrite' || key === 'beginTransaction') {
        return (...args: unknown[]) => {
          if (key === 'beginTransaction')
            return countRuns((value as AnyFn).apply(object, args) as object);
          const [work, ...rest] = args as [AnyFn, ...unknown[]];
          return (value as AnyFn).apply(object, [(tx: object) => work(countRuns(tx)), ...rest]);
        };
      }
      return (value as AnyFn).bind(object);
    },
  });
}

/** A driver to the benchmark's Neo4j whose statements are counted. */
export function countingDriver(port: number): Driver {
  const driver = createDriver(localConnection(port));
  return new Proxy(driver, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver) as unknown;
      if (key === 'session')
        return (...args: unknown[]) => countRuns((value as AnyFn).apply(object, args) as object);
      if (key === 'executeQuery')
        return (...args: unknown[]) => {
          record(args);
          return (value as AnyFn).apply(object, args);
        };
      return typeof value === 'function' ? (value as AnyFn).bind(object) : value;
    },
  });
}

/** Peak resident memory of this process (Linux VmHWM; maxRSS elsewhere), in MB. */
export function peakRssMb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Math.round(Number(hwm[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * Wraps a server's handler: counts requests, answers /bench-stats, and /bench-reset-peak (which
 * resets the kernel's peak RSS, so each query's peak can be read on its own; Linux only).
 */
export function withBenchRoutes(handler: http.RequestListener): http.RequestListener {
  return (req, res) => {
    if (req.url === '/bench-stats') {
      const body: ServerStats = { ...stats, peakRssMb: peakRssMb() };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
      return;
    }
    if (req.url === '/bench-statements') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(captured));
      return;
    }
    if (req.url === '/bench-reset-peak') {
      try {
        fs.writeFileSync('/proc/self/clear_refs', '5');
      } catch {
        // the peak then covers the whole run
      }
      res.writeHead(204);
      res.end();
      return;
    }
    stats.requests++;
    captured = [];
    handler(req, res);
  };
}

/** Starts listening on 127.0.0.1 and tells the parent the port on stdout. */
export function serve(handler: http.RequestListener, port: number): http.Server {
  const server = http.createServer(withBenchRoutes(handler));
  server.keepAliveTimeout = 60_000;
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    console.log(`ready ${typeof address === 'object' && address ? address.port : port}`);
  });
  return server;
}

export function portArgs(): { neo4jPort: number; port: number } {
  const [neo4jPort, port] = process.argv.slice(2).map(Number);
  if (!neo4jPort) throw new Error('usage: <server>.ts <neo4j-port> [http-port]');
  return { neo4jPort, port: port ?? 0 };
}
