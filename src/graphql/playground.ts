import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/env.js';

export const examplesDir = path.join(projectRoot, 'examples');

export interface ExampleOperation {
  file: string;
  query: string;
}

/** The example operations (examples/*.graphql) the playground opens with, one tab each. */
export function loadExamples(): ExampleOperation[] {
  return fs
    .readdirSync(examplesDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, query: fs.readFileSync(path.join(examplesDir, file), 'utf8') }));
}
