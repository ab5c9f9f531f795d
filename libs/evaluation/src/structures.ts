import type { TruthRow } from './io';

/**
 * Detection quality per structure of the world: for each kind of ring, how many were found whole and
 * flagged; for each kind of legitimate sharing, how many honest shops and legitimate groups a flagged
 * cluster caught. A flagged honest group is the expensive mistake (a bulk shutdown hits every shop in a
 * cluster), so it is counted per group: one member in a flagged cluster flags the group.
 */

export interface StructureInput {
  readonly truth: ReadonlyMap<string, TruthRow>;
  /** shop → cluster id, for shops in a reported cluster. */
  readonly clusters: ReadonlyMap<string, string>;
  readonly flagged: ReadonlySet<string>;
}

export interface RingStructureRow {
  readonly structure: string;
  readonly rings: number;
  readonly shops: number;
  /** Ring shops that share something with their ring (all but role ring_isolated). */
  readonly detectableShops: number;
  /** Rings whose detectable shops are all in one cluster. */
  readonly whole: number;
  /** Whole rings whose cluster is flagged. */
  readonly wholeFlagged: number;
  /** Rings whose detectable shops are in one cluster, but not all of them (the others in none). */
  readonly partial: number;
  /** Rings whose clustered detectable shops lie in two or more clusters. */
  readonly split: number;
  /** Rings with no detectable shop in any cluster. */
  readonly unclustered: number;
  /** Ring shops (isolated ones included) in flagged clusters. */
  readonly flaggedShops: number;
}

export interface HonestStructureRow {
  readonly structure: string;
  readonly shops: number;
  /** Honest shops in flagged clusters. */
  readonly flaggedShops: number;
  /** Legitimate groups (shops with a group id); independent shops have none. */
  readonly groups: number;
  /** Groups with at least one member in a flagged cluster. */
  readonly flaggedGroups: number;
}

export interface StructureReport {
  readonly rings: readonly RingStructureRow[];
  readonly honest: readonly HonestStructureRow[];
  readonly ringTotal: RingStructureRow;
  readonly honestTotal: HonestStructureRow;
}

const ROLE_ISOLATED = 'ring_isolated';
/** The structure name of shops whose truth names none. */
export const UNNAMED_RING_STRUCTURE = 'ring';
export const UNNAMED_HONEST_STRUCTURE = 'honest';

interface RingAcc {
  structure: string;
  shops: number;
  detectable: number;
  flaggedShops: number;
  clusters: Set<string>;
  unclusteredDetectable: number;
}

export function evaluateStructures(input: StructureInput): StructureReport {
  const rings = new Map<string, RingAcc>();
  const honest = new Map<string, { shops: number; flaggedShops: number; groups: Set<string>; flaggedGroups: Set<string> }>();

  for (const [shop, row] of input.truth) {
    const cluster = input.clusters.get(shop);
    const isFlagged = cluster !== undefined && input.flagged.has(cluster);
    if (row.ring !== null) {
      const acc = rings.get(row.ring) ?? {
        structure: row.structure ?? UNNAMED_RING_STRUCTURE,
        shops: 0,
        detectable: 0,
        flaggedShops: 0,
        clusters: new Set(),
        unclusteredDetectable: 0,
      };
      rings.set(row.ring, acc);
      acc.shops++;
      if (isFlagged) acc.flaggedShops++;
      if (row.role !== ROLE_ISOLATED) {
        acc.detectable++;
        if (cluster === undefined) acc.unclusteredDetectable++;
        else acc.clusters.add(cluster);
      }
    } else {
      const name = row.structure ?? UNNAMED_HONEST_STRUCTURE;
      const acc = honest.get(name) ?? { shops: 0, flaggedShops: 0, groups: new Set<string>(), flaggedGroups: new Set<string>() };
      honest.set(name, acc);
      acc.shops++;
      if (isFlagged) acc.flaggedShops++;
      if (row.group !== null) {
        acc.groups.add(row.group);
        if (isFlagged) acc.flaggedGroups.add(row.group);
      }
    }
  }

  const ringRows = new Map<string, RingStructureRow>();
  for (const ring of rings.values()) {
    const prev = ringRows.get(ring.structure) ?? emptyRingRow(ring.structure);
    const [clusterId] = ring.clusters;
    const whole = ring.detectable > 0 && ring.unclusteredDetectable === 0 && ring.clusters.size === 1;
    ringRows.set(ring.structure, {
      structure: ring.structure,
      rings: prev.rings + 1,
      shops: prev.shops + ring.shops,
      detectableShops: prev.detectableShops + ring.detectable,
      whole: prev.whole + (whole ? 1 : 0),
      wholeFlagged: prev.wholeFlagged + (whole && input.flagged.has(clusterId!) ? 1 : 0),
      partial: prev.partial + (ring.clusters.size === 1 && ring.unclusteredDetectable > 0 ? 1 : 0),
      split: prev.split + (ring.clusters.size > 1 ? 1 : 0),
      unclustered: prev.unclustered + (ring.detectable > 0 && ring.clusters.size === 0 ? 1 : 0),
      flaggedShops: prev.flaggedShops + ring.flaggedShops,
    });
  }
  const honestRows: HonestStructureRow[] = [...honest].map(([structure, acc]) => ({
    structure,
    shops: acc.shops,
    flaggedShops: acc.flaggedShops,
    groups: acc.groups.size,
    flaggedGroups: acc.flaggedGroups.size,
  }));

  const byName = <T extends { structure: string }>(a: T, b: T) => (a.structure < b.structure ? -1 : a.structure > b.structure ? 1 : 0);
  const ringList = [...ringRows.values()].sort(byName);
  honestRows.sort(byName);
  return {
    rings: ringList,
    honest: honestRows,
    ringTotal: ringList.reduce(addRingRows, emptyRingRow('all rings')),
    honestTotal: honestRows.reduce(
      (a, r) => ({
        structure: a.structure,
        shops: a.shops + r.shops,
        flaggedShops: a.flaggedShops + r.flaggedShops,
        groups: a.groups + r.groups,
        flaggedGroups: a.flaggedGroups + r.flaggedGroups,
      }),
      { structure: 'all honest', shops: 0, flaggedShops: 0, groups: 0, flaggedGroups: 0 },
    ),
  };
}

function emptyRingRow(structure: string): RingStructureRow {
  return { structure, rings: 0, shops: 0, detectableShops: 0, whole: 0, wholeFlagged: 0, partial: 0, split: 0, unclustered: 0, flaggedShops: 0 };
}

function addRingRows(a: RingStructureRow, r: RingStructureRow): RingStructureRow {
  return {
    structure: a.structure,
    rings: a.rings + r.rings,
    shops: a.shops + r.shops,
    detectableShops: a.detectableShops + r.detectableShops,
    whole: a.whole + r.whole,
    wholeFlagged: a.wholeFlagged + r.wholeFlagged,
    partial: a.partial + r.partial,
    split: a.split + r.split,
    unclustered: a.unclustered + r.unclustered,
    flaggedShops: a.flaggedShops + r.flaggedShops,
  };
}
