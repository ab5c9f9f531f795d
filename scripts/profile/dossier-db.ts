import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { KINDS } from '@ringwatch/contract';
import { benchDataset, freshDatabase, loadAndDetect, ROOT } from '../bench/common';
import { writeRing } from '../bench/dossier-ring';
import { ClustersService, DossiersService } from '../../apps/api/src/cli/context';

/**
 * bench:dossier's data (small preset + a planted 300-shop ring) in a throw-away Neo4j, then the
 * dossier's reads timed one by one (cold and warm, with PROFILE's db hits) and the service's stages:
 * build (reads + assembly) and export per format. No HTTP, no second process.
 * Run: npx tsx scripts/profile/dossier-db.ts [size] [rounds]
 */
const ms = (t: number) => `${t.toFixed(0).padStart(5)} ms`;

async function main() {
  const size = Number(process.argv[2] ?? 300);
  const rounds = Number(process.argv[3] ?? 3);
  const { dir, manifest } = await benchDataset('small', 7);
  const ringDir = path.join(ROOT, '.data', 'bench', `dossier-ring-profile-${process.pid}`);
  const ring = writeRing(ringDir, size);
  const db = await freshDatabase('dossier-profile', { heap: '1g', pageCache: '512m' });
  try {
    const summary = await loadAndDetect(db, [...KINDS.map((k) => path.join(dir, manifest.files[k])), ...ring]);
    const cluster = summary.clusters.find((c) => c.members.includes('DR-S0'))!;
    console.log(`cluster ${cluster.id}: ${cluster.members.length} shops`);
    const run = (q: string, params: Record<string, unknown>) => db.driver.executeQuery(q, params, { database: db.database, routing: 'READ' });
    const params = { ids: cluster.members, clusterId: cluster.id, runId: summary.runId, typical: {} };
    const files = fs.readdirSync(path.join(ROOT, 'cypher', 'dossiers')).filter((f) => f.endsWith('.cypher'));
    for (const f of files) {
      const q = fs.readFileSync(path.join(ROOT, 'cypher', 'dossiers', f), 'utf8');
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < rounds; i++) {
        const t0 = performance.now();
        rows = (await run(q, params)).records.length;
        times.push(performance.now() - t0);
      }
      const profile = await run(`PROFILE ${q}`, params);
      let hits = 0;
      const scans = new Set<string>();
      const walk = (p: { dbHits?: number; operatorType?: string; children?: unknown[] }) => {
        hits += Number(p.dbHits ?? 0);
        // Scans of a whole label or of all nodes: the reads should seek by index from the network's shops.
        if (/Scan/.test(p.operatorType ?? '')) scans.add(p.operatorType!.replace(/@.*/, ''));
        for (const c of p.children ?? []) walk(c as typeof p);
      };
      walk(profile.summary.profile as never);
      // A statement changed on this branch must answer as the main branch's does.
      let same = '';
      try {
        const before = execFileSync('git', ['show', `main:cypher/dossiers/${f}`], { cwd: ROOT, encoding: 'utf8' });
        if (before !== q) {
          const plain = (r: Awaited<ReturnType<typeof run>>) => JSON.stringify(r.records.map((x) => x.toObject()));
          same = plain(await run(before, params)) === plain(await run(q, params)) ? ', same rows as main' : ', ROWS DIFFER FROM MAIN';
        }
      } catch {
        same = ', new statement';
      }
      console.log(`${f.padEnd(22)} ${times.map(ms).join(' ')}  rows ${rows}, db hits ${hits}${scans.size ? `, scans: ${[...scans].join(' ')}` : ''}${same}`);
    }
    const dossiers = db.app.get(DossiersService);
    const clusters = db.app.get(ClustersService);
    const actor = { name: 'lia', roles: ['liaison' as const], brands: [], requestId: null };
    for (let i = 0; i < rounds; i++) {
      let t0 = performance.now();
      await clusters.detail(cluster.id, undefined);
      const tDetail = performance.now() - t0;
      t0 = performance.now();
      await dossiers.build(cluster.id, undefined, actor);
      const tBuild = performance.now() - t0;
      const out: string[] = [];
      for (const format of ['zip', 'pdf', 'json'] as const) {
        t0 = performance.now();
        await dossiers.export(cluster.id, undefined, format, actor);
        out.push(`${format} ${ms(performance.now() - t0)}`);
      }
      console.log(`service round ${i + 1}: detail ${ms(tDetail)}, build ${ms(tBuild)}, export ${out.join(', ')}`);
    }
  } finally {
    await db.close();
    fs.rmSync(ringDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
