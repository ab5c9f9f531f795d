/*
 * The kernel of collapsing a level over a range of nodes. It imports nothing, and the worker of parallel.ts is
 * built from its source text, so the drivers (and the worker) depend on it and never the reverse.
 */

/** What collapsing groups of a level's nodes needs; plain arrays, so a worker thread can take it. */
export interface AggregateJob {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  readonly nodeWeight: Float64Array;
  readonly selfWeight: Float64Array;
  readonly group: Int32Array;
  readonly groups: number;
  /** Members of group g are members[start[g] .. start[g+1]). */
  readonly start: Int32Array;
  readonly members: Int32Array;
}

export interface AggregatedRows {
  /** Row offsets of groups lo..hi-1, from 0. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  readonly nodeWeight: Float64Array;
  readonly selfWeight: Float64Array;
}

/**
 * The rows of groups lo..hi-1 of the next level: edges between groups summed, the weight inside a group
 * added to its selfWeight (a loop of the input counts twice, as in modularity). Also the worker's
 * source (Function.prototype.toString), so it uses nothing from the module scope.
 */
export function aggregateRange(job: AggregateJob, lo: number, hi: number): AggregatedRows {
  const { offsets, targets, weights, nodeWeight, selfWeight, group, groups, start, members } = job;
  const acc = new Float64Array(groups);
  const list = new Int32Array(groups);
  const rows = hi - lo;
  const newOffsets = new Int32Array(rows + 1);
  let newTargets = new Int32Array(Math.max(16, Math.min(targets.length, rows * 4)));
  let newWeights = new Float64Array(newTargets.length);
  const newNodeWeight = new Float64Array(rows);
  const newSelfWeight = new Float64Array(rows);
  let out = 0;
  for (let g = lo; g < hi; g++) {
    let count = 0;
    let inside = 0;
    let weight = 0;
    for (let i = start[g]!; i < start[g + 1]!; i++) {
      const v = members[i]!;
      weight += nodeWeight[v]!;
      inside += selfWeight[v]!;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const t = targets[e]!;
        const h = group[t]!;
        if (h === g) {
          inside += t === v ? 2 * weights[e]! : weights[e]!;
          continue;
        }
        // Weights are positive: zero means not seen yet for this group.
        if (acc[h] === 0) list[count++] = h;
        acc[h]! += weights[e]!;
      }
    }
    if (out + count > newTargets.length) {
      const grown = Math.max(newTargets.length * 2, out + count);
      const t = new Int32Array(grown);
      t.set(newTargets.subarray(0, out));
      const w = new Float64Array(grown);
      w.set(newWeights.subarray(0, out));
      newTargets = t;
      newWeights = w;
    }
    for (let i = 0; i < count; i++) {
      const h = list[i]!;
      newTargets[out] = h;
      newWeights[out] = acc[h]!;
      out++;
      acc[h] = 0;
    }
    newOffsets[g - lo + 1] = out;
    newNodeWeight[g - lo] = weight;
    newSelfWeight[g - lo] = inside;
  }
  return { offsets: newOffsets, targets: newTargets.slice(0, out), weights: newWeights.slice(0, out), nodeWeight: newNodeWeight, selfWeight: newSelfWeight };
}
