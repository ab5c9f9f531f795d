import { buildCsr, leiden, louvain } from '@ringwatch/community';
import { seededRandom } from '@ringwatch/detection';

/**
 * Louvain against Leiden on bench:community's planted graph (1M nodes, 5M edges, groups of 50, 80 %
 * inside), one thread, for a CPU profile of the difference: `node --cpu-prof --import tsx
 * scripts/profile/leiden.ts [louvain|leiden|both]`.
 */
const n = 1_000_000;
const m = 5_000_000;
const groupSize = 50;
const inside = 0.8;
const rng = seededRandom(42);
const src = new Int32Array(m);
const dst = new Int32Array(m);
for (let e = 0; e < m; e++) {
  const u = Math.floor(rng() * n);
  let v: number;
  do {
    v = rng() < inside ? Math.floor(u / groupSize) * groupSize + Math.floor(rng() * groupSize) : Math.floor(rng() * n);
  } while (v === u || v >= n);
  src[e] = u;
  dst[e] = v;
}
const which = process.argv[2] ?? 'both';
for (const method of which === 'both' ? [louvain, leiden, louvain, leiden] : which === 'leiden' ? [leiden] : [louvain]) {
  const csr = buildCsr(n, src, dst);
  const t0 = performance.now();
  const r = method(csr, { seed: 42, threads: 1 });
  const s = (performance.now() - t0) / 1000;
  console.log(`${method.name}: ${s.toFixed(2)} s, Q ${r.quality.toFixed(4)}, ${r.count} communities, ${r.levels.length} levels`);
}
