import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { localConnection, projectRoot, type Neo4jConnection } from '../../src/config/env.js';
import * as local from '../../src/local-neo4j/manager.js';
import { chooseNeo4jSource } from './neo4j-source.js';
import { createDriver } from '../../src/db/driver.js';
import { loadSeedGraph } from '../../src/seed/load.js';
import { readSeeds } from '../../src/seed/read-seeds.js';
import { defaultDocumentsDir } from '../../src/config/env.js';

/** Every integration file reads the seeded graph; files that change it restore it. */
async function seedTestGraph(connection: Neo4jConnection): Promise<void> {
  const graph = readSeeds({
    seedsDir: path.join(projectRoot, 'seeds'),
    documentsDir: process.env.SEED_DOCUMENTS_DIR ?? defaultDocumentsDir(),
    requireTexts: true,
  });
  const driver = createDriver(connection);
  try {
    const summary = await loadSeedGraph(driver, graph, {
      database: connection.database,
      reset: true,
    });
    console.log(`[tests] seeded graph ${summary.version} in ${summary.millis} ms`);
  } finally {
    await driver.close();
  }
}

async function containerRuntimeAvailable(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const probe = getContainerRuntimeClient();
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('container runtime probe timed out')), 10_000).unref(),
    );
    await Promise.race([probe, timeout]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Gives the integration tests a real Neo4j (see neo4j-source.ts for the choice) and tears down
 * whatever it started, so a test run leaves no Java process or container behind.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const source = await chooseNeo4jSource(process.env, { containerRuntimeAvailable });
  let teardown = async () => {};
  let connection: Neo4jConnection;
  if (source.kind === 'external') {
    connection = source.connection;
    console.log(`[tests] using your Neo4j at ${connection.uri}`);
  } else if (source.kind === 'container') {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer(source.image).withPassword('test-password').start();
    connection = {
      uri: container.getBoltUri(),
      username: container.getUsername(),
      password: container.getPassword(),
      database: undefined,
    };
    teardown = async () => {
      await container.stop();
    };
    console.log(`[tests] using a ${source.image} container at ${connection.uri}`);
  } else {
    const settings = {
      home: path.join(projectRoot, '.neo4j-local', `test-${source.port}`),
      port: source.port,
      pageCache: '128m',
      heap: '768m',
    };
    // A previous run that was killed may have left its instance behind: start clean.
    await local.reset(settings);
    const log = (m: string) => console.log(`[tests] ${m}`);
    const started = await local.start(settings, { log });
    connection = localConnection(source.port);
    teardown = async () => {
      await local.stop(settings);
    };
    console.log(`[tests] using the local Neo4j at ${started.uri}`);
  }
  await seedTestGraph(connection);
  project.provide('neo4j', connection);
  return teardown;
}
