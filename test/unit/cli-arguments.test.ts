import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../src/config/env.js';
import { CliExit, parseCliArgs, parseCliCommand } from '../../src/cli/run-cli.js';

const USAGE = 'Usage: demo [--flag]';

function exitCodeOf(run: () => unknown): number | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof CliExit) return error.exitCode;
    throw error;
  }
  return undefined;
}

describe('the shared argument parser', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads declared options and answers --help with the usage and exit 0', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(parseCliArgs(USAGE, { flag: { type: 'boolean' } }, ['--flag'])).toMatchObject({
      flag: true,
    });
    expect(exitCodeOf(() => parseCliArgs(USAGE, {}, ['--help']))).toBe(0);
    expect(log).toHaveBeenCalledWith(USAGE);
  });

  it('ends an unknown option or a stray argument with the usage on stderr and exit 2', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(exitCodeOf(() => parseCliArgs(USAGE, { flag: { type: 'boolean' } }, ['--flga']))).toBe(
      2,
    );
    expect(String(error.mock.calls[0]?.[0])).toMatch(/Unknown option '--flga'[\s\S]*Usage: demo/);
    expect(exitCodeOf(() => parseCliArgs(USAGE, {}, ['stray']))).toBe(2);
  });

  it('takes one known sub-command and refuses a missing, unknown or extra one with exit 2', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const commands = ['start', 'stop'] as const;
    expect(parseCliCommand(USAGE, commands, {}, ['stop']).command).toBe('stop');
    expect(exitCodeOf(() => parseCliCommand(USAGE, commands, {}, []))).toBe(2);
    expect(exitCodeOf(() => parseCliCommand(USAGE, commands, {}, ['restart']))).toBe(2);
    expect(exitCodeOf(() => parseCliCommand(USAGE, commands, {}, ['start', 'now']))).toBe(2);
    expect(exitCodeOf(() => parseCliCommand(USAGE, commands, {}, ['start', '--force']))).toBe(2);
  });
});

// Every command of package.json, run for real: an unknown flag must stop it before it does
// anything (no Neo4j started, no seed loaded), with the usage and exit code 2.
const COMMANDS: Array<[string, string[]]> = [
  ['start', ['src/cli/start.ts', '--no-sed']],
  ['neo4j', ['src/cli/neo4j.ts', 'start', '--no-such-flag']],
  ['seed', ['src/cli/seed.ts', '--chek']],
  ['export', ['src/cli/export.ts', '--no-such-flag']],
  ['generate', ['src/cli/generate.ts', '--no-such-flag']],
  ['load-bulk', ['src/cli/load-bulk.ts', '--no-such-flag']],
  ['soak', ['src/cli/soak.ts', '--no-such-flag']],
  ['bench', ['bench/run.ts', '--no-such-flag']],
];

describe('every command refuses an unknown flag', () => {
  const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
  it.each(COMMANDS)(
    'npm run %s',
    async (_name, args) => {
      const result = await promisify(execFile)(tsx, args, {
        cwd: projectRoot,
        // A Bolt port nothing listens on: should the flag get through, nothing real is touched.
        env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1', PORT: '0' },
        timeout: 30_000,
      }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/Unknown option '--[\w-]+'/);
      expect(result.stderr).toMatch(/Usage: /);
    },
    40_000,
  );
});
