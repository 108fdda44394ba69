import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/env.js';

export const schemaDir = path.join(projectRoot, 'schema');

/** The SDL contract: every schema/*.graphql file, in name order. */
export function loadTypeDefs(): string[] {
  return fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(schemaDir, f), 'utf8'));
}
