import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KINDS } from '@ringwatch/contract';
import { generateMarketplace } from '@ringwatch/synth';
import { DetectionService, type DetectionSummary } from '../../apps/api/src/detection/detection.service';
import { ImportsService } from '../../apps/api/src/imports/imports.service';
import type { TestServer } from './app';

export interface SeededMarketplace {
  /** Where the generated files are (and a place for a test's own extra files); the caller removes it. */
  readonly dir: string;
  readonly files: string[];
  readonly run: DetectionSummary;
}

/** The small preset with a given seed, loaded through the service and detected once. */
export async function seedMarketplace(server: TestServer, seed: number): Promise<SeededMarketplace> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ringwatch-seed-${seed}-`));
  const manifest = await generateMarketplace({ preset: 'small', seed, outDir: dir });
  const files = KINDS.map((k) => path.join(dir, manifest.files[k]));
  await server.app.get(ImportsService).load(files, 'test', undefined, path.join(dir, 'rejects.ndjson'));
  const run = await server.app.get(DetectionService).run({}, 'test');
  return { dir, files, run };
}
