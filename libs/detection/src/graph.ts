export { seededRandom } from '@ringwatch/community';

/** A weighted undirected graph as flat arrays: edge i joins src[i] and dst[i] with weight[i]. */
export interface WeightedGraph {
  readonly nodeCount: number;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly weight: Float64Array;
}

/** Connected components by union–find; returns a component index per node. */
export function connectedComponents(graph: WeightedGraph): Int32Array {
  const parent = new Int32Array(graph.nodeCount);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let e = 0; e < graph.src.length; e++) {
    const a = find(graph.src[e]!);
    const b = find(graph.dst[e]!);
    if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
  }
  const out = new Int32Array(graph.nodeCount);
  for (let i = 0; i < out.length; i++) out[i] = find(i);
  return out;
}

/** Modularity of a membership (−1 = unassigned, each such node its own community). */
export function modularityOf(graph: WeightedGraph, membership: Int32Array, resolution = 1): number {
  let m = 0;
  const strength = new Map<number, number>();
  const internal = new Map<number, number>();
  const community = (v: number) => (membership[v]! >= 0 ? membership[v]! : -1 - v);
  for (let e = 0; e < graph.src.length; e++) {
    const w = graph.weight[e]!;
    const a = community(graph.src[e]!);
    const b = community(graph.dst[e]!);
    m += w;
    strength.set(a, (strength.get(a) ?? 0) + w);
    strength.set(b, (strength.get(b) ?? 0) + w);
    if (a === b) internal.set(a, (internal.get(a) ?? 0) + w);
  }
  if (m === 0) return 0;
  let q = 0;
  for (const [c, s] of strength) q += (internal.get(c) ?? 0) / m - resolution * (s / (2 * m)) ** 2;
  return q;
}
