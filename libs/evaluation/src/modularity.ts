/** Newman–Girvan modularity of a partition of an undirected weighted graph, with a resolution γ. */
export function modularity(
  edges: readonly { readonly source: string; readonly target: string; readonly weight?: number }[],
  membership: ReadonlyMap<string, string | number>,
  resolution = 1,
): number {
  const strength = new Map<string | number, number>(); // community → sum of degrees
  const internal = new Map<string | number, number>(); // community → internal edge weight (each edge once)
  let m = 0;
  for (const e of edges) {
    const w = e.weight ?? 1;
    const a = membership.get(e.source);
    const b = membership.get(e.target);
    if (a === undefined || b === undefined) throw new Error(`evaluation: node ${a === undefined ? e.source : e.target} has no community`);
    m += w;
    strength.set(a, (strength.get(a) ?? 0) + w);
    strength.set(b, (strength.get(b) ?? 0) + w);
    if (a === b) internal.set(a, (internal.get(a) ?? 0) + w);
  }
  if (m === 0) return 0;
  let q = 0;
  for (const [c, s] of strength) q += (internal.get(c) ?? 0) / m - resolution * (s / (2 * m)) ** 2;
  return q;
}
