import { seededRandom } from '@ringwatch/detection';

/**
 * bench:community's planted-partition graph: `m` edges from uniform random nodes, each with probability
 * `inside` to a node of the same group (groups of `groupSize` consecutive ids), else to any node; no loops.
 */
export function plantedGraph(n: number, m: number, groupSize: number, inside: number, seed: number): { src: Int32Array; dst: Int32Array } {
  const rng = seededRandom(seed);
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
  return { src, dst };
}
