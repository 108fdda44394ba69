import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/env.js';
import { DEFAULT_LIMITS, loadServerSettings } from '../../src/server/settings.js';

describe('server settings from the environment', () => {
  it('are open in development: introspection, suggestions, GraphiQL, any CORS origin', () => {
    expect(loadServerSettings({})).toMatchObject({
      host: undefined,
      production: false,
      introspection: true,
      suggestions: true,
      graphiql: true,
      corsOrigins: ['*'],
      persistedOperationsFile: undefined,
      limits: DEFAULT_LIMITS,
    });
  });

  it('close up in production (NODE_ENV or SERVER_MODE)', () => {
    for (const env of [{ NODE_ENV: 'production' }, { SERVER_MODE: 'production' }]) {
      expect(loadServerSettings(env)).toMatchObject({
        production: true,
        introspection: false,
        suggestions: false,
        graphiql: false,
        corsOrigins: [],
      });
    }
    // SERVER_MODE wins over NODE_ENV.
    expect(
      loadServerSettings({ NODE_ENV: 'production', SERVER_MODE: 'development' }).production,
    ).toBe(false);
  });

  it('let each production default be overridden', () => {
    const settings = loadServerSettings({
      NODE_ENV: 'production',
      GRAPHQL_INTROSPECTION: 'true',
      GRAPHQL_SUGGESTIONS: '1',
      GRAPHIQL: 'yes',
      CORS_ORIGINS: 'https://a.example.org, http://localhost:5173',
    });
    expect(settings).toMatchObject({
      introspection: true,
      suggestions: true,
      graphiql: true,
      corsOrigins: ['https://a.example.org', 'http://localhost:5173'],
    });
  });

  it('read the limits and timeouts', () => {
    const settings = loadServerSettings({
      MAX_DEPTH: '8',
      MAX_COST: '1000',
      MAX_ALIASES: '0',
      MAX_DIRECTIVES: '3',
      MAX_TOKENS: '500',
      MAX_BATCH: '1',
      MAX_BODY_BYTES: '20000',
      REQUEST_TIMEOUT_MS: '2500',
      SHUTDOWN_TIMEOUT_MS: '0',
    });
    expect(settings.limits).toEqual({
      depth: 8,
      cost: 1000,
      aliases: 0,
      directives: 3,
      tokens: 500,
      batch: 1,
      bodyBytes: 20000,
    });
    expect([settings.requestTimeoutMs, settings.shutdownTimeoutMs]).toEqual([2500, 0]);
  });

  it('refuse malformed values, naming the setting', () => {
    const bad: Array<[Record<string, string>, RegExp]> = [
      [{ MAX_DEPTH: 'deep' }, /MAX_DEPTH must be an integer/],
      [{ MAX_BATCH: '0' }, /MAX_BATCH must be an integer from 1/],
      [{ GRAPHQL_INTROSPECTION: 'maybe' }, /GRAPHQL_INTROSPECTION must be true or false/],
      [{ SERVER_MODE: 'staging' }, /SERVER_MODE must be production or development/],
      [{ CORS_ORIGINS: 'app.example.org' }, /CORS_ORIGINS must list origins/],
      [{ CORS_ORIGINS: 'https://a.example.org/path' }, /CORS_ORIGINS/],
      [
        { PERSISTED_OPERATIONS_FILE: '/no/such/file.json' },
        /PERSISTED_OPERATIONS_FILE .* does not exist/,
      ],
    ];
    for (const [env, message] of bad) {
      expect(() => loadServerSettings(env)).toThrow(ConfigError);
      expect(() => loadServerSettings(env)).toThrow(message);
    }
  });
});
