import { detectCommunities } from './communities';
import { detectorFor } from './engines';
import type { WeightedGraph } from './graph';
import { DETECTION_DEFAULTS, type DetectionParams } from './params';

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

/** A partition of a named edge list: every node in a cluster (singletons included). */
export interface EdgeListPartition {
  readonly names: string[];
  /** Cluster per node, in the order of `names`. */
  readonly membership: Int32Array;
  readonly clusters: number;
  readonly edges: number;
  readonly modularity: number;
  /** The engine's own name (e.g. ringwatch-louvain). */
  readonly engine: string;
}

/**
 * The edge-list mode of `npm run detect -- --edges g.tsv --out p.tsv`: named edges to a partition, with
 * the run's engine, resolution, seed and threads (the defaults are the configuration's).
 */
export function detectEdgeList(
  edges: readonly { source: string; target: string; weight?: number }[],
  params: Partial<Pick<DetectionParams, 'engine' | 'resolution' | 'seed' | 'threads'>> = {},
): EdgeListPartition {
  const { engine, resolution, seed, threads } = { ...DETECTION_DEFAULTS, ...params };
  const detector = detectorFor(engine);
  const { graph, names } = graphFromNamedEdges(edges);
  const result = detectCommunities(graph, { detector, resolution, seed, threads, minClusterSize: 1 });
  return {
    names,
    membership: result.membership,
    clusters: result.clusters.length,
    edges: graph.src.length,
    modularity: result.modularity,
    engine: detector.name,
  };
}

/** The partition as the edge-list mode writes it: a comment line, then `node<TAB>cluster` per node. */
export function formatPartition(partition: EdgeListPartition): string {
  const lines = partition.names.map((name, v) => `${name}\t${partition.membership[v]}`);
  return `# node\tcluster (engine ${partition.engine}, modularity ${partition.modularity.toFixed(6)})\n${lines.join('\n')}\n`;
}
