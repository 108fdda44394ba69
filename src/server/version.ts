import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/env.js';

export const packageVersion: string = (
  JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }
).version;
