import fs from 'node:fs';
import type http from 'node:http';
import { cypher } from '../../src/db/cypher.js';
import { countingDriver, portArgs, serve } from './common.js';

/**
 * (c) The hand-written Cypher of each query (cypher/bench/q*.cypher), one statement per request
 * through neo4j-driver, its records sent back as JSON: the practical limit of any layer on top.
 * POST /q/<name> with the parameters as the JSON body.
 */
const { neo4jPort, port } = portArgs();
const driver = countingDriver(neo4jPort);
const QUERY_TIMEOUT_MS = 5000;

async function body(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

const known = new Set(
  fs
    .readdirSync(new URL('../../cypher/bench', import.meta.url))
    .filter((f) => /^q\d.*\.cypher$/.test(f))
    .map((f) => f.replace(/\.cypher$/, '')),
);

serve((req, res) => {
  const name = /^\/q\/([a-z0-9-]+)$/.exec(req.url ?? '')?.[1];
  if (req.method !== 'POST' || !name || !known.has(name)) {
    res.writeHead(404);
    res.end();
    return;
  }
  body(req)
    .then((params) =>
      driver.executeQuery(cypher(`bench/${name}`), params, {
        routing: 'READ',
        transactionConfig: { timeout: QUERY_TIMEOUT_MS },
      }),
    )
    .then(({ records }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: records.map((r) => r.toObject()) }));
    })
    .catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
    });
}, port);
