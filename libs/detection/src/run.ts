import { randomUUID } from 'node:crypto';
import { detectCommunities } from './communities';
import { detectorFor } from './engines';
import { detachLoose } from './attachment';
import { assignStableIds, type LineageEvent } from './lineage';
import type { DetectionParams } from './params';
import type { BrandedListingRow, ClusterWrite, DetectionReader, DetectionStore, MemberFactsRow, MembershipWrite, RawGroup, ShopProfileRow } from './ports';
import { PriceModel } from './prices';
import type { ShopProfiles } from './pooled';
import { EVIDENCE_KINDS, projectShops, type IdentifierGroup, type Projection } from './projection';
import { RISK_DEFAULTS, scoreCluster, type MemberFacts, type RiskFactor } from './risk';

export interface DetectedCluster {
  readonly id: string;
  readonly members: string[];
  readonly risk: number;
  readonly flagged: boolean;
  readonly lineage: string;
  readonly factors: readonly RiskFactor[];
  readonly verdict: string;
}

export interface DetectionSummary {
  readonly runId: string;
  readonly params: DetectionParams;
  readonly timingsMs: Record<string, number>;
  readonly counts: {
    shopsLinked: number;
    edges: number;
    clusters: number;
    flagged: number;
    clusteredShops: number;
    hubs: number;
    pooled: number;
    identifiers: number;
  };
  readonly modularity: number;
  readonly lineage: Record<string, number>;
  readonly clusters: DetectedCluster[];
}

/** Told the name of each stage as it ends: read, project, detect, score-read, score, write. */
export type ProgressListener = (stage: string) => void;

export interface RunOptions {
  /** Completed runs kept; older ones are pruned with their clusters after this run. */
  readonly retention: number;
  /** Who started the run (manual, schedule, cli, …), kept with it. */
  readonly trigger?: string;
  readonly onProgress?: ProgressListener;
  /** Defaults to a random UUID. */
  readonly runId?: string;
}

/** Rings wired as chains are held together (see joinChains); generic community detection does not. */
export const CHAIN_RATIO = 0.3;

/**
 * One detection run: read shared identifiers in bulk, project the weighted shop graph (hubs left out),
 * find communities, keep ids stable against the previous run, score risk, write everything back. The
 * run is recorded first and marked failed if any step throws.
 */
export async function runDetection(store: DetectionStore, params: DetectionParams, options: RunOptions): Promise<DetectionSummary> {
  const detector = detectorFor(params.engine);
  const runId = options.runId ?? randomUUID();
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
    options.onProgress?.(name);
  };
  await store.createRun({ id: runId, params: JSON.stringify(params), seed: params.seed, engine: detector.name, trigger: options.trigger ?? 'manual' });
  try {
    const { ids, projection } = await readProjection(store, params, lap);
    const communities = detectCommunities(projection.graph, {
      detector,
      resolution: params.resolution,
      quality: params.quality ?? 'modularity',
      seed: params.seed,
      threads: params.threads,
      chainRatio: CHAIN_RATIO,
    });
    lap('detect');

    // Member facts are read for clustered shops only.
    const clusteredIds = communities.clusters.flat().map((v) => ids[v]!);
    const typicalPrices = await store.brandTypicalPrices();
    const prices = await priceFacts(store, new Set(clusteredIds));
    const facts = new Map((await store.memberFacts(clusteredIds)).map((f) => [f.id, f]));
    lap('score-read');

    // Shops loosely tied to their cluster (addresses only, or one contact point) stay only if they trade like the network.
    const found = detachLoose(projection, communities.clusters, (v) => showsSigns(ids[v]!, facts, prices));
    const membership = new Int32Array(ids.length).fill(-1);
    found.forEach((nodes, c) => nodes.forEach((v) => (membership[v] = c)));
    const links = memberLinks(projection, membership);

    // Stable ids and lineage against the previous run; new ids come from a sequence that never repeats.
    const previous = await store.previousClusters();
    const memberIds = found.map((c) => c.map((v) => ids[v]!));
    const first = await store.reserveClusterNumbers(memberIds.length);
    const lineage = assignStableIds(previous, memberIds, (i) => `C${String(first + i).padStart(6, '0')}`);
    const lineageCounts: Record<string, number> = {};
    for (const e of lineage.events) lineageCounts[e.type] = (lineageCounts[e.type] ?? 0) + 1;
    const eventOf = new Map(lineage.events.filter((e) => e.type !== 'dissolved').map((e) => [e.clusterId, e]));

    const clusters: ClusterWrite[] = [];
    const members: MembershipWrite[] = [];
    const result: DetectedCluster[] = [];
    found.forEach((nodes, i) => {
      const id = lineage.ids[i]!;
      const shops = memberIds[i]!;
      const { write, detected } = scoredCluster(id, shops, facts, prices, eventOf.get(id), params.flagThreshold, (k) => links.strong[nodes[k]!] === 1);
      clusters.push(write);
      result.push(detected);
      nodes.forEach((v, k) => members.push({ shop: shops[k]!, key: `${runId}:${id}`, confidence: links.confidence[v]! }));
    });
    lap('score');

    await store.writeClusters(runId, clusters, members);
    const counts = {
      shopsLinked: ids.length,
      edges: projection.graph.src.length,
      clusters: clusters.length,
      flagged: clusters.filter((c) => c.flagged).length,
      clusteredShops: members.length,
      hubs: projection.hubs.length,
      pooled: projection.hubs.filter((h) => h.reason === 'pooled').length,
      identifiers: projection.linkingIdentifiers,
    };
    // The widest hubs, and the pooled identifiers (narrower, left out for their shape), up to 100 each.
    const widest = (reason: string) => projection.hubs.filter((h) => h.reason === reason).sort((a, b) => b.shopCount - a.shopCount || byCodeUnit(a.key, b.key));
    const topHubs = [...widest('wide').slice(0, 100), ...widest('pooled').slice(0, 100)];
    lap('write');
    await store.finishRun(runId, {
      status: 'completed',
      timings: JSON.stringify(timings),
      modularity: communities.modularity,
      counts: JSON.stringify(counts),
      hubs: JSON.stringify(topHubs),
      lineage: JSON.stringify(lineageCounts),
      error: null,
      typicalPrices: JSON.stringify(typicalPrices),
    });
    await store.prune(options.retention);
    return { runId, params, timingsMs: timings, counts, modularity: communities.modularity, lineage: lineageCounts, clusters: result };
  } catch (error) {
    await store
      .finishRun(runId, {
        status: 'failed',
        timings: JSON.stringify(timings),
        modularity: null,
        counts: '{}',
        hubs: '[]',
        lineage: '{}',
        error: error instanceof Error ? error.message : String(error),
        typicalPrices: '{}',
      })
      .catch(() => undefined);
    throw error;
  }
}

/**
 * Reads shared identifiers and the linked shops' profiles, and projects the weighted shop graph.
 * Shops become dense indices in id order and groups are projected in (kind, key) order, so the graph,
 * and with it the partition and the cluster ids, do not depend on the order the database returns rows
 * in (which follows the order the data was loaded in). Exported so benchmarks can hand the very same
 * graph to other engines.
 */
export async function readProjection(
  reader: Pick<DetectionReader, 'readGroups' | 'shopProfiles'>,
  params: Pick<DetectionParams, 'hubThreshold' | 'minShared'>,
  lap: (stage: string) => void = () => {},
): Promise<{ ids: string[]; projection: Projection }> {
  const raw: RawGroup[] = [];
  await reader.readGroups(params.hubThreshold, (g) => raw.push(g));
  const idSet = new Set<string>();
  for (const g of raw) for (const id of g.shops) idSet.add(id);
  const ids = [...idSet].sort(byCodeUnit);
  const index = new Map(ids.map((id, i) => [id, i]));
  const kindOrder = new Map(EVIDENCE_KINDS.map((k, i) => [k, i]));
  raw.sort((a, b) => kindOrder.get(a.kind)! - kindOrder.get(b.kind)! || byCodeUnit(a.key, b.key));
  const groups: IdentifierGroup[] = raw.map((g) => ({
    kind: g.kind,
    key: g.key,
    shopCount: g.shopCount,
    shops: Int32Array.from(g.shops, (id) => index.get(id)!),
    refines: g.refines === true,
  }));
  const profiles = await reader.shopProfiles(ids);
  const dense = (pick: (p: ShopProfileRow) => string | null) => {
    const labels = new Map<string, number>();
    return Int32Array.from(ids, (id) => {
      const value = profiles.get(id) === undefined ? null : pick(profiles.get(id)!);
      if (value === null) return -1;
      let k = labels.get(value);
      if (k === undefined) labels.set(value, (k = labels.size));
      return k;
    });
  };
  const sellerOf = dense((p) => p.seller);
  const shopProfiles: ShopProfiles = {
    country: dense((p) => p.country),
    category: dense((p) => p.category),
    openedAt: Float64Array.from(ids, (id) => profiles.get(id)?.openedAt ?? Number.NaN),
  };
  lap('read');
  const projection = projectShops(ids.length, groups, { hubThreshold: params.hubThreshold, minShared: params.minShared, sellerOf, profiles: shopProfiles });
  lap('project');
  return { ids, projection };
}

/** Plain code-unit order: the same on every machine and locale. */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Per shop, from the projected links and the clusters: whether a strong link joins it to another member
 * of its cluster, and its confidence, the share of its link weight that stays inside its cluster (to 3
 * decimals; 1 for a shop without links).
 */
export function memberLinks(projection: Projection, membership: Int32Array): { strong: Uint8Array; confidence: Float64Array } {
  const n = projection.graph.nodeCount;
  const strong = new Uint8Array(n);
  const internal = new Float64Array(n);
  const totalWeight = new Float64Array(n);
  const { src, dst, weight } = projection.graph;
  for (let e = 0; e < src.length; e++) {
    const a = src[e]!;
    const b = dst[e]!;
    totalWeight[a]! += weight[e]!;
    totalWeight[b]! += weight[e]!;
    if (membership[a]! >= 0 && membership[a] === membership[b]) {
      internal[a]! += weight[e]!;
      internal[b]! += weight[e]!;
      if (projection.strong[e]) strong[a] = strong[b] = 1;
    }
  }
  const confidence = Float64Array.from(totalWeight, (total, v) => (total > 0 ? Math.round((internal[v]! / total) * 1000) / 1000 : 1));
  return { strong, confidence };
}

/**
 * Whether a shop trades like a ring on its own: a quarter or more of its branded listings deeply
 * discounted, or a confirmed counterfeit report. An opening near another member's is not enough here:
 * in a large cluster some member opened within any fortnight, and honest customers of a shared
 * warehouse were kept that way.
 */
function showsSigns(shop: string, facts: ReadonlyMap<string, MemberFactsRow>, prices: ReadonlyMap<string, { branded: number; deep: number }>): boolean {
  const p = prices.get(shop);
  if (p && p.branded > 0 && p.deep / p.branded >= RISK_DEFAULTS.evidenceShare) return true;
  return (facts.get(shop)?.reports ?? 0) > 0;
}

/**
 * Per clustered shop: its branded listings, and how many are priced under discountRatio × the typical
 * price of comparable listings. The model is built from every branded listing in one streamed pass;
 * only the clustered shops' listings are kept for the second look.
 */
async function priceFacts(
  store: Pick<DetectionReader, 'brandedListings'>,
  clustered: ReadonlySet<string>,
): Promise<Map<string, { branded: number; deep: number }>> {
  const model = new PriceModel();
  const own: BrandedListingRow[] = [];
  await store.brandedListings((l) => {
    model.add(l.shop, l.brand, l.category, l.title, l.price, l.currency);
    if (clustered.has(l.shop)) own.push(l);
  });
  model.finish();
  const out = new Map<string, { branded: number; deep: number }>();
  for (const l of own) {
    let f = out.get(l.shop);
    if (!f) out.set(l.shop, (f = { branded: 0, deep: 0 }));
    f.branded++;
    const ref = model.reference(l.brand, l.category, l.title, l.currency);
    if (ref !== null && l.price < ref.price * RISK_DEFAULTS.discountRatio) f.deep++;
  }
  return out;
}

/** One cluster's risk, lineage and brands (most widely listed first), as written and as reported. */
function scoredCluster(
  id: string,
  shops: string[],
  facts: ReadonlyMap<string, MemberFactsRow>,
  prices: ReadonlyMap<string, { branded: number; deep: number }>,
  event: LineageEvent | undefined,
  flagThreshold: number,
  strongLink: (member: number) => boolean,
): { write: ClusterWrite; detected: DetectedCluster } {
  const memberFacts: MemberFacts[] = shops.map((shop, k) => {
    const f = facts.get(shop);
    return {
      openedAt: f?.openedAt ?? null,
      status: f?.status ?? null,
      brandedListings: prices.get(shop)?.branded ?? 0,
      deepDiscountListings: prices.get(shop)?.deep ?? 0,
      counterfeitReports: f?.reports ?? 0,
      strongLink: strongLink(k),
    };
  });
  const risk = scoreCluster(memberFacts, { flagThreshold });
  const brandShops = new Map<string, number>();
  for (const shop of shops) for (const brand of facts.get(shop)?.brands ?? []) brandShops.set(brand, (brandShops.get(brand) ?? 0) + 1);
  const ranked = [...brandShops].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const lineage = event?.type ?? 'new';
  return {
    write: {
      id,
      size: shops.length,
      risk: risk.score,
      flagged: risk.flagged,
      factors: JSON.stringify(risk.factors),
      verdict: risk.verdict,
      lineage,
      lineageFrom: [...(event?.from ?? [])],
      sizeBefore: event?.sizeBefore ?? 0,
      brands: ranked.map(([brand]) => brand),
      brandShops: ranked.map(([, n]) => n),
    },
    detected: { id, members: shops, risk: risk.score, flagged: risk.flagged, lineage, factors: risk.factors, verdict: risk.verdict },
  };
}
