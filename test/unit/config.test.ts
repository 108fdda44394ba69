import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';

describe('configuration from the environment', () => {
  it('uses the local Neo4j when NEO4J_URI is unset', () => {
    const config = loadConfig({});
    expect(config.external).toBeUndefined();
    expect(config.local.port).toBe(7687);
    expect(config.httpPort).toBe(4000);
  });

  it('reads Neo4j tool names for an external server', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j://cluster:7687',
      NEO4J_USERNAME: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'news',
      PORT: '8080',
    });
    expect(config.external).toEqual({
      uri: 'neo4j://cluster:7687',
      username: 'reader',
      password: 'secret',
      database: 'news',
    });
    expect(config.httpPort).toBe(8080);
  });

  it('rejects malformed numbers and sizes with the setting name', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be an integer/);
    expect(() => loadConfig({ NEO4J_LOCAL_HEAP: 'lots' })).toThrow(/NEO4J_LOCAL_HEAP/);
  });
});
