import type { CsrGraph } from './csr';

/**
 * The one place where the quality of a partition is computed, for the engine, detection and evaluation:
 * - modularity with a resolution γ (Newman & Girvan 2004; γ as in Reichardt & Bornholdt 2006):
 *   Q = Σ_c [ I_c / 2m − γ (K_c / 2m)² ], with I_c the weight inside c counted from both ends, K_c the
 *   sum of its nodes' weighted degrees and m the total edge weight;
 * - the constant Potts model (CPM, Traag, Van Dooren & Nesterov 2011, as used by Traag, Waltman & van
 *   Eck 2019): H = Σ_c [ I_c / 2 − γ n_c² / 2 ], with n_c the number of nodes (original nodes on an
 *   aggregated level), so a group is worth keeping when its density exceeds γ whatever the graph around.
 * Two ways in share the formula: rows (a CSR graph, or a level of the engine, whose nodes stand for
 * groups of input nodes) and flat edge arrays.
 */

export type Quality = 'modularity' | 'cpm';

/** Rows of a graph whose nodes carry a weight in the quality function (see Level in level.ts). */
export interface QualityRows {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  /** Degree (modularity) or number of original nodes (CPM). */
  readonly nodeWeight: Float64Array;
  /** Weight inside each node, counted from both ends; absent on the input graph. */
  readonly selfWeight?: Float64Array;
}

/** A weighted undirected graph as flat arrays: edge i joins src[i] and dst[i] (weight 1 when absent). */
export interface EdgeArrays {
  readonly nodeCount: number;
  readonly src: ArrayLike<number>;
  readonly dst: ArrayLike<number>;
  readonly weight?: ArrayLike<number>;
}

/** Each node's weight in the quality function on the input graph. */
export function inputNodeWeight(graph: CsrGraph, quality: Quality): Float64Array {
  return quality === 'modularity' ? graph.degree : new Float64Array(graph.nodeCount).fill(1);
}

/** The formula, from each community's internal weight (from both ends) and total node weight. */
function fromSums(internal: Float64Array, total: Float64Array, quality: Quality, resolution: number, totalWeight: number): number {
  let q = 0;
  const m = totalWeight;
  for (let c = 0; c < internal.length; c++) {
    if (quality === 'modularity') {
      if (m > 0) q += internal[c]! / (2 * m) - resolution * (total[c]! / (2 * m)) ** 2;
    } else {
      q += internal[c]! / 2 - (resolution * total[c]! * total[c]!) / 2;
    }
  }
  return q;
}

/**
 * Quality of grouping the rows' nodes into `part` (labels 0..parts-1): on an aggregated level it equals
 * the quality on the input graph of the membership it stands for, at the cost of the level's edges
 * rather than the input's.
 */
export function rowsQuality(rows: QualityRows, part: Int32Array, parts: number, quality: Quality, resolution: number, totalWeight: number): number {
  const { n, offsets, targets, weights, nodeWeight, selfWeight } = rows;
  const internal = new Float64Array(parts);
  const total = new Float64Array(parts);
  for (let v = 0; v < n; v++) {
    const p = part[v]!;
    total[p]! += nodeWeight[v]!;
    let inside = selfWeight ? selfWeight[v]! : 0;
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const u = targets[e]!;
      if (part[u] === p) inside += u === v ? 2 * weights[e]! : weights[e]!;
    }
    internal[p]! += inside;
  }
  return fromSums(internal, total, quality, resolution, totalWeight);
}

/** Modularity (with γ) or CPM quality of a membership (labels 0..count-1) on a CSR graph. */
export function qualityOf(graph: CsrGraph, membership: Int32Array, quality: Quality = 'modularity', resolution = 1): number {
  let communities = 0;
  for (let v = 0; v < graph.nodeCount; v++) if (membership[v]! + 1 > communities) communities = membership[v]! + 1;
  const rows: QualityRows = {
    n: graph.nodeCount,
    offsets: graph.offsets,
    targets: graph.targets,
    weights: graph.weights,
    nodeWeight: inputNodeWeight(graph, quality),
  };
  return rowsQuality(rows, membership, communities, quality, resolution, graph.totalWeight);
}

/**
 * Modularity (with γ) or CPM quality of a membership on flat edge arrays, without building rows. A node
 * labelled −1 is in no community: it counts as a community of its own.
 */
export function qualityOfEdges(graph: EdgeArrays, membership: ArrayLike<number>, quality: Quality = 'modularity', resolution = 1): number {
  const { nodeCount, src, dst, weight } = graph;
  let labelled = 0;
  for (let v = 0; v < nodeCount; v++) if (membership[v]! + 1 > labelled) labelled = membership[v]! + 1;
  const community = (v: number) => (membership[v]! >= 0 ? membership[v]! : labelled + v);
  const internal = new Float64Array(labelled + nodeCount);
  const total = new Float64Array(labelled + nodeCount);
  let m = 0;
  for (let e = 0; e < src.length; e++) {
    const w = weight === undefined ? 1 : weight[e]!;
    const a = community(src[e]!);
    const b = community(dst[e]!);
    m += w;
    if (quality === 'modularity') {
      total[a]! += w;
      total[b]! += w;
    }
    if (a === b) internal[a]! += 2 * w;
  }
  if (quality === 'cpm') for (let v = 0; v < nodeCount; v++) total[community(v)]! += 1;
  return fromSums(internal, total, quality, resolution, m);
}
