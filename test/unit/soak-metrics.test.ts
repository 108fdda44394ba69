import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/env.js';

/**
 * `npm run soak -- --url ...` reads the server's memory from /metrics. A server that serves its
 * metrics elsewhere (METRICS_PORT, production mode) used to give "RSS 0 MB: levelled off"; the
 * soak must refuse before any load instead, and say which option to pass.
 */

const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');

async function soak(args: string[]): Promise<{ code: number; stderr: string }> {
  return promisify(execFile)(tsx, ['src/cli/soak.ts', ...args], {
    cwd: projectRoot,
    timeout: 30_000,
  }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (error: { code: number; stderr: string }) => error,
  );
}

describe('soak against a server of your own', () => {
  // Ready, but /metrics is not here (as with METRICS_PORT set): GraphQL is never reached.
  const server = http.createServer((req, res) => {
    if (req.url === '/ready') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ready":true}');
      return;
    }
    res.writeHead(404);
    res.end('not found');
  });
  let base = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses, before any load, when /metrics has no memory figures', async () => {
    const result = await soak(['--url', `${base}/graphql`, '--duration', '1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${base}/metrics answered 404`);
    expect(result.stderr).toContain('--metrics-url');
    expect(result.stderr).not.toMatch(/requests: \d+/);
  }, 40_000);

  it('reads the metrics from --metrics-url when given', async () => {
    const result = await soak([
      '--url',
      `${base}/graphql`,
      '--metrics-url',
      `${base}/elsewhere`,
      '--duration',
      '1',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${base}/elsewhere answered 404`);
  }, 40_000);

  it('refuses --metrics-url without --url, and a metrics address off loopback', async () => {
    expect(await soak(['--metrics-url', `${base}/metrics`])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--metrics-url goes with --url') as unknown,
    });
    expect(
      await soak(['--url', `${base}/graphql`, '--metrics-url', 'http://192.0.2.1:9464/metrics']),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('192.0.2.1 is not a loopback address') as unknown,
    });
  }, 40_000);
});
