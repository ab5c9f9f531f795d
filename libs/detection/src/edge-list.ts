import { buildCsr, leiden, louvain, qualityOf, type Quality } from '@ringwatch/community';
import type { ParsedEdgeList } from './edge-file';
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

/** What the edge-list tool runs: one of our engines on the whole graph, as a graph library would. */
export interface EdgeListOptions {
  readonly engine: 'leiden' | 'louvain';
  readonly quality: Quality;
  /** γ: modularity's resolution, or the density a CPM community must exceed. */
  readonly resolution: number;
  readonly seed: number;
  readonly threads: 1 | 2;
}

/** A partition of a named edge list: every node in a community (singletons included). */
export interface EdgeListPartition {
  readonly names: string[];
  /** Community per node, in the order of `names`, numbered 0.. by first appearance. */
  readonly membership: Int32Array;
  readonly communities: number;
  readonly edges: number;
  /** Standard modularity Q (γ = 1) of the partition, whatever quality the engine optimised. */
  readonly modularity: number;
  /** The quality function the engine optimised, its γ and its value for the partition. */
  readonly objective: { readonly quality: Quality; readonly resolution: number; readonly value: number };
  /** The engine's own name (ringwatch-leiden or ringwatch-louvain). */
  readonly engine: string;
}

/**
 * The edge-list mode of `npm run detect -- --edges g.tsv --out p.tsv`: the chosen engine on the whole
 * graph (not per connected component, as the marketplace pipeline does), so its figures compare with a
 * graph library's.
 */
export function detectEdgeList(edges: Pick<ParsedEdgeList, 'names' | 'src' | 'dst' | 'weight'>, options: EdgeListOptions): EdgeListPartition {
  const { engine, quality, resolution, seed, threads } = options;
  const n = edges.names.length;
  const csr = buildCsr(n, edges.src, edges.dst, edges.weight, { shared: threads === 2 });
  const run = engine === 'leiden' ? leiden : louvain;
  const result = run(csr, { quality, resolution, seed, threads });
  return {
    names: edges.names,
    membership: result.membership,
    communities: result.count,
    edges: edges.src.length,
    modularity: qualityOf(csr, result.membership, 'modularity', 1),
    objective: { quality, resolution, value: result.quality },
    engine: `ringwatch-${engine}`,
  };
}

/** The partition as the edge-list mode writes it: a comment line, then `node<TAB>community` per node. */
export function formatPartition(partition: EdgeListPartition): string {
  const lines = partition.names.map((name, v) => `${name}\t${partition.membership[v]}`);
  const { quality, resolution, value } = partition.objective;
  return `# node\tcommunity (engine ${partition.engine}; modularity Q ${partition.modularity.toFixed(6)} (γ = 1); optimised ${quality} γ = ${resolution}: ${value.toFixed(6)})\n${lines.join('\n')}\n`;
}
