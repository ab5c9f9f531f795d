import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KINDS } from '@ringwatch/contract';
import { benchDataset, benchToken, freshDatabase, loadAndDetect, ROOT, startBenchApi } from './bench/common';
import { writeRing } from './bench/dossier-ring';

/**
 * bench:dossier — the small preset plus one planted ring of 300 shops (sellers sharing devices, one
 * dispatch warehouse per 10 shops, payouts to shared accounts, branded listings): times the liaison's
 * dossier of that cluster over HTTP in every format, the zip (PDF, JSON, HTML, CSVs, manifest) first.
 * Floor: zip with PDF ≤ 5 s. The first request is sent once GET /health/ready says the start-up warm-ups
 * have ended, as a load balancer would send it.
 */

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '300' }, runs: { type: 'string', default: '3' } } });
  const { dir, manifest } = await benchDataset('small', 7);
  const ring = writeRing(path.join(ROOT, '.data', 'bench', `dossier-ring-${process.pid}`), Number(values.size));
  const db = await freshDatabase('dossier', { heap: '2g', pageCache: '1g' });
  let api: { url: string; stop(): void } | undefined;
  try {
    const summary = await loadAndDetect(db, [...KINDS.map((k) => path.join(dir, manifest.files[k])), ...ring]);
    const cluster = summary.clusters.find((c) => c.members.includes('DR-S0'));
    if (!cluster) throw new Error('bench:dossier: the planted ring did not come out as a cluster');
    api = await startBenchApi(db, { RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });
    const token = await benchToken(db, 'liaison');
    // As a load balancer would: people are sent once the process says it is ready (its start-up warm-ups,
    // fonts and query plans, have ended); the first request below is the first dossier of this network.
    const tReady = performance.now();
    for (;;) {
      const ready = await fetch(`${api.url}/health/ready`);
      if (ready.ok) break;
      if (performance.now() - tReady > 300_000) throw new Error(`bench:dossier: not ready after 300 s: ${await ready.text()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`bench:dossier API ready ${((performance.now() - tReady) / 1000).toFixed(1)} s after it answered`);
    console.log(`bench:dossier cluster ${cluster.id}: ${cluster.members.length} shops (planted ring of ${values.size})`);
    for (const format of ['zip', 'pdf', 'html', 'json']) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < Number(values.runs); i++) {
        const t0 = performance.now();
        const response = await fetch(`${api.url}/clusters/${cluster.id}/dossier?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok) throw new Error(`bench:dossier: ${format} answered ${response.status}: ${await response.text()}`);
        bytes = (await response.arrayBuffer()).byteLength;
        times.push(performance.now() - t0);
      }
      // The first request of a fresh process also pays for planning the queries and JIT; it is shown apart.
      const warm = [...times.slice(1)].sort((a, b) => a - b);
      const median = warm[Math.floor(warm.length / 2)] ?? times[0]!;
      const floor =
        format === 'zip' ? `  floor 5000 ms: ${times[0]! <= 5000 ? 'met' : 'NOT met'} on the first request, ${median <= 5000 ? 'met' : 'NOT met'} warm` : '';
      console.log(
        `${format.padEnd(5)} first ${times[0]!.toFixed(0)} ms, then ${times
          .slice(1)
          .map((t) => `${t.toFixed(0)} ms`)
          .join(', ')}; ${(bytes / 1024).toFixed(0)} KiB${floor}`,
      );
    }
  } finally {
    api?.stop();
    await db.close();
    fs.rmSync(path.dirname(ring[0]!), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
