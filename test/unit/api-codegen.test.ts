import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { projectRoot } from '../../src/config/env.js';

// The resolver types are generated from the SDL (codegen.yml): if the SDL changed without
// `npm run codegen`, the committed types no longer say what the schema does.
describe('the generated resolver types', () => {
  it('are what codegen makes of the current SDL', async () => {
    const config = YAML.parse(
      fs.readFileSync(path.join(projectRoot, 'codegen.yml'), 'utf8'),
    ) as Record<string, unknown>;
    const context = { ...config, cwd: projectRoot, silent: true } as Parameters<typeof generate>[0];
    const outputs = await generate(context, false);
    expect(outputs).toHaveLength(1);
    for (const output of outputs as Array<{ filename: string; content: string }>) {
      const file = path.join(projectRoot, output.filename);
      const options = await prettier.resolveConfig(file);
      const expected = await prettier.format(output.content, { ...options, filepath: file });
      expect(
        fs.readFileSync(file, 'utf8'),
        `${output.filename} is stale: run npm run codegen`,
      ).toBe(expected);
    }
  }, 60_000);
});
