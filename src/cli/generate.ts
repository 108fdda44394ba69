import path from 'node:path';
import { defaultOutDir, generate } from '../generate/generate.js';
import { progressDisplay } from '../progress/display.js';
import { parseCliArgs, runCli } from './run-cli.js';

const HELP = `Usage: npm run generate -- --scale N [--seed S] [--out DIR]

Writes a synthetic news-scale seed in the seed format: DIR/documents.yaml, DIR/entities/*.yaml,
DIR/facts/<document>.yaml, DIR/seed.schema.json, and the article texts in DIR/documents/, so
every quote and checksum is real. Deterministic: the same N and S give the same bytes.

At N=1: about 10,000 actors (8,000 persons, 2,000 organizations), 20,000 meetings, 500 themes,
300 places, 5,000 articles and 200,000 facts, each with its quote. Hubs (the UN, ASEAN, large
states) take a power-law share of participation; dates spread over 1975-2024 at day, month or
year precision; names are multilingual with their diacritics.

Options:
  --scale N   size multiplier (0.01 for a test-sized seed, 10 for about 2,000,000 facts)
  --seed S    integer seed (default 1)
  --out DIR   output folder (default bench/data/scale-N-seed-S); a folder this generator wrote
              is replaced, any other non-empty folder is refused

Load it with: npm run load-bulk -- --seeds DIR --documents DIR/documents
`;

runCli(async () => {
  const args = parseCliArgs(HELP, {
    scale: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
  });
  const scale = Number(args.scale);
  const seed = Number(args.seed ?? 1);
  if (args.scale === undefined || !(scale > 0) || !Number.isFinite(scale)) {
    console.error(`--scale must be a number > 0\n\n${HELP}`);
    return 2;
  }
  if (!Number.isSafeInteger(seed)) {
    console.error(`--seed must be an integer\n\n${HELP}`);
    return 2;
  }
  const outDir = path.resolve(args.out ?? defaultOutDir(scale, seed));
  console.error(`generating scale ${scale}, seed ${seed} into ${outDir}`);
  const display = progressDisplay();
  const summary = generate({ scale, seed, outDir, ...display });
  display.stop();
  const mb = (summary.bytes / 1e6).toFixed(1);
  console.log(
    `wrote ${summary.documents} articles, ${Object.values(summary.entities).reduce((a, b) => a + b, 0)} entities, ` +
      `${summary.facts} facts, ${summary.evidence} quotes (${mb} MB) in ${(summary.millis / 1000).toFixed(1)} s`,
  );
  for (const [label, count] of Object.entries(summary.entities))
    console.log(`  ${label.padEnd(14)} ${count}`);
  console.log(`seeds: ${summary.outDir}\ntexts: ${summary.documentsDir}`);
  return 0;
});
