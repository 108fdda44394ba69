import type http from 'node:http';
import type { Logger } from './logger.js';
import type { ServerMetrics } from './metrics.js';
import { requestIdFrom, requestScope } from './request-context.js';
import type { RequestTracker } from './shutdown.js';

/** Serves one request; the pipeline has already given it an id, a log scope and a count. */
export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

/** The pipeline's own handler also gets the request's path. */
type PathHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
) => unknown;

export interface PipelineParts {
  logger: Logger;
  metrics: ServerMetrics;
  tracker: RequestTracker;
  /** Names the route for metrics and logs (a fixed set, never the raw path). */
  route: (pathname: string) => string;
  handle: PathHandler;
}

/** Routes polled by orchestrators and scrapers: logged at debug, not info. */
const PROBES = new Set(['health', 'ready', 'metrics']);

/** A GraphQL-shaped error response for rejections made before GraphQL runs. */
export function sendError(
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * What every request goes through, whatever its route: a request id (the caller's
 * x-request-id when well-formed, echoed back), a log scope carrying it, the in-flight count
 * that graceful shutdown waits on, a 503 once shutdown has begun, one log line and one metric
 * when it ends, and a 500 rather than a crash when a handler throws.
 */
export function createPipeline(parts: PipelineParts): http.RequestListener {
  const { logger, metrics, tracker } = parts;
  return (req, res) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    // Yoga reads the id from the header (src/graphql/plugins.ts); now it is always a good one.
    req.headers['x-request-id'] = requestId;
    res.setHeader('x-request-id', requestId);
    const pathname = safePathname(req.url);
    const route = parts.route(pathname);
    const started = performance.now();
    tracker.track(res);
    metrics.inFlight.inc();
    res.once('close', () => {
      metrics.inFlight.dec();
      const status = res.writableFinished ? res.statusCode : 499;
      metrics.httpRequests.inc({ route, method: methodLabel(req.method), status: String(status) });
      requestScope.run({ requestId }, () => {
        const line = {
          method: req.method,
          path: pathname.slice(0, 200),
          route,
          status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        };
        if (PROBES.has(route) && status < 500) logger.debug(line, 'request');
        else logger.info(line, 'request');
      });
    });
    requestScope.run({ requestId }, () => {
      if (tracker.draining) {
        res.setHeader('connection', 'close');
        sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The server is shutting down; retry.', {
          'retry-after': '1',
        });
        metrics.graphqlErrors.inc({ code: 'SERVICE_UNAVAILABLE' });
        return;
      }
      Promise.resolve()
        .then(() => parts.handle(req, res, pathname))
        .catch((error: unknown) => {
          logger.error({ err: error }, 'request handler failed');
          sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
        });
    });
  };
}

function safePathname(url: string | undefined): string {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return '/';
  }
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);

function methodLabel(method: string | undefined): string {
  return method && METHODS.has(method) ? method : 'OTHER';
}
