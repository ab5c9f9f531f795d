import { buildCsr, leiden, louvain, plantedPartition } from '@ringwatch/community';

/**
 * Louvain against Leiden on bench:community's planted graph (1M nodes, 5M edges, groups of 50, 80 %
 * inside), one thread, for a CPU profile of the difference: `node --cpu-prof --import tsx
 * scripts/profile/leiden.ts [louvain|leiden|both]`.
 */
const n = 1_000_000;
const m = 5_000_000;
const groupSize = 50;
const inside = 0.8;
const { src, dst } = plantedPartition(n, m, groupSize, inside, 42);
const which = process.argv[2] ?? 'both';
for (const method of which === 'both' ? [louvain, leiden, louvain, leiden] : which === 'leiden' ? [leiden] : [louvain]) {
  const csr = buildCsr(n, src, dst);
  const t0 = performance.now();
  const r = method(csr, { seed: 42, threads: 1 });
  const s = (performance.now() - t0) / 1000;
  console.log(`${method.name}: ${s.toFixed(2)} s, Q ${r.quality.toFixed(4)}, ${r.count} communities, ${r.levels.length} levels`);
}
