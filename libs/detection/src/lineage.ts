/**
 * Stable cluster identities across runs. A cluster keeps the id of the previous cluster it mostly
 * continues (at least half of each is the other), so analysts' work on it carries over; every run
 * also says what happened: new, grown, shrunk, unchanged, merged, split, dissolved.
 */

export interface PreviousCluster {
  readonly id: string;
  readonly members: readonly string[];
}

export type LineageType = 'new' | 'grown' | 'shrunk' | 'unchanged' | 'merged' | 'split' | 'dissolved';

export interface LineageEvent {
  readonly type: LineageType;
  /** The current cluster's id (the previous one's for "dissolved"). */
  readonly clusterId: string;
  /** Previous clusters it came from. */
  readonly from: readonly string[];
  readonly sizeBefore: number;
  readonly sizeAfter: number;
}

export interface Lineage {
  readonly ids: string[];
  readonly events: LineageEvent[];
}

export function assignStableIds(
  previous: readonly PreviousCluster[],
  current: readonly (readonly string[])[],
  newId: (index: number) => string,
  minShare = 0.5,
): Lineage {
  const prevOf = new Map<string, string>();
  const prevSize = new Map<string, number>();
  for (const p of previous) {
    prevSize.set(p.id, p.members.length);
    for (const m of p.members) prevOf.set(m, p.id);
  }
  const overlaps = current.map((members) => {
    const counts = new Map<string, number>();
    for (const m of members) {
      const p = prevOf.get(m);
      if (p !== undefined) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    return counts;
  });

  // Greedy by overlap: the strongest continuations claim their ids first.
  const candidates: { c: number; p: string; overlap: number }[] = [];
  overlaps.forEach((counts, c) => {
    for (const [p, overlap] of counts) {
      if (overlap >= minShare * current[c]!.length && overlap >= minShare * prevSize.get(p)!) candidates.push({ c, p, overlap });
    }
  });
  candidates.sort((a, b) => b.overlap - a.overlap || a.p.localeCompare(b.p) || a.c - b.c);
  const ids: (string | null)[] = current.map(() => null);
  const claimed = new Set<string>();
  for (const { c, p } of candidates) {
    if (ids[c] !== null || claimed.has(p)) continue;
    ids[c] = p;
    claimed.add(p);
  }

  const events: LineageEvent[] = [];
  const finalIds = ids.map((id, c) => id ?? newId(c));
  overlaps.forEach((counts, c) => {
    const size = current[c]!.length;
    // Previous clusters this one took at least half of.
    const absorbed = [...counts]
      .filter(([p, o]) => o >= minShare * prevSize.get(p)!)
      .map(([p]) => p)
      .sort();
    const kept = ids[c] ?? null;
    let type: LineageType;
    if (absorbed.length >= 2) type = 'merged';
    else if (kept !== null) {
      const before = prevSize.get(kept)!;
      type = size > before ? 'grown' : size < before ? 'shrunk' : counts.get(kept) === size ? 'unchanged' : 'grown';
    } else {
      const main = [...counts].sort((a, b) => b[1] - a[1])[0];
      type = main !== undefined && main[1] >= minShare * size ? 'split' : 'new';
    }
    const from = type === 'split' ? [[...counts].sort((a, b) => b[1] - a[1])[0]![0]] : kept !== null ? [...new Set([kept, ...absorbed])].sort() : absorbed;
    events.push({ type, clusterId: finalIds[c]!, from, sizeBefore: kept !== null ? prevSize.get(kept)! : 0, sizeAfter: size });
  });
  const continued = new Set(events.flatMap((e) => e.from));
  for (const p of previous) {
    if (!continued.has(p.id)) events.push({ type: 'dissolved', clusterId: p.id, from: [p.id], sizeBefore: p.members.length, sizeAfter: 0 });
  }
  return { ids: finalIds, events };
}
