/** What one sweep of local moving reads and writes: plain typed arrays, so a worker thread can take them. */
export interface SweepArrays {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  readonly nodeWeight: Float64Array;
  /** Each node's community, as this thread sees it. */
  readonly view: Int32Array;
  /**
   * pair[2c] is the weight from the visited node to community c (zero again after every visit),
   * pair[2c+1] the total of c: side by side they share a cache line, one memory miss fewer for each
   * community a node is weighed against.
   */
  readonly pair: Float64Array;
  readonly neighList: Int32Array;
  /** Nodes of this thread's range still to visit; a node is flagged again when a neighbour moves away. */
  readonly active: Uint8Array;
  /** With two threads: this thread's changes to the totals, and flags for the other range's nodes. */
  readonly delta: Float64Array | null;
  readonly wake: Uint8Array | null;
}

/**
 * One sweep of local moving over `order` (nodes of the range lo..hi-1): each flagged node moves to the
 * neighbouring community with the best gain w(v, c) − scale · a_v · A_c, and the neighbours it may have
 * unsettled are flagged. Returns the number of moves.
 *
 * With two threads the other range is seen one sweep late, which allows one pathology: two singletons
 * on either side joining each other at once, for ever. As in Lu, Halappanavar and Kalyanaraman
 * (Parallel Computing 2015), a singleton joins a singleton of the other range only when that one's label
 * is smaller. With one thread (lo = 0, hi = n) there is no other range and the rule never applies.
 *
 * Also the worker's source (Function.prototype.toString), so it uses nothing from the module scope.
 */
export function sweep(arrays: SweepArrays, order: Int32Array, lo: number, hi: number, scale: number): number {
  const { offsets, targets, weights, nodeWeight, view, pair, neighList, active, delta, wake } = arrays;
  let moves = 0;
  for (let i = 0; i < order.length; i++) {
    const v = order[i]!;
    if (active[v] === 0) continue;
    active[v] = 0;
    const cv = view[v]!;
    const av = nodeWeight[v]!;
    let count = 0;
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const u = targets[e]!;
      if (u === v) continue;
      const c2 = 2 * view[u]!;
      const w = pair[c2]!;
      // Weights are positive, so a zero means the community has not been seen in this visit.
      if (w === 0) neighList[count++] = c2;
      pair[c2] = w + weights[e]!;
    }
    const cv2 = 2 * cv;
    pair[cv2 + 1]! -= av;
    const alone = pair[cv2 + 1]! < av * 1e-9;
    let best2 = cv2;
    let bestGain = pair[cv2]! - scale * av * pair[cv2 + 1]!;
    for (let j = 0; j < count; j++) {
      const c2 = neighList[j]!;
      const gain = pair[c2]! - scale * av * pair[c2 + 1]!;
      pair[c2] = 0;
      // The tolerance keeps floating-point noise from causing endless moves.
      if (gain > bestGain + 1e-12) {
        const c = c2 >> 1;
        if (alone && c > cv && (c < lo || c >= hi) && view[c] === c && pair[c2 + 1] === nodeWeight[c]) continue;
        bestGain = gain;
        best2 = c2;
      }
    }
    pair[cv2] = 0;
    pair[best2 + 1]! += av;
    const best = best2 >> 1;
    if (best !== cv) {
      if (delta !== null) {
        delta[cv]! -= av;
        delta[best]! += av;
      }
      view[v] = best;
      moves++;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const u = targets[e]!;
        if (view[u] !== best) {
          if (u >= lo && u < hi) active[u] = 1;
          else wake![u] = 1;
        }
      }
    }
  }
  return moves;
}
