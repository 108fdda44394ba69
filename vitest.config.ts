import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql ships a CommonJS build (`main`) and an ESM one (`module`). Node loads the CommonJS one
// for every package (graphql has no `exports` map), but Vite would resolve our own imports to the
// ESM one: two copies, whose classes fail each other's instanceof checks. Pointing `graphql` at
// the file Node loads keeps one copy (test/unit/graphql-single-copy.test.ts).
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: graphqlMain }],
  },
  test: {
    // Community Neo4j has one user database: integration files share it, so files run one at a
    // time and each restores what it changes.
    fileParallelism: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/setup/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
