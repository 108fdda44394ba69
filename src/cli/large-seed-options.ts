import path from 'node:path';
import { documentsPresent, type AppConfig } from '../config/env.js';

/**
 * How the commands for generated, large seeds (load-bulk, import) read their seed: the folder
 * given, its own documents/ folder of texts when it has one (as `npm run generate` writes it),
 * and progress on stderr.
 */
export function largeSeedOptions(
  args: { seeds: string; documents?: string | undefined },
  config: AppConfig,
) {
  const seedsDir = path.resolve(args.seeds);
  const ownTexts = path.join(seedsDir, 'documents');
  return {
    seedsDir,
    documentsDir: path.resolve(
      args.documents ?? (documentsPresent(ownTexts) ? ownTexts : config.documentsDir),
    ),
    requireTexts: process.env.CI === 'true',
    onProgress: (m: string) => console.error(`  ${m}`),
  };
}
