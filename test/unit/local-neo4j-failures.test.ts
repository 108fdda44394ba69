import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJava, ensureBuilt, LocalNeo4jError } from '../../src/local-neo4j/build.js';
import { start } from '../../src/local-neo4j/manager.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'local-neo4j-'));

function settings(home: string, port: number) {
  return { home, port, pageCache: '64m', heap: '256m' };
}

describe('the local Neo4j launcher fails clearly', () => {
  let blocker: net.Server;
  let takenPort = 0;
  beforeAll(async () => {
    blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    takenPort = (blocker.address() as net.AddressInfo).port;
  });
  afterAll(() => {
    blocker.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('when Java is missing', () => {
    expect(() => checkJava({ JAVA_HOME: '/nonexistent-jdk', PATH: '/nonexistent' })).toThrow(
      /Java 17 or newer is required/,
    );
    try {
      checkJava({ JAVA_HOME: '/nonexistent-jdk' });
    } catch (error) {
      expect((error as LocalNeo4jError).code).toBe('JAVA_MISSING');
    }
  });

  it('when the port is taken', async () => {
    const error = await start(settings(path.join(tmp, 'a'), takenPort)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalNeo4jError);
    expect((error as LocalNeo4jError).code).toBe('PORT_TAKEN');
    expect((error as Error).message).toContain(`port ${takenPort}`);
  });

  it('when the data folder is not writable', async () => {
    const file = path.join(tmp, 'a-file');
    fs.writeFileSync(file, 'not a folder');
    const error = await start(settings(path.join(file, 'home'), 1)).catch((e: unknown) => e);
    expect((error as LocalNeo4jError).code).toBe('NOT_WRITABLE');
    expect((error as Error).message).toMatch(/not writable/);
  });

  it('when Maven Central is unreachable', () => {
    const settingsXml = path.join(tmp, 'settings.xml');
    fs.writeFileSync(
      settingsXml,
      `<settings><mirrors><mirror><id>nowhere</id><mirrorOf>*</mirrorOf><url>http://127.0.0.1:9/maven2</url></mirror></mirrors></settings>`,
    );
    const emptyRepo = path.join(tmp, 'empty-repo');
    let caught: unknown;
    try {
      ensureBuilt({ mavenArgs: ['-s', settingsXml, `-Dmaven.repo.local=${emptyRepo}`] });
    } catch (error) {
      caught = error;
    }
    expect((caught as LocalNeo4jError).code).toBe('MAVEN_UNREACHABLE');
    expect((caught as Error).message).toMatch(/could not download Neo4j from Maven Central/);
  }, 120_000);
});
