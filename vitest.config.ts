import path from 'node:path';
import { defineConfig } from 'vitest/config';
import tsconfig from './tsconfig.json' with { type: 'json' };

const root = path.dirname(new URL(import.meta.url).pathname);
// One source of truth for the @ringwatch/* aliases: tsconfig.json's paths.
const alias = Object.fromEntries(Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => [name, path.join(root, target as string)]));

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['libs/**/*.spec.ts', 'apps/**/*.spec.ts', 'tools/**/*.spec.ts'],
          environment: 'node',
          // Correctness, not speed (benchmarks measure speed): a busy machine must not fail a test that
          // takes 3 s when quiet (vitest's default is 5 s).
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/neo4j.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One Neo4j for the whole run; files run one at a time so cleanup in one cannot race another.
          fileParallelism: false,
        },
      },
    ],
  },
});
