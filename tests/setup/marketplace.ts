import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KINDS } from '@ringwatch/contract';
import { generateMarketplace } from '@ringwatch/synth';
import type { DetectionSummary } from '@ringwatch/detection';
import { DetectionService } from '../../apps/api/src/detection/detection.service';
import { ImportsService } from '../../apps/api/src/imports/imports.service';
import type { Driver } from 'neo4j-driver';
import { startTestServer, type TestServer } from './app';
import { testDriver, wipeMarketplace, wipeWork } from './graph';

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

export interface SeededServer extends SeededMarketplace {
  readonly server: TestServer;
  readonly driver: Driver;
  /** Stops the server and removes what the suite made: marketplace, work nodes, files. */
  close(): Promise<void>;
}

/** A test server on an emptied graph, with the small preset of `seed` loaded and detected. */
export async function startSeededServer(seed: number): Promise<SeededServer> {
  const driver = await testDriver();
  await wipeMarketplace(driver);
  await wipeWork(driver);
  const server = await startTestServer();
  const seeded = await seedMarketplace(server, seed);
  return {
    ...seeded,
    server,
    driver,
    async close() {
      await server.close();
      await wipeMarketplace(driver);
      await wipeWork(driver);
      await driver.close();
      fs.rmSync(seeded.dir, { recursive: true, force: true });
    },
  };
}

/**
 * Flagged clusters of a run, largest first, each handed out once, so the tests of a file that act on a
 * cluster (propose, shut down) never share one. `runOf` is read at each take: the run is made in beforeAll.
 */
export function clusterTaker(runOf: () => DetectionSummary) {
  const taken = new Set<string>();
  return {
    take(minSize = 3) {
      const cluster = [...runOf().clusters]
        .filter((c) => c.flagged && c.members.length >= minSize && !taken.has(c.id))
        .sort((a, b) => b.members.length - a.members.length)[0];
      if (!cluster) throw new Error('the small preset has no free flagged cluster left');
      taken.add(cluster.id);
      return cluster;
    },
    /** Hands a cluster back, for a test that only looked at it. */
    release(id: string) {
      taken.delete(id);
    },
  };
}
