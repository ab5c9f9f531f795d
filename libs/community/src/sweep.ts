/** What one sweep of local moving reads and writes: plain typed arrays, so a worker thread can take them. */
export interface SweepArrays {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  readonly nodeWeight: Float64Array;
  /** Each node's community, as this thread sees it. */
  readonly view: Int32Array;
  /**
   * pair[2c+1] is the total of community c; pair[2c] the weight to c from a visited node whose row is
   * too long for the list below (zero again after every visit): side by side they share a cache line.
   */
  readonly pair: Float64Array;
  /** The communities next to the visited node, and the weight to each (at least as long as the longest row). */
  readonly neighList: Int32Array;
  readonly neighWeight: Float64Array;
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
 * The sweep is bound by memory latency, not arithmetic: on the 1M-node benchmark graph most of its time
 * went to the neighbours in other groups, each a random read of its community and a random
 * read-modify-write of that community's running weight. Two things keep those reads few:
 * - a short row (most rows of the finest level) sums its weights per community in a small list, which
 *   stays in the L1 cache, instead of in `pair`;
 * - a community's total is read only when the weight to it could beat the best gain so far: the gain
 *   is at most w(v, c), so a community reached by one stray edge is passed over unread.
 * Neither changes a choice: candidates are weighed in the same order and the skipped ones could not win.
 *
 * With two threads the other range is seen one sweep late, which allows one pathology: two singletons
 * on either side joining each other at once, for ever. As in Lu, Halappanavar and Kalyanaraman
 * (Parallel Computing 2015), a singleton joins a singleton of the other range only when that one's label
 * is smaller. With one thread (lo = 0, hi = n) there is no other range and the rule never applies.
 *
 * Also the worker's source (Function.prototype.toString), so it uses nothing from the module scope.
 */
export function sweep(arrays: SweepArrays, order: Int32Array, lo: number, hi: number, scale: number): number {
  const { offsets, targets, weights, nodeWeight, view, pair, neighList, neighWeight, active, delta, wake } = arrays;
  // Rows up to this long are summed in the list: its linear search stays cheaper than a cache miss.
  const SHORT_ROW = 32;
  let moves = 0;
  for (let i = 0; i < order.length; i++) {
    const v = order[i]!;
    if (active[v] === 0) continue;
    active[v] = 0;
    const cv = view[v]!;
    const av = nodeWeight[v]!;
    const start = offsets[v]!;
    const end = offsets[v + 1]!;
    // Other communities next to v, in order of first appearance, with the weight to each.
    let count = 0;
    let own = 0;
    if (end - start <= SHORT_ROW) {
      for (let e = start; e < end; e++) {
        const u = targets[e]!;
        if (u === v) continue;
        const c = view[u]!;
        const w = weights[e]!;
        if (c === cv) {
          own += w;
          continue;
        }
        let j = 0;
        while (j < count && neighList[j] !== c) j++;
        if (j === count) {
          neighList[count] = c;
          neighWeight[count++] = w;
        } else {
          neighWeight[j]! += w;
        }
      }
    } else {
      for (let e = start; e < end; e++) {
        const u = targets[e]!;
        if (u === v) continue;
        const c2 = 2 * view[u]!;
        const w = pair[c2]!;
        // Weights are positive, so a zero means the community has not been seen in this visit.
        if (w === 0) neighList[count++] = c2 >> 1;
        pair[c2] = w + weights[e]!;
      }
      let others = 0;
      for (let j = 0; j < count; j++) {
        const c = neighList[j]!;
        const w = pair[2 * c]!;
        pair[2 * c] = 0;
        if (c === cv) own = w;
        else {
          neighList[others] = c;
          neighWeight[others++] = w;
        }
      }
      count = others;
    }
    const cv2 = 2 * cv;
    pair[cv2 + 1]! -= av;
    const alone = pair[cv2 + 1]! < av * 1e-9;
    let best = cv;
    let bestGain = own - scale * av * pair[cv2 + 1]!;
    for (let j = 0; j < count; j++) {
      const w = neighWeight[j]!;
      // The tolerance keeps floating-point noise from causing endless moves.
      if (!(w > bestGain + 1e-12)) continue;
      const c = neighList[j]!;
      const total = pair[2 * c + 1]!;
      const gain = w - scale * av * total;
      if (gain > bestGain + 1e-12) {
        if (alone && c > cv && (c < lo || c >= hi) && view[c] === c && total === nodeWeight[c]) continue;
        bestGain = gain;
        best = c;
      }
    }
    pair[2 * best + 1]! += av;
    if (best !== cv) {
      if (delta !== null) {
        delta[cv]! -= av;
        delta[best]! += av;
      }
      view[v] = best;
      moves++;
      for (let e = start; e < end; e++) {
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
