import path from 'node:path';
import { defineConfig } from 'vite';

const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`;

export default defineConfig({
  root: path.dirname(new URL(import.meta.url).pathname),
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    host: '127.0.0.1',
    proxy: { '/schema': apiTarget, '/health': apiTarget, '/auth': apiTarget },
  },
});
