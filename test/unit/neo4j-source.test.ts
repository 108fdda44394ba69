import { describe, expect, it } from 'vitest';
import { chooseNeo4jSource, CONTAINER_IMAGE } from '../setup/neo4j-source.js';

const runtime = (available: boolean) => ({ containerRuntimeAvailable: async () => available });

describe('choosing the Neo4j for integration tests', () => {
  it('uses NEO4J_URI with its credentials when set, without probing for containers', async () => {
    let probed = false;
    const source = await chooseNeo4jSource(
      {
        NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
        NEO4J_USERNAME: 'u',
        NEO4J_PASSWORD: 'p',
        NEO4J_DATABASE: 'kg',
      },
      { containerRuntimeAvailable: async () => ((probed = true), true) },
    );
    expect(source).toEqual({
      kind: 'external',
      connection: {
        uri: 'neo4j+s://abc.databases.neo4j.io',
        username: 'u',
        password: 'p',
        database: 'kg',
      },
    });
    expect(probed).toBe(false);
  });

  it('defaults the user to neo4j and the database to the server default', async () => {
    const source = await chooseNeo4jSource({ NEO4J_URI: 'bolt://h:7687' }, runtime(false));
    expect(source).toEqual({
      kind: 'external',
      connection: { uri: 'bolt://h:7687', username: 'neo4j', password: '', database: undefined },
    });
  });

  it('picks a container when a runtime answers and no URI is set', async () => {
    expect(await chooseNeo4jSource({}, runtime(true))).toEqual({
      kind: 'container',
      image: CONTAINER_IMAGE,
    });
  });

  it('falls back to the local Neo4j on the test port when no runtime answers', async () => {
    expect(await chooseNeo4jSource({}, runtime(false))).toEqual({ kind: 'local', port: 7688 });
    expect(await chooseNeo4jSource({ NEO4J_TEST_PORT: '7799' }, runtime(false))).toEqual({
      kind: 'local',
      port: 7799,
    });
  });

  it('skips containers when asked to', async () => {
    expect(await chooseNeo4jSource({ TEST_NEO4J_NO_CONTAINER: '1' }, runtime(true))).toEqual({
      kind: 'local',
      port: 7688,
    });
  });

  it('rejects a bad test port', async () => {
    await expect(chooseNeo4jSource({ NEO4J_TEST_PORT: 'x' }, runtime(false))).rejects.toThrow(
      /NEO4J_TEST_PORT/,
    );
  });

  it('treats a blank NEO4J_URI as unset', async () => {
    expect((await chooseNeo4jSource({ NEO4J_URI: '  ' }, runtime(false))).kind).toBe('local');
  });
});
