import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { GraphiQLOptions } from 'graphql-yoga';
import { sendError } from '../http-pipeline.js';
import type { Route } from './route.js';

/**
 * The GraphQL playground (GraphiQL 5 with the query-builder plugin, as @graphql-yoga/render-graphiql
 * ships it) served from node_modules: yoga's own page loads GraphiQL from a public CDN, which
 * fails offline and lets a third party run code in the page. The page at /graphql (GET, HTML)
 * loads its script, stylesheet and Monaco editor workers from /graphiql/<file> on this server.
 */
export const PLAYGROUND_ASSETS = '/graphiql';

interface Asset {
  body: Buffer;
  /** The same, gzipped once (9 MB of text travels as about 2.5 MB). */
  gzipped: Buffer;
  contentType: string;
  etag: string;
}

/** Asset file name → export of @graphql-yoga/render-graphiql/graphiql that holds its text. */
const ASSET_EXPORTS = {
  'graphiql.js': 'js',
  'graphiql.css': 'css',
  'editor.worker.js': 'editorWorkerService',
  'json.worker.js': 'jsonWorker',
  'graphql.worker.js': 'graphqlWorker',
} as const;

/** Monaco asks for a worker by label; each label's file among the assets. */
const WORKER_FILES = {
  editorWorkerService: 'editor.worker.js',
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
};

const gzip = promisify(zlib.gzip);

let assets: Promise<Map<string, Asset>> | undefined;

/**
 * The assets, read on first use: they are 9 MB of text, so a server without the playground
 * (production) never holds them.
 */
function loadAssets(): Promise<Map<string, Asset>> {
  assets ??= import('@graphql-yoga/render-graphiql/graphiql').then(async (bundle) => {
    const files = new Map<string, Asset>();
    for (const [file, name] of Object.entries(ASSET_EXPORTS)) {
      const body = Buffer.from(bundle[name], 'utf8');
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      const contentType = file.endsWith('.css')
        ? 'text/css; charset=utf-8'
        : 'text/javascript; charset=utf-8';
      files.set(`${PLAYGROUND_ASSETS}/${file}`, {
        body,
        gzipped: await gzip(body),
        contentType,
        etag,
      });
    }
    return files;
  });
  return assets;
}

/** JSON that can sit inside a <script> element whatever the strings in it (examples, title). */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028');

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The playground page, for yoga's renderGraphiQL: the options yoga passes become GraphiQL's. */
export function renderPlaygroundPage(options: GraphiQLOptions): string {
  const title = escapeHtml(typeof options.title === 'string' ? options.title : 'GraphiQL');
  const workers = Object.fromEntries(
    Object.entries(WORKER_FILES).map(([label, file]) => [label, `${PLAYGROUND_ASSETS}/${file}`]),
  );
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${PLAYGROUND_ASSETS}/graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>The playground needs JavaScript.</noscript>
    <div id="root"></div>
    <script>
      const workers = ${scriptJson(workers)};
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => workers[label] };
    </script>
    <script src="${PLAYGROUND_ASSETS}/graphiql.js"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
}

/** /graphiql/<file>: the playground's script, stylesheet and editor workers. */
export function playgroundAssetsRoute(): Route {
  return {
    name: 'playground',
    matches: (pathname) => pathname.startsWith(`${PLAYGROUND_ASSETS}/`),
    handle: async (req, res) => {
      const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      const asset = (await loadAssets()).get(pathname);
      if (!asset) {
        sendError(res, 404, 'NOT_FOUND', `no such file: ${pathname.slice(0, 100)}`);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET.', { allow: 'GET' });
        return;
      }
      // Revalidated on every load (cheap with the ETag), so a new version is never stale.
      const headers = {
        etag: asset.etag,
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
        'x-content-type-options': 'nosniff',
      };
      if (req.headers['if-none-match'] === asset.etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      const gzipped = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const body = gzipped ? asset.gzipped : asset.body;
      res.writeHead(200, {
        ...headers,
        ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
        'content-type': asset.contentType,
        'content-length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
  };
}
