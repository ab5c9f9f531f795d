import path from 'node:path';
import { defineConfig } from 'vite';
import tsconfig from '../../tsconfig.json' with { type: 'json' };

const root = path.dirname(new URL(import.meta.url).pathname);
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`;
// In `vite serve`, the API's routes go to the API; `npm start` serves the built explorer from the API itself.
const API_ROUTES = [
  '/schema',
  '/health',
  '/auth',
  '/users',
  '/clusters',
  '/shops',
  '/evidence',
  '/search',
  '/shutdowns',
  '/alerts',
  '/reports',
  '/brands',
  '/imports',
  '/audit',
];

export default defineConfig({
  root,
  resolve: {
    // The @ringwatch/* aliases come from tsconfig.json's paths, as in vitest.config.ts: one list.
    alias: Object.fromEntries(Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => [name, path.join(root, '..', '..', target as string)])),
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    host: '127.0.0.1',
    proxy: Object.fromEntries(API_ROUTES.map((route) => [route, apiTarget])),
  },
});
