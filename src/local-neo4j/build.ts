import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/env.js';

/** A failure of the local Neo4j launcher, with the exit code the CLI should use. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
  constructor(
    message: string,
    readonly code:
      | 'JAVA_MISSING'
      | 'MAVEN_MISSING'
      | 'MAVEN_UNREACHABLE'
      | 'BUILD_FAILED'
      | 'PORT_TAKEN'
      | 'NOT_WRITABLE'
      | 'START_FAILED'
      | 'START_TIMEOUT'
      | 'IMPORT_FAILED',
  ) {
    super(message);
  }
}

export const launcherDir = path.join(projectRoot, 'neo4j');
const targetDir = path.join(launcherDir, 'target');
const stampFile = path.join(targetDir, '.build-stamp');

export interface BuildOptions {
  /** Extra Maven arguments (tests point Maven at an unreachable mirror through a settings file). */
  mavenArgs?: string[];
  log?: (message: string) => void;
}

/** The java executable: JAVA_HOME's when set, else the one on PATH. */
export function javaExecutable(env = process.env): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Checks Java 17+ is there; returns its major version. */
export function checkJava(env = process.env): number {
  const java = javaExecutable(env);
  const result = spawnSync(java, ['-version'], { encoding: 'utf8', env });
  if (result.error || result.status !== 0) {
    throw new LocalNeo4jError(
      `Java 17 or newer is required to run the local Neo4j, but "${java}" could not be run` +
        `${result.error ? ` (${result.error.message})` : ''}. Install a JDK 17+ or set JAVA_HOME; ` +
        'or set NEO4J_URI to use your own Neo4j server.',
      'JAVA_MISSING',
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : NaN;
  if (!(major >= 17)) {
    throw new LocalNeo4jError(
      `Java 17 or newer is required to run the local Neo4j; "${java}" is version ${match?.[0] ?? 'unknown'}.`,
      'JAVA_MISSING',
    );
  }
  return major;
}

function sourceHash(mavenArgs: string[]): string {
  const hash = crypto.createHash('sha256');
  const files = [path.join(launcherDir, 'pom.xml')];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(launcherDir, 'src'));
  for (const file of files.sort()) hash.update(file).update(fs.readFileSync(file));
  hash.update(mavenArgs.join(' '));
  return hash.digest('hex');
}

export function classpath(): string {
  return [path.join(targetDir, 'local-neo4j.jar'), path.join(targetDir, 'lib', '*')].join(
    path.delimiter,
  );
}

/**
 * Resolves Neo4j from Maven Central and builds the launcher, unless the last build came from the
 * same sources (so repeated starts cost nothing).
 */
export function ensureBuilt(options: BuildOptions = {}): void {
  const log = options.log ?? (() => {});
  const mavenArgs = options.mavenArgs ?? [];
  checkJava();
  const hash = sourceHash([]);
  if (
    mavenArgs.length === 0 &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, 'utf8') === hash &&
    fs.existsSync(path.join(targetDir, 'local-neo4j.jar'))
  ) {
    return;
  }
  log('building the local Neo4j launcher with Maven (first run downloads Neo4j, ~130 MB)...');
  const result = spawnSync(
    'mvn',
    ['-B', '-q', '-f', path.join(launcherDir, 'pom.xml'), ...mavenArgs, 'package'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.error) {
    throw new LocalNeo4jError(
      `Maven ("mvn") is required to fetch and build the local Neo4j but could not be run: ${result.error.message}. ` +
        'Install Maven, or set NEO4J_URI to use your own Neo4j server.',
      'MAVEN_MISSING',
    );
  }
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`;
    const tail = output.trim().split('\n').slice(-15).join('\n');
    if (
      /Could not (transfer|resolve)|UnknownHost|Connection refused|Connect to .* failed|Network is unreachable|timed out/i.test(
        output,
      )
    ) {
      throw new LocalNeo4jError(
        `Maven could not download Neo4j from Maven Central (is the network or a Maven mirror reachable?).\n${tail}`,
        'MAVEN_UNREACHABLE',
      );
    }
    throw new LocalNeo4jError(`building the local Neo4j launcher failed:\n${tail}`, 'BUILD_FAILED');
  }
  if (mavenArgs.length === 0) fs.writeFileSync(stampFile, hash);
  log('launcher built');
}
