import { seededRandom } from './random';

/**
 * A seeded planted-partition graph, for tests and benchmarks: `m` edges, each from a uniform random node
 * `u`, with probability `inside` to a node of u's group (groups of `group` consecutive ids), otherwise to
 * any node; no loops. `weight`, when given, draws each edge's weight from the same generator, right after
 * the edge (so an unweighted graph is the same edges whatever the weights would have been).
 */
export function plantedPartition(
  n: number,
  m: number,
  group: number,
  inside: number,
  seed: number,
  weight?: (rng: () => number) => number,
): { src: Int32Array; dst: Int32Array; weight: Float64Array | undefined } {
  const rng = seededRandom(seed);
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const weights = weight ? new Float64Array(m) : undefined;
  for (let e = 0; e < m; e++) {
    const u = Math.floor(rng() * n);
    let v: number;
    do {
      v = rng() < inside ? Math.floor(u / group) * group + Math.floor(rng() * group) : Math.floor(rng() * n);
    } while (v === u || v >= n);
    src[e] = u;
    dst[e] = v;
    if (weights) weights[e] = weight!(rng);
  }
  return { src, dst, weight: weights };
}
