import type http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from './logger.js';

/**
 * Counts the requests being served and refuses new ones once shutdown begins, so that a load
 * balancer sees 503 (and `connection: close`) and goes elsewhere while the rest drain.
 */
export class RequestTracker {
  #inFlight = 0;
  #draining = false;
  #idle: Array<() => void> = [];

  get inFlight(): number {
    return this.#inFlight;
  }

  get draining(): boolean {
    return this.#draining;
  }

  /** Counts the request until its response is finished or its connection closes. */
  track(res: http.ServerResponse): void {
    this.#inFlight += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.#inFlight -= 1;
      if (this.#inFlight === 0) for (const wake of this.#idle.splice(0)) wake();
    };
    res.once('finish', finish);
    res.once('close', finish);
  }

  drain(): void {
    this.#draining = true;
  }

  /** Resolves true once nothing is in flight, false when the deadline comes first. */
  async idle(timeoutMs: number): Promise<boolean> {
    if (this.#inFlight === 0) return true;
    const idle = new Promise<true>((resolve) => this.#idle.push(() => resolve(true)));
    const deadline = sleep(timeoutMs, false as const, { ref: false });
    return Promise.race([idle, deadline]);
  }
}

export interface ShutdownParts {
  server: http.Server;
  tracker: RequestTracker;
  /** Run once nothing is in flight (or the deadline passed): close the driver, stop Neo4j ... */
  closeResources: () => Promise<void>;
  timeoutMs: number;
  logger: Logger;
  /** Called first, e.g. to turn /ready false. */
  onDrain?: () => void;
}

/**
 * Graceful shutdown: stop accepting connections, refuse new requests on open keep-alive ones,
 * let the in-flight requests finish (up to timeoutMs), then cut what is left and close the
 * resources. Calling it again returns the same promise.
 */
export function gracefulShutdown(parts: ShutdownParts): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= (async () => {
      const { server, tracker, logger } = parts;
      const started = Date.now();
      parts.onDrain?.();
      tracker.drain();
      logger.info({ inFlight: tracker.inFlight }, 'shutting down: draining requests');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drained = await tracker.idle(parts.timeoutMs);
      if (!drained) {
        logger.warn(
          { inFlight: tracker.inFlight, timeoutMs: parts.timeoutMs },
          'shutdown deadline passed: closing the remaining connections',
        );
      }
      server.closeAllConnections();
      await closed;
      await parts.closeResources();
      logger.info({ ms: Date.now() - started, drained }, 'shut down');
    })();
    return running;
  };
}
