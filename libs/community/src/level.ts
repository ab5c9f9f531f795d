import type { CsrGraph } from './csr';
import { inputNodeWeight, type Quality } from './quality';

/** One level of the engine: the input graph, or the graph of the previous level's groups collapsed. */
export interface Level {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  /** Node weight in the quality function: degree (modularity) or number of original nodes (CPM). */
  readonly nodeWeight: Float64Array;
  /**
   * Weight inside each node, counted from both ends (an edge between two merged nodes twice, a loop of
   * the input twice): what the node adds to its community's internal weight. Aggregated levels keep it
   * here instead of as a loop, which local moving would only have to skip.
   */
  readonly selfWeight: Float64Array;
}

/** The input graph as the finest level. */
export function inputLevel(graph: CsrGraph, quality: Quality, shared: boolean): Level {
  const n = graph.nodeCount;
  return {
    n,
    offsets: graph.offsets,
    targets: graph.targets,
    weights: graph.weights,
    nodeWeight: inputNodeWeight(graph, quality),
    // The input's loops stay in its rows; quality and aggregation count them there.
    selfWeight: shared ? new Float64Array(new SharedArrayBuffer(n * 8)) : new Float64Array(n),
  };
}

/** Visiting orders shuffle at most this many blocks of consecutive ids (see the note in louvain.ts). */
const ORDER_BLOCKS = 4096;

/** Nodes lo..hi-1 in blocks of consecutive ids, the blocks in seeded random order. */
export function visitingOrder(lo: number, hi: number, rng: () => number): Int32Array {
  const n = hi - lo;
  const blockSize = Math.max(1, Math.floor(n / ORDER_BLOCKS));
  const blocks = Math.ceil(n / blockSize);
  const blockOrder = new Int32Array(blocks);
  for (let i = 0; i < blocks; i++) blockOrder[i] = i;
  for (let i = blocks - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = blockOrder[i]!;
    blockOrder[i] = blockOrder[j]!;
    blockOrder[j] = t;
  }
  const order = new Int32Array(n);
  let k = 0;
  for (let b = 0; b < blocks; b++) {
    for (let v = lo + blockOrder[b]! * blockSize, end = Math.min(hi, v + blockSize); v < end; v++) order[k++] = v;
  }
  return order;
}
