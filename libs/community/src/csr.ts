/**
 * Compressed sparse rows of an undirected weighted graph: the neighbours of v are
 * targets[offsets[v] .. offsets[v+1]), each undirected edge stored in both directions (a self-loop once).
 * Built from flat arrays in two counting passes; no per-edge objects.
 */
export interface CsrGraph {
  readonly nodeCount: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  /** Weighted degree k_v (a self-loop counts twice, as in modularity). */
  readonly degree: Float64Array;
  /** Total edge weight m (each undirected edge once). */
  readonly totalWeight: number;
}

export class CommunityInputError extends Error {
  constructor(message: string) {
    super(`community: ${message}`);
    this.name = 'CommunityInputError';
  }
}

export interface CsrOptions {
  /** Allocate the arrays in shared memory, so a two-thread louvain() does not copy them. */
  readonly shared?: boolean;
}

export function buildCsr(nodeCount: number, src: ArrayLike<number>, dst: ArrayLike<number>, weight?: ArrayLike<number>, options: CsrOptions = {}): CsrGraph {
  const edgeCount = src.length;
  if (dst.length !== edgeCount || (weight !== undefined && weight.length !== edgeCount))
    throw new CommunityInputError('src, dst and weight must have the same length');
  if (!Number.isInteger(nodeCount) || nodeCount < 0) throw new CommunityInputError('nodeCount must be a whole number >= 0');
  const counts = new Int32Array(nodeCount + 1);
  let totalWeight = 0;
  for (let e = 0; e < edgeCount; e++) {
    const a = src[e]!;
    const b = dst[e]!;
    if (!(a >= 0 && a < nodeCount && b >= 0 && b < nodeCount)) throw new CommunityInputError(`edge ${e} joins ${a} and ${b}, outside 0..${nodeCount - 1}`);
    const w = weight === undefined ? 1 : weight[e]!;
    if (!(w > 0) || !Number.isFinite(w)) throw new CommunityInputError(`edge ${e} has weight ${w}; weights must be positive and finite`);
    counts[a + 1]!++;
    if (a !== b) counts[b + 1]!++;
    totalWeight += w;
  }
  for (let v = 0; v < nodeCount; v++) counts[v + 1]! += counts[v]!;
  const offsets = options.shared ? new Int32Array(new SharedArrayBuffer(counts.byteLength)) : counts;
  if (options.shared) offsets.set(counts);
  const fill = offsets.slice(0, nodeCount);
  const entries = offsets[nodeCount]!;
  const targets = options.shared ? new Int32Array(new SharedArrayBuffer(entries * 4)) : new Int32Array(entries);
  const weights = options.shared ? new Float64Array(new SharedArrayBuffer(entries * 8)) : new Float64Array(entries);
  const degree = options.shared ? new Float64Array(new SharedArrayBuffer(nodeCount * 8)) : new Float64Array(nodeCount);
  for (let e = 0; e < edgeCount; e++) {
    const a = src[e]!;
    const b = dst[e]!;
    const w = weight === undefined ? 1 : weight[e]!;
    let i = fill[a]!++;
    targets[i] = b;
    weights[i] = w;
    if (a !== b) {
      i = fill[b]!++;
      targets[i] = a;
      weights[i] = w;
      degree[a]! += w;
      degree[b]! += w;
    } else {
      degree[a]! += 2 * w;
    }
  }
  return { nodeCount, offsets, targets, weights, degree, totalWeight };
}
