import path from 'node:path';
import { defineConfig } from 'vitest/config';
import tsconfig from './tsconfig.json' with { type: 'json' };

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = Object.fromEntries(Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => [name, path.join(root, target as string)]));

/**
 * The fault suite (`npm run test:faults`): kills Neo4j and API processes and waits for recovery, so it
 * takes minutes and stays out of `npm test`. Each file starts the Neo4j it kills; no shared global setup.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    name: 'faults',
    include: ['tests/faults/**/*.fault.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    // The figures are the point: print them as they come.
    silent: false,
  },
});
