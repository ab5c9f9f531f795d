import type { WeightedGraph } from './graph';

/** Named edges → a WeightedGraph with node names kept in first-seen order (for the edge-list mode). */
export function graphFromNamedEdges(edges: readonly { source: string; target: string; weight?: number }[]): { graph: WeightedGraph; names: string[] } {
  const index = new Map<string, number>();
  const names: string[] = [];
  const at = (name: string) => {
    let i = index.get(name);
    if (i === undefined) {
      i = names.length;
      index.set(name, i);
      names.push(name);
    }
    return i;
  };
  const src = new Int32Array(edges.length);
  const dst = new Int32Array(edges.length);
  const weight = new Float64Array(edges.length);
  edges.forEach((e, k) => {
    src[k] = at(e.source);
    dst[k] = at(e.target);
    weight[k] = e.weight ?? 1;
  });
  return { graph: { nodeCount: names.length, src, dst, weight }, names };
}
