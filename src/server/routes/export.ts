import type http from 'node:http';
import type { Driver } from 'neo4j-driver';
import { Db } from '../../read/db.js';
import {
  BadInputError,
  DatabaseUnavailableError,
  NotFoundError,
  QueryTimeoutError,
} from '../../read/errors.js';
import { ExploreData } from '../../explore/explore-data.js';
import {
  exportFileName,
  exportFormat,
  exportGraph,
  parseExportOptions,
  parseViewRequest,
  type ExportRequest,
} from '../../explore/export.js';
import { EXPORT_FORMATS, isExportFormat } from '../../explore/formats.js';
import { readBody } from '../body.js';
import { sendError } from '../http-pipeline.js';
import type { Logger } from '../logger.js';
import type { Route } from './route.js';

export interface ExportRouteDeps {
  driver: Driver;
  database: string | undefined;
  /** Per-read timeout, as for GraphQL reads. */
  timeoutMs: number;
  /** Largest JSON body of a POST (the explorer's view). */
  maxBodyBytes: number;
  logger: Logger;
}

/**
 * Over HTTP the whole graph stops here (the answer says so, x-graph-truncated: true); the CLI
 * (npm run export) writes graphs of any size.
 */
export const HTTP_WHOLE_GRAPH_MAX_NODES = 20_000;

const PREFIX = '/export/';

/**
 * Sub-graphs in the formats visualizers import (src/explore/formats.ts):
 *
 *   GET  /export/<format>?around=<id>&depth=2&types=CHAIRED,PARTICIPATED_IN&limit=100  a neighbourhood
 *   GET  /export/<format>                                                              the whole graph
 *   GET  /export/gexf?version=1.2                                                      GEXF 1.2 (networkx)
 *   POST /export/<format>  {"ids": [...], "relationshipTypes": [...], "dateFrom": "2021"}  those entities
 *
 * <format> is json (graphology), cytoscape, graphml or gexf. Arguments and bounds are those of
 * the GraphQL fields neighborhood and subgraph; errors are answered as GraphQL-shaped JSON with
 * the same codes (BAD_USER_INPUT 400, NOT_FOUND 404, QUERY_TIMEOUT 504, SERVICE_UNAVAILABLE 503).
 */
export function exportRoute(deps: ExportRouteDeps): Route {
  return {
    name: 'export',
    matches: (pathname) => pathname.startsWith(PREFIX),
    handle: async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      try {
        if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
          sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET or POST.', { allow: 'GET, POST' });
          return;
        }
        const request = await readRequest(req, url, deps.maxBodyBytes);
        if (!request) {
          sendError(res, 413, 'PAYLOAD_TOO_LARGE', 'The body is too large.', {
            connection: 'close',
          });
          return;
        }
        const requestId = String(req.headers['x-request-id'] ?? '');
        const db = new Db(deps.driver, {
          database: deps.database,
          timeoutMs: deps.timeoutMs,
          requestId,
        });
        const graph = await exportGraph(
          new ExploreData(db),
          request.scope,
          HTTP_WHOLE_GRAPH_MAX_NODES,
        );
        const format = EXPORT_FORMATS[request.format];
        res.writeHead(200, {
          'content-type': format.contentType,
          'content-disposition': `attachment; filename="${exportFileName(request)}"`,
          'x-graph-truncated': String(graph.truncated),
          'x-cypher-round-trips': String(db.roundTrips),
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : format.write(graph, request));
      } catch (error) {
        sendFailure(res, error, deps.logger);
      }
    },
  };
}

async function readRequest(
  req: http.IncomingMessage,
  url: URL,
  maxBodyBytes: number,
): Promise<ExportRequest | undefined> {
  const name = url.pathname.slice(PREFIX.length);
  if (!isExportFormat(name)) {
    throw new NotFoundError(
      `no export format "${name.slice(0, 40)}": use ${Object.keys(EXPORT_FORMATS).join(', ')}`,
    );
  }
  const format = exportFormat(name);
  if (req.method === 'POST') {
    const body = await readBody(req, maxBodyBytes);
    if (!body.ok) {
      if (body.status === 413) return undefined;
      throw new BadInputError(body.message);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.text);
    } catch {
      throw new BadInputError('the body is not JSON');
    }
    return parseViewRequest(format, parsed, url.searchParams.get('version') ?? undefined);
  }
  const query = url.searchParams;
  const one = (name: string) => query.get(name) ?? undefined;
  return parseExportOptions({
    format,
    version: one('version'),
    around: one('around'),
    depth: one('depth'),
    limit: one('limit'),
    perNodeLimit: one('perNodeLimit'),
    types: query.getAll('types'),
    nodeTypes: query.getAll('nodeTypes'),
    dateFrom: one('dateFrom'),
    dateTo: one('dateTo'),
  });
}

/** The data layer's errors as the API's codes; anything else is the pipeline's 500. */
function sendFailure(res: http.ServerResponse, error: unknown, logger: Logger): void {
  if (error instanceof BadInputError) {
    sendError(res, 400, 'BAD_USER_INPUT', error.message);
  } else if (error instanceof NotFoundError) {
    sendError(res, 404, 'NOT_FOUND', error.message);
  } else if (error instanceof QueryTimeoutError) {
    logger.warn({ err: error }, 'export timed out');
    sendError(res, 504, 'QUERY_TIMEOUT', 'The export took longer than the server allows.');
  } else if (error instanceof DatabaseUnavailableError) {
    logger.error({ err: error }, 'database unavailable');
    sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The database is not available; try again.');
  } else {
    throw error;
  }
}
