// Makes sure the system tools some tests drive are installed, from Debian's packages:
// - `chromium` at /usr/bin/chromium, for the explorer's browser tests (playwright-core drives it;
//   Playwright's own browser download is not used);
// - `python3-networkx`, which reads our GraphML and GEXF exports back (test/integration/export-networkx.test.ts).
// Idempotent and quiet when they are there; otherwise installs what is missing with apt-get, which
// needs root (as in CI and the project's containers) and a Debian or Ubuntu system.
//
//   node scripts/ensure-test-tools.mjs          install what is missing
//   node scripts/ensure-test-tools.mjs --check  only say whether they are there (exit 1 when not)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const TOOLS = [
  // Debian's chromium launcher chatters on stderr; only the version line matters.
  { pkg: 'chromium', probe: ['/usr/bin/chromium', ['--version']] },
  {
    pkg: 'python3-networkx',
    probe: ['/usr/bin/python3', ['-c', 'import networkx; print(networkx.__version__)']],
  },
];

function version([command, args]) {
  try {
    return execFileSync(command, args, {
      encoding: 'utf8',
      timeout: 30_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

function fail(message) {
  console.error(`ensure-test-tools: ${message}`);
  process.exit(1);
}

const missing = TOOLS.filter((tool) => !version(tool.probe)).map((tool) => tool.pkg);
if (missing.length === 0) {
  if (process.argv.includes('--verbose')) {
    for (const tool of TOOLS)
      console.error(`ensure-test-tools: ${tool.pkg} ${version(tool.probe)}`);
  }
  process.exit(0);
}
const names = missing.join(' ');
if (process.argv.includes('--check')) fail(`missing: ${names}`);
if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/apt-get')) {
  fail(`missing: ${names}; install them (some tests need them)`);
}
if (typeof process.getuid === 'function' && process.getuid() !== 0) {
  fail(`missing: ${names}; run as root, or: sudo apt-get install -y ${names}`);
}
console.error(`ensure-test-tools: installing ${names} with apt-get (once; takes a minute or two)`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', ...missing], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
} catch (error) {
  fail(`apt-get could not install ${names}: ${error.message}`);
}
for (const tool of TOOLS.filter((t) => missing.includes(t.pkg))) {
  const installed = version(tool.probe);
  if (!installed) fail(`apt-get finished but ${tool.pkg} does not run`);
  console.error(`ensure-test-tools: ${tool.pkg} ${installed}`);
}
