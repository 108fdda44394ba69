import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { projectRoot } from '../../src/config/env.js';

/** Debian's Chromium, driven by playwright-core (Playwright's own browser download is not used). */
const CHROMIUM = '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Every URL the browser asked for (pages, scripts, workers, API calls), in order. */
  requests: string[];
  /** Uncaught page errors and console errors, for a test to assert there were none. */
  problems: string[];
  /** Saves a screenshot of the page as test-artifacts/<artifacts>/<name>.png. */
  shot(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * A headless Chromium on a laptop-sized screen that records every request it makes and every
 * error its page reports. A request to anything but the loopback interface is recorded and then
 * aborted, so a page that would reach the internet fails its test instead of quietly leaking.
 */
export async function openBrowser(options: {
  /** The folder under test-artifacts/ (git-ignored) for screenshots, for a person to look at. */
  artifacts: string;
  acceptDownloads?: boolean;
}): Promise<Browser> {
  // `npm test` runs it first; running it here too keeps `vitest run` of one file self-sufficient
  // (it returns at once when Chromium is there).
  execFileSync(process.execPath, [path.join(projectRoot, 'scripts', 'ensure-test-tools.mjs')], {
    stdio: 'inherit',
  });
  const artifacts = path.join(projectRoot, 'test-artifacts', options.artifacts);
  fs.mkdirSync(artifacts, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: options.acceptDownloads ?? false,
    // A laptop screen.
    viewport: { width: 1366, height: 768 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const requests: string[] = [];
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return isLoopback(url) ? route.continue() : route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return {
    context,
    page,
    requests,
    problems,
    shot: (name) => page.screenshot({ path: path.join(artifacts, `${name}.png`) }),
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Whether a URL stays on this machine: http(s) to 127.0.0.1, ::1 or localhost. */
export function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return (
    (protocol === 'http:' || protocol === 'https:') &&
    ['127.0.0.1', 'localhost', '[::1]'].includes(hostname)
  );
}
