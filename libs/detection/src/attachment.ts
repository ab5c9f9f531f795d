import { splitDisconnected } from './communities';
import type { Projection } from './projection';

/**
 * Shops loosely attached to a network. A warehouse, a returns centre or a building serves the ring's
 * shops and, just as well, honest customers of the same logistics firm; a recycled phone number can
 * tie a stranger to one ring shop. Community detection puts such a shop in the ring's cluster when its
 * only links lead there. A member is loosely attached when no strong identifier (payout account,
 * device, identity document) ties it to another member, and either every link it has into the
 * cluster is an address or it has a single link into the cluster. Such a member stays only if it
 * trades like the network itself (`showsSigns`: deep discounts or counterfeit reports); otherwise it is detached, and the cluster is what remains, split into its
 * connected parts (singletons are not clusters).
 */
export function detachLoose(projection: Projection, clusters: readonly number[][], showsSigns: (shop: number) => boolean): number[][] {
  const { graph, beyondAddress, strong } = projection;
  const n = graph.nodeCount;
  const membership = new Int32Array(n).fill(-1);
  clusters.forEach((members, c) => members.forEach((v) => (membership[v] = c)));
  const strongTie = new Uint8Array(n);
  const otherTie = new Uint8Array(n);
  const inside = new Int32Array(n);
  for (let e = 0; e < graph.src.length; e++) {
    const a = graph.src[e]!;
    const b = graph.dst[e]!;
    if (membership[a]! < 0 || membership[a] !== membership[b]) continue;
    inside[a]!++;
    inside[b]!++;
    if (strong[e]) strongTie[a] = strongTie[b] = 1;
    if (beyondAddress[e]) otherTie[a] = otherTie[b] = 1;
  }
  const tied = (v: number) => strongTie[v] === 1 || (otherTie[v] === 1 && inside[v]! >= 2);
  const kept = new Int32Array(n).fill(-1);
  let changed = false;
  clusters.forEach((members, c) => {
    for (const v of members) {
      if (tied(v) || showsSigns(v)) kept[v] = c;
      else changed = true;
    }
  });
  if (!changed) return clusters.map((members) => [...members]);

  // What remains of each cluster, in connected parts; detached shops and shops in no cluster (−1) are no part.
  return splitDisconnected(graph, kept)
    .filter((part) => kept[part[0]!]! >= 0 && part.length >= 2)
    .map((part) => part.sort((a, b) => a - b));
}
