import { aggregateRange, type AggregateJob } from './aggregate-range';
import type { Level } from './level';
import type { SecondThread } from './parallel';

/**
 * Collapses each group of nodes into one node of the next level. With a second thread the groups are
 * split in two halves of about equal edge count, one collapsed on each thread.
 */
export function aggregate(level: Level, group: Int32Array, groups: number, second?: SecondThread): Level {
  const { n } = level;
  // Members of each group, by counting sort.
  const start = new Int32Array(second ? new SharedArrayBuffer((groups + 1) * 4) : new ArrayBuffer((groups + 1) * 4));
  for (let v = 0; v < n; v++) start[group[v]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const members = new Int32Array(second ? new SharedArrayBuffer(n * 4) : new ArrayBuffer(n * 4));
  const fill = start.slice(0, groups);
  for (let v = 0; v < n; v++) members[fill[group[v]!]!++] = v;
  const job: AggregateJob = {
    offsets: level.offsets,
    targets: level.targets,
    weights: level.weights,
    nodeWeight: level.nodeWeight,
    selfWeight: level.selfWeight,
    group,
    groups,
    start,
    members,
  };
  if (!second || groups < 2) {
    const rows = aggregateRange(job, 0, groups);
    return { n: groups, ...rows };
  }
  const [a, b] = second.aggregate(job);
  const split = a.nodeWeight.length;
  const entries = a.targets.length + b.targets.length;
  const offsets = new Int32Array(groups + 1);
  offsets.set(a.offsets);
  for (let g = 1; g <= groups - split; g++) offsets[split + g] = a.targets.length + b.offsets[g]!;
  const targets = new Int32Array(entries);
  targets.set(a.targets);
  targets.set(b.targets, a.targets.length);
  const weights = new Float64Array(entries);
  weights.set(a.weights);
  weights.set(b.weights, a.weights.length);
  const nodeWeight = new Float64Array(groups);
  nodeWeight.set(a.nodeWeight);
  nodeWeight.set(b.nodeWeight, split);
  const selfWeight = new Float64Array(groups);
  selfWeight.set(a.selfWeight);
  selfWeight.set(b.selfWeight, split);
  return { n: groups, offsets, targets, weights, nodeWeight, selfWeight };
}
