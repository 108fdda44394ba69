import type { Handler } from '../http-pipeline.js';

/**
 * A route outside GraphQL, as src/server/app.ts lists them: `name` labels metrics and logs (a
 * fixed word, never the raw path), `matches` picks the request by path, `handle` answers it.
 */
export interface Route {
  name: string;
  matches: (pathname: string) => boolean;
  handle: Handler;
}
