// Makes sure the headless Chromium the browser tests drive is installed: Debian's `chromium`
// package at /usr/bin/chromium (playwright-core drives it; Playwright's own browser download is
// not used). Idempotent and quiet when it is there; otherwise installs it with apt-get, which
// needs root (as in CI and the project's containers) and a Debian or Ubuntu system.
//
//   node scripts/ensure-chromium.mjs          install when missing
//   node scripts/ensure-chromium.mjs --check  only say whether it is there (exit 1 when not)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

function version() {
  try {
    // Debian's launcher script chatters on stderr; only the version line matters.
    return execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      timeout: 30_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

const present = fs.existsSync(CHROMIUM) && version();
if (present) {
  if (process.argv.includes('--verbose')) console.error(`ensure-chromium: ${present}`);
  process.exit(0);
}
if (process.argv.includes('--check')) fail(`${CHROMIUM} is missing`);
if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/apt-get')) {
  fail(`${CHROMIUM} is missing; install Chromium there (the browser tests need it)`);
}
if (typeof process.getuid === 'function' && process.getuid() !== 0) {
  fail(`${CHROMIUM} is missing; run as root, or: sudo apt-get install -y chromium`);
}
console.error('ensure-chromium: installing chromium with apt-get (once; takes a minute or two)');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', 'chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
} catch (error) {
  fail(`apt-get could not install chromium: ${error.message}`);
}
const installed = version();
if (!installed) fail(`apt-get finished but ${CHROMIUM} does not run`);
console.error(`ensure-chromium: ${installed}`);
