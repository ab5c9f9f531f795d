import type { Level } from './level';

/**
 * Leiden's refinement phase (Traag, Waltman & van Eck 2019, Algorithm A.2, RefinePartition and
 * MergeNodesSubset): every community C found by local moving is split into well-connected
 * sub-communities. The refined partition starts from singletons; nodes are visited in `order` and a
 * node still alone in its sub-community, and well connected to the rest of C
 * (w(v, C − v) ≥ scale · a_v · (A_C − a_v)), may join a sub-community S of C that is itself well
 * connected (w(S, C − S) ≥ scale · A_S · (A_C − A_S)) when the gain ΔH = w(v, S) − scale · a_v · A_S is
 * not negative. The choice is random, S taken with probability ∝ exp(ΔH / θ) (staying alone is ΔH = 0):
 * a small θ is nearly greedy, and the randomness lets later iterations explore other partitions. Gains
 * are in edge-weight units (the same as local moving's), so with leidenalg's default θ = 0.01 a gain of
 * one unit of weight is e^100 times likelier than staying; ties are what the randomness decides.
 *
 * A node only ever joins a sub-community it has an edge to, within its own community, so every
 * sub-community is connected: aggregating on them keeps every later community connected (the paper's
 * guarantee). Returns each node's sub-community, labelled by a founding node.
 */
export function refineMerge(
  level: Level,
  comm: Int32Array,
  commWeight: Float64Array,
  scale: number,
  theta: number,
  order: Int32Array,
  rng: () => number,
): Int32Array {
  const { n, offsets, targets, weights, nodeWeight } = level;
  const refined = new Int32Array(n);
  const size = new Int32Array(n);
  const subWeight = new Float64Array(n);
  // w(v, C − v) for each node, then w(S, C − S) for each sub-community S (labelled by its founder).
  const nodeExternal = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    refined[v] = v;
    size[v] = 1;
    subWeight[v] = nodeWeight[v]!;
    const c = comm[v]!;
    let ext = 0;
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const u = targets[e]!;
      if (u !== v && comm[u] === c) ext += weights[e]!;
    }
    nodeExternal[v] = ext;
  }
  const subExternal = nodeExternal.slice();
  // Weight from the visited node to each sub-community next to it (zero again after every visit).
  const acc = new Float64Array(n);
  const list = new Int32Array(n);
  const chance = new Float64Array(n);
  for (let i = 0; i < order.length; i++) {
    const v = order[i]!;
    if (refined[v] !== v || size[v] !== 1) continue;
    const c = comm[v]!;
    const av = nodeWeight[v]!;
    const total = commWeight[c]!;
    if (nodeExternal[v]! < scale * av * (total - av)) continue;
    let count = 0;
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const u = targets[e]!;
      if (u === v || comm[u] !== c) continue;
      const s = refined[u]!;
      if (acc[s] === 0) list[count++] = s;
      acc[s]! += weights[e]!;
    }
    // Candidates: well-connected sub-communities with a gain ≥ 0; staying alone has gain 0.
    let best = 0;
    let candidates = 0;
    for (let j = 0; j < count; j++) {
      const s = list[j]!;
      const as = subWeight[s]!;
      const gain = acc[s]! - scale * av * as;
      if (gain >= 0 && subExternal[s]! >= scale * as * (total - as)) {
        list[candidates] = s;
        chance[candidates++] = gain;
        if (gain > best) best = gain;
      } else {
        acc[s] = 0;
      }
    }
    if (candidates === 0) continue;
    // Probabilities ∝ exp(gain / θ), shifted by the best gain so that nothing overflows.
    let sum = Math.exp(-best / theta);
    for (let j = 0; j < candidates; j++) sum += chance[j] = Math.exp((chance[j]! - best) / theta);
    let pick = rng() * sum - Math.exp(-best / theta);
    let target = v;
    for (let j = 0; j < candidates && pick >= 0; j++) {
      pick -= chance[j]!;
      if (pick < 0 || j === candidates - 1) target = list[j]!;
    }
    if (target !== v) {
      const w = acc[target]!;
      refined[v] = target;
      size[v] = 0;
      size[target]!++;
      subWeight[target]! += av;
      subExternal[target] = subExternal[target]! + nodeExternal[v]! - 2 * w;
    }
    for (let j = 0; j < candidates; j++) acc[list[j]!] = 0;
  }
  return refined;
}
