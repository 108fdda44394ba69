// `npm run build`: compiles src/ to dist/ (tsconfig.build.json) and copies the explorer's static
// files beside the built code, so that `node dist/cli/start.js` runs with only the production
// dependencies installed. cypher/, schema/, seeds/ and examples/ are read from the project root
// (dist/..), as the sources read them from src/..; see the README's deployment recipe.
//
//   node scripts/build.mjs [--out-dir DIR]   (default dist/)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
const outDir = path.resolve(values['out-dir'] ?? path.join(root, 'dist'));

fs.rmSync(outDir, { recursive: true, force: true });
execFileSync(
  path.join(root, 'node_modules', '.bin', 'tsc'),
  ['-p', path.join(root, 'tsconfig.build.json'), '--outDir', outDir],
  { stdio: 'inherit' },
);
fs.cpSync(path.join(root, 'src', 'explorer', 'public'), path.join(outDir, 'explorer', 'public'), {
  recursive: true,
});
console.error(`built ${path.relative(process.cwd(), outDir) || '.'}`);
