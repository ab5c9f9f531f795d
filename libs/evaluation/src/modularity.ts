import { graphFromNamedEdges, modularityOf } from '@ringwatch/detection';

/**
 * Newman–Girvan modularity of a partition given by labels, for graphs given as named edges (the public
 * datasets). One implementation (libs/community quality.ts, through detection's modularityOf) serves the
 * engine, detection and evaluation: this adapts names to it.
 */
export function modularity(
  edges: readonly { readonly source: string; readonly target: string; readonly weight?: number }[],
  membership: ReadonlyMap<string, string | number>,
  resolution = 1,
): number {
  const { graph, names } = graphFromNamedEdges(edges);
  const labels = new Map<string | number, number>();
  const communities = Int32Array.from(names, (name) => {
    const label = membership.get(name);
    if (label === undefined) throw new Error(`evaluation: node ${name} has no community`);
    let c = labels.get(label);
    if (c === undefined) labels.set(label, (c = labels.size));
    return c;
  });
  return modularityOf(graph, communities, resolution);
}
