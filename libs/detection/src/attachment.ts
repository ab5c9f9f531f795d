import type { Projection } from './projection';

/**
 * Shops attached to a network only by addresses. A warehouse, a returns centre or a building serves
 * the ring's shops and, just as well, honest customers of the same logistics firm; community detection
 * puts such a customer in the ring's cluster when its only links lead there. A member whose every link
 * into its cluster is an address (no account, device, document, phone or email shared with any other
 * member) stays only if it shows the network's trade itself (`showsSigns`: deep discounts, counterfeit
 * reports, an opening in the network's burst). Otherwise it is detached, and the cluster is what
 * remains, split into its connected parts (singletons are not clusters).
 */
export function detachLoose(
  projection: Projection,
  clusters: readonly number[][],
  showsSigns: (shop: number, cluster: readonly number[]) => boolean,
): number[][] {
  const { graph, beyondAddress } = projection;
  const n = graph.nodeCount;
  const membership = new Int32Array(n).fill(-1);
  clusters.forEach((members, c) => members.forEach((v) => (membership[v] = c)));
  const tied = new Uint8Array(n);
  for (let e = 0; e < graph.src.length; e++) {
    const a = graph.src[e]!;
    const b = graph.dst[e]!;
    if (membership[a]! >= 0 && membership[a] === membership[b] && beyondAddress[e]) tied[a] = tied[b] = 1;
  }
  const kept = new Int32Array(n).fill(-1);
  let changed = false;
  clusters.forEach((members, c) => {
    for (const v of members) {
      if (tied[v] || showsSigns(v, members)) kept[v] = c;
      else changed = true;
    }
  });
  if (!changed) return clusters.map((members) => [...members]);

  // What remains of each cluster, in connected parts (union–find over the edges kept inside clusters).
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let e = 0; e < graph.src.length; e++) {
    const a = graph.src[e]!;
    const b = graph.dst[e]!;
    if (kept[a]! >= 0 && kept[a] === kept[b]) {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
  const parts = new Map<number, number[]>();
  for (const members of clusters) {
    for (const v of members) {
      if (kept[v]! < 0) continue;
      const r = find(v);
      const part = parts.get(r);
      if (part) part.push(v);
      else parts.set(r, [v]);
    }
  }
  return [...parts.values()]
    .filter((p) => p.length >= 2)
    .map((p) => p.sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!);
}
