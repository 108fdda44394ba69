import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FACT_FIELDS } from '../../model/fact-fields.js';
import { ENDPOINTS, ENTITY_LABELS, RELATIONSHIP_TYPES } from '../../model/graph-model.js';
import { sendError } from '../http-pipeline.js';
import type { Route } from './route.js';

/**
 * The explorer page's own files: HTML, CSS and ES modules, served as they are. Found from this
 * module: src/explorer/public beside the sources, dist/explorer/public (copied by
 * `npm run build`) beside the built code.
 */
export const explorerDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../explorer/public',
);

const require = createRequire(import.meta.url);

/** Third-party browser code, served from node_modules: nothing is fetched from the internet. */
const VENDOR: Record<string, string> = {
  'cytoscape.min.js': require.resolve('cytoscape/dist/cytoscape.min.js'),
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/**
 * The page may load only its own origin's scripts and styles and talk only to its own origin
 * (the GraphQL API and /export); Cytoscape.js sets inline styles on its canvas container.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The graph model as the page needs it (labels, relationship types with their endpoints, the
 * relationship fields of each label), derived from the model and the SDL's @fact fields rather
 * than copied into the page's code.
 */
export function explorerModel() {
  return {
    labels: ENTITY_LABELS,
    relationshipTypes: RELATIONSHIP_TYPES.map((type) => ({
      type,
      endpoints: ENDPOINTS[type].map(([subject, object]) => ({ subject, object })),
    })),
    relationshipFields: [...FACT_FIELDS.values()].map((f) => ({
      name: f.name,
      type: f.type,
      direction: f.direction.toUpperCase(),
      parents: f.parents,
      single: f.single,
      asOf: f.temporal,
    })),
  };
}

/**
 * The explorer at /explore: /explore serves index.html, /explore/<file> the page's files and
 * /explore/vendor/<file> the libraries it uses. Only files that exist at start-up are served,
 * looked up by name, so no path reaches the file system.
 */
export function explorerRoute(): Route {
  const files = new Map<string, string>();
  for (const name of fs.readdirSync(explorerDir))
    files.set(`/explore/${name}`, path.join(explorerDir, name));
  for (const [name, file] of Object.entries(VENDOR)) files.set(`/explore/vendor/${name}`, file);
  const model = Buffer.from(JSON.stringify(explorerModel()));
  files.set('/explore', path.join(explorerDir, 'index.html'));
  files.set('/explore/', path.join(explorerDir, 'index.html'));
  return {
    name: 'explore',
    matches: (pathname) => pathname === '/explore' || pathname.startsWith('/explore/'),
    handle: async (req, res) => {
      const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      const file = pathname === '/explore/model.json' ? 'model.json' : files.get(pathname);
      if (!file) {
        sendError(res, 404, 'NOT_FOUND', `no such file: ${pathname.slice(0, 100)}`);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET.', { allow: 'GET' });
        return;
      }
      const body = file === 'model.json' ? model : await fs.promises.readFile(file);
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        'content-security-policy': CSP,
        'referrer-policy': 'no-referrer',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
  };
}
