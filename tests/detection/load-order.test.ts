import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KINDS } from '@ringwatch/contract';
import type { DetectionSummary } from '@ringwatch/detection';
import { loadFiles } from '@ringwatch/ingest';
import { CypherRegistry } from '@ringwatch/neo4j';
import { fingerprinter } from '@ringwatch/normalise';
import { generateMarketplace, Rng } from '@ringwatch/synth';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ImportsRepository } from '../../apps/api/src/imports/imports.repository';
import { detectionService, ROOT, testConfig } from '../setup/app';
import { testDriver, wipeMarketplace } from '../setup/graph';

/**
 * The same files loaded in three orders (as generated, every file's rows reversed, rows shuffled) into
 * an emptied graph give the same partition and the same cluster ids: the database returns rows in the
 * order they were loaded, and detection must not depend on it.
 */
const neo4j = inject('neo4j');
let driver: Driver;
let dir: string;
const runs: DetectionSummary[] = [];

const wipeRuns = (d: Driver) =>
  d.executeQuery('MATCH (n) WHERE n:DetectionRun OR n:Cluster OR n:Sequence OR n:Import DETACH DELETE n', {}, { database: neo4j.database });

/** A copy of each file with its data rows reordered (the header stays first). */
function reordered(files: string[], into: string, order: (rows: string[]) => string[]): string[] {
  fs.mkdirSync(into, { recursive: true });
  return files.map((file) => {
    const [header, ...rows] = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line !== '');
    const out = path.join(into, path.basename(file));
    fs.writeFileSync(out, `${[header, ...order(rows)].join('\n')}\n`);
    return out;
  });
}

beforeAll(async () => {
  driver = await testDriver();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-order-'));
  const manifest = await generateMarketplace({ preset: 'small', seed: 13, outDir: path.join(dir, 'generated') });
  const generated = KINDS.map((k) => path.join(dir, 'generated', manifest.files[k]));
  const rng = new Rng(99);
  const orders = [
    generated,
    reordered(generated, path.join(dir, 'reversed'), (rows) => [...rows].reverse()),
    reordered(generated, path.join(dir, 'shuffled'), (rows) => {
      const out = [...rows];
      for (let i = out.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    }),
  ];
  const registry = CypherRegistry.load(path.join(ROOT, 'cypher'));
  const imports = new ImportsRepository(driver, neo4j.database, registry);
  const service = detectionService(driver, neo4j.database, registry, testConfig());
  for (const files of orders) {
    await wipeMarketplace(driver);
    await wipeRuns(driver);
    await loadFiles({
      files,
      writer: imports,
      ledger: imports,
      fingerprinter: fingerprinter('order-key-0123456789'),
      rejectsPath: path.join(dir, 'rejects.ndjson'),
    });
    runs.push(await service.run({}, 'test'));
  }
}, 300_000);

afterAll(async () => {
  await wipeMarketplace(driver);
  await wipeRuns(driver);
  await driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('detection and load order', () => {
  it('gives identical partitions, cluster ids, risks and flags for the same files in three orders', () => {
    const seen = runs.map((r) => r.clusters.map((c) => ({ id: c.id, members: c.members.join(' '), risk: c.risk, flagged: c.flagged })));
    expect(seen[0]!.length).toBeGreaterThan(5);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
  });
});
