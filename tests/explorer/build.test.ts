import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../setup/app';

describe('explorer', () => {
  it('builds into an index.html that loads its script bundle', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-explorer-'));
    try {
      await build({
        configFile: path.join(ROOT, 'apps', 'explorer', 'vite.config.ts'),
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true, sourcemap: false },
      });
      const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
      const script = /<script type="module"[^>]*src="\/([^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const bundle = fs.readFileSync(path.join(outDir, script!), 'utf8');
      expect(bundle).toContain('/schema/graph');
      expect(bundle.length).toBeGreaterThan(10_000);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
