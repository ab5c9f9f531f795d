/**
 * Detection quality against planted truth. Shops without a ring in the truth, and shops in no
 * reported cluster, count as singletons (each its own class or cluster), which is what "not in a ring"
 * and "not in a cluster" mean.
 */

export interface EvaluationInput {
  /** shop → ring id, or null for an honest shop. Defines the universe of shops. */
  readonly truth: ReadonlyMap<string, string | null>;
  /** shop → cluster id, for shops in a reported cluster. */
  readonly clusters: ReadonlyMap<string, string>;
  /** Cluster ids flagged as risky. */
  readonly flagged?: ReadonlySet<string>;
  /** Rings smaller than this are left out of the per-ring recall (default 3). */
  readonly minRingSize?: number;
}

export interface EvaluationReport {
  readonly shops: number;
  readonly ringShops: number;
  readonly rings: number;
  readonly clusters: number;
  readonly ari: number;
  readonly nmi: number;
  readonly pairwise: { readonly precision: number; readonly recall: number; readonly f1: number };
  /** Per ring (of minRingSize or more): share of its shops inside its best-matching cluster. */
  readonly bestMatchRecall: { readonly mean: number; readonly median: number; readonly min: number; readonly fullyRecovered: number; readonly rings: number };
  /** Share of clustered shops that belong to their cluster's majority class (a ring, or "honest"). */
  readonly purity: number;
  readonly flagged: {
    readonly clusters: number;
    readonly shops: number;
    readonly precision: number;
    readonly recall: number;
    /** Flagged clusters that hold shops of two or more different rings. */
    readonly mixedRingClusters: number;
    readonly honestShops: number;
  };
}

const pairs = (k: number) => (k * (k - 1)) / 2;
const safeDiv = (a: number, b: number, empty = 1) => (b === 0 ? empty : a / b);

export function evaluate(input: EvaluationInput): EvaluationReport {
  const minRing = input.minRingSize ?? 3;
  const flagged = input.flagged ?? new Set<string>();
  const n = input.truth.size;

  const classSize = new Map<string, number>();
  const clusterSize = new Map<string, number>();
  const joint = new Map<string, Map<string, number>>(); // cluster → ring-or-honest → count
  let ringShops = 0;
  let singletonsBoth = 0; // honest and unclustered: a 1×1 cell each

  for (const [shop, ring] of input.truth) {
    const cluster = input.clusters.get(shop);
    if (ring !== null) {
      ringShops++;
      classSize.set(ring, (classSize.get(ring) ?? 0) + 1);
    }
    if (cluster !== undefined) clusterSize.set(cluster, (clusterSize.get(cluster) ?? 0) + 1);
    if (cluster === undefined && ring === null) {
      singletonsBoth++;
      continue;
    }
    if (cluster !== undefined) {
      const row = joint.get(cluster) ?? new Map<string, number>();
      joint.set(cluster, row);
      const key = ring ?? `\u0000honest:${shop}`;
      row.set(key, (row.get(key) ?? 0) + 1);
    }
  }
  // Clusters that name shops outside the truth are ignored: the truth defines the universe.

  // Pair counts. Unclustered ring shops are singleton clusters; honest shops are singleton classes.
  let sumJoint = 0;
  for (const row of joint.values()) for (const [key, count] of row) if (!key.startsWith('\u0000')) sumJoint += pairs(count);
  let sumClass = 0;
  for (const size of classSize.values()) sumClass += pairs(size);
  let sumCluster = 0;
  for (const size of clusterSize.values()) sumCluster += pairs(size);
  const total = pairs(n);
  const expected = safeDiv(sumClass * sumCluster, total, 0);
  const maxIndex = (sumClass + sumCluster) / 2;
  const ari = maxIndex === expected ? 1 : (sumJoint - expected) / (maxIndex - expected);

  // Entropies and mutual information, over the same cells (singletons included).
  const h = (sizes: Iterable<number>, singles: number) => {
    let acc = 0;
    for (const s of sizes) acc -= (s / n) * Math.log(s / n);
    return acc - singles * (1 / n) * Math.log(1 / n);
  };
  let clusteredRingShops = 0;
  for (const row of joint.values()) for (const [key, c] of row) if (!key.startsWith('\u0000')) clusteredRingShops += c;
  const unclusteredRingShops = ringShops - clusteredRingShops;
  const honest = n - ringShops;
  const clusteredShops = [...clusterSize.values()].reduce((a, b) => a + b, 0);
  const hTruth = h(classSize.values(), honest);
  const hClusters = h(clusterSize.values(), n - clusteredShops);
  let mi = 0;
  const cell = (count: number, a: number, b: number) => (count / n) * Math.log((count * n) / (a * b));
  for (const [cluster, row] of joint) {
    const b = clusterSize.get(cluster)!;
    for (const [key, count] of row) mi += cell(count, key.startsWith('\u0000') ? 1 : classSize.get(key)!, b);
  }
  // Unclustered ring shops: a singleton cluster inside their ring's class.
  if (unclusteredRingShops > 0) {
    const unclusteredByRing = new Map<string, number>();
    for (const [shop, ring] of input.truth) if (ring !== null && !input.clusters.has(shop)) unclusteredByRing.set(ring, (unclusteredByRing.get(ring) ?? 0) + 1);
    for (const [ring, count] of unclusteredByRing) mi += count * cell(1, classSize.get(ring)!, 1);
  }
  mi += singletonsBoth * cell(1, 1, 1);
  const nmi = hTruth + hClusters === 0 ? 1 : (2 * mi) / (hTruth + hClusters);

  // Per-ring best match.
  const best = new Map<string, number>();
  for (const row of joint.values()) {
    for (const [key, count] of row) if (!key.startsWith('\u0000') && count > (best.get(key) ?? 0)) best.set(key, count);
  }
  const recalls = [...classSize]
    .filter(([, size]) => size >= minRing)
    .map(([ring, size]) => (best.get(ring) ?? 0) / size)
    .sort((a, b) => a - b);

  // Purity, with all honest shops as one class.
  let majoritySum = 0;
  for (const row of joint.values()) {
    let honestCount = 0;
    let top = 0;
    for (const [key, count] of row) {
      if (key.startsWith('\u0000')) honestCount += count;
      else top = Math.max(top, count);
    }
    majoritySum += Math.max(top, honestCount);
  }

  // Flagged clusters.
  let flaggedShops = 0;
  let flaggedRingShops = 0;
  let mixed = 0;
  let flaggedClusters = 0;
  for (const [cluster, row] of joint) {
    if (!flagged.has(cluster)) continue;
    flaggedClusters++;
    let ringsHere = 0;
    for (const [key, count] of row) {
      flaggedShops += count;
      if (!key.startsWith('\u0000')) {
        flaggedRingShops += count;
        ringsHere++;
      }
    }
    if (ringsHere > 1) mixed++;
  }

  const precision = safeDiv(sumJoint, sumCluster);
  const recall = safeDiv(sumJoint, sumClass);
  return {
    shops: n,
    ringShops,
    rings: classSize.size,
    clusters: clusterSize.size,
    ari,
    nmi,
    pairwise: { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) },
    bestMatchRecall: {
      mean: recalls.length === 0 ? 1 : recalls.reduce((a, b) => a + b, 0) / recalls.length,
      median: recalls.length === 0 ? 1 : recalls[Math.floor((recalls.length - 1) / 2)]!,
      min: recalls[0] ?? 1,
      fullyRecovered: recalls.filter((r) => r === 1).length,
      rings: recalls.length,
    },
    purity: safeDiv(majoritySum, clusteredShops),
    flagged: {
      clusters: flaggedClusters,
      shops: flaggedShops,
      precision: safeDiv(flaggedRingShops, flaggedShops),
      recall: safeDiv(flaggedRingShops, ringShops),
      mixedRingClusters: mixed,
      honestShops: flaggedShops - flaggedRingShops,
    },
  };
}
