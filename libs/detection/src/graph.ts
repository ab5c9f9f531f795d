import { qualityOfEdges } from '@ringwatch/community';

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

/**
 * Modularity of a membership (−1 = unassigned, each such node its own community): the community lib's
 * quality module on these arrays, under the name detection's callers know.
 */
export function modularityOf(graph: WeightedGraph, membership: Int32Array, resolution = 1): number {
  return qualityOfEdges(graph, membership, 'modularity', resolution);
}
