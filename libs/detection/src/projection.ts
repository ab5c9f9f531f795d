import { identifier, IDENTIFIER_KINDS, IDENTIFIERS, LINKING_KINDS, STRONG_KINDS as STRONG_IDENTIFIER_KINDS, type IdentifierKind } from '@ringwatch/kinds';
import type { WeightedGraph } from './graph';
import { corroboration, findPooled, POOLED_DEFAULTS, shapeOf, type PooledOptions, type PooledVerdict, type ShopProfiles } from './pooled';

/**
 * Evidence projection: shops become linked by the identifiers they share. Each identifier adds to the
 * weight of every pair of shops using it, by its kind's weight discounted by how many shops share it
 * (an account shared by two shops says more than one shared by forty). Identifiers used by more shops
 * than the hub threshold (fulfilment warehouses, settlement accounts, pickup points) are not ring
 * evidence: they are left out and reported, so they cost O(shops) and never O(shops²).
 */

/** The evidence kinds are the identifier kinds that link shops (@ringwatch/kinds; all of them today). */
export const EVIDENCE_KINDS: readonly IdentifierKind[] = LINKING_KINDS;
export type EvidenceKind = IdentifierKind;

/** Weight of one identifier shared by two shops (before the discount for wider sharing), from the registry. */
export const DEFAULT_EVIDENCE_WEIGHTS: Readonly<Record<EvidenceKind, number>> = Object.fromEntries(
  IDENTIFIER_KINDS.map((kind) => [kind, IDENTIFIERS[kind].weight]),
) as Record<EvidenceKind, number>;

export interface IdentifierGroup {
  readonly kind: EvidenceKind;
  readonly key: string;
  /** How many shops use the identifier (may exceed shops.length for hubs sent without members). */
  readonly shopCount: number;
  /** Indices of the shops using it; may be empty for a hub. */
  readonly shops: ArrayLike<number>;
  /**
   * A finer view of a group already counted: the same unit (floor, hall, room) of a shared building.
   * It adds its weight to the pairs (a shared unit links more strongly than a shared building) but is
   * not another shared identifier: it neither links a pair on its own nor corroborates the building.
   */
  readonly refines?: boolean;
}

export interface ProjectionOptions {
  /**
   * The seller of each shop (any integer label; −1 unknown). Shops of one seller are one actor: what
   * they share says nothing about a network, so such pairs get no evidence.
   */
  readonly sellerOf?: Int32Array;
  readonly weights?: Partial<Record<EvidenceKind, number>>;
  /** Identifiers shared by more shops than this are hubs (default 50). */
  readonly hubThreshold?: number;
  /**
   * Identifiers two shops must share to be linked when all of them are weak (default 2): a payout
   * account, device or identity document links on its own, and so does a phone or an email (see
   * contactAloneMax); one building does not.
   */
  readonly minShared?: number;
  /**
   * A medium identifier (a phone or an email) shared by at most this many shops links them on its own
   * (default 2; 0: never). Rings wired as chains (A~B by a phone, B~C by an email, C~D by a device)
   * share one identifier per pair, each held by exactly those two shops. Shared wider, a phone is a
   * family's or a ring's pool, and needs company: measured on both synthetic worlds, letting any shared
   * phone link alone ran families and bridged rings together (classic medium ARI 0.88 against 0.96).
   * The pairs it does join are never flagged on that alone (two shops need a strong link). Addresses are
   * weak: a building alone joins every customer of a logistics firm.
   */
  readonly contactAloneMax?: number;
  /**
   * An address shared by three or more shops links on its own when at least this share of them also
   * share another identifier with one of them (default 0.5): then it is the group's own place. A
   * logistics firm's warehouse or an office building serves shops tied by nothing else. Shops that such
   * a place alone attaches to a cluster are held to their own signs (see attachment.ts).
   */
  readonly placeCorroboration?: number;
  /**
   * A strong identifier links on its own only when at most this many shops share it (default 20):
   * ring pools are small, while an account paying out to forty unrelated shops is more likely a
   * settlement account below the hub threshold.
   */
  readonly strongAloneMax?: number;
  /** Links lighter than this are dropped as well (default 0). */
  readonly minEdgeWeight?: number;
  /**
   * Country, category and opening date per shop. Given, identifiers shaped like a provider's pool
   * (see pooled.ts) are left out like hubs; without them only size makes a hub.
   */
  readonly profiles?: ShopProfiles;
  readonly pooled?: PooledOptions;
}

export interface Hub {
  readonly kind: EvidenceKind;
  readonly key: string;
  readonly shopCount: number;
  /** `wide`: over the hub threshold; `pooled`: narrower, but shaped like a provider's pool. */
  readonly reason: 'wide' | 'pooled';
  /** For pooled identifiers: why (shops corroborated by another identifier, countries, categories, openings in bursts). */
  readonly shape?: PooledVerdict;
}

/** Kinds whose sharing is strong evidence on its own (money and hardware rarely coincide by chance). */
export const STRONG_KINDS: ReadonlySet<EvidenceKind> = new Set(STRONG_IDENTIFIER_KINDS);

export interface Projection {
  readonly graph: WeightedGraph;
  /** Per edge: 1 when a strong identifier (account, device, KYC document) shared narrowly links the pair. */
  readonly strong: Uint8Array;
  /** Per edge: 1 when the pair shares something besides addresses (an account, device, document, phone or email). */
  readonly beyondAddress: Uint8Array;
  readonly hubs: Hub[];
  /** Identifiers that linked at least one pair of shops. */
  readonly linkingIdentifiers: number;
  readonly pairContributions: number;
}

export const PROJECTION_DEFAULTS = {
  hubThreshold: 50,
  minShared: 2,
  strongAloneMax: 20,
  minEdgeWeight: 0,
  contactAloneMax: 2,
  placeCorroboration: 0.5,
} as const;

export class ProjectionError extends Error {
  constructor(message: string) {
    super(`detection/projection: ${message}`);
    this.name = 'ProjectionError';
  }
}

export function projectShops(nodeCount: number, groups: Iterable<IdentifierGroup>, options: ProjectionOptions = {}): Projection {
  const weights = { ...DEFAULT_EVIDENCE_WEIGHTS, ...options.weights };
  const hubThreshold = options.hubThreshold ?? PROJECTION_DEFAULTS.hubThreshold;
  const minEdgeWeight = options.minEdgeWeight ?? PROJECTION_DEFAULTS.minEdgeWeight;
  const minShared = options.minShared ?? PROJECTION_DEFAULTS.minShared;
  const contactAloneMax = options.contactAloneMax ?? PROJECTION_DEFAULTS.contactAloneMax;
  const placeCorroboration = options.placeCorroboration ?? PROJECTION_DEFAULTS.placeCorroboration;
  const strongAloneMax = options.strongAloneMax ?? PROJECTION_DEFAULTS.strongAloneMax;
  if (!(hubThreshold >= 2)) throw new ProjectionError('hubThreshold must be at least 2');
  for (const [kind, w] of Object.entries(weights)) if (!(w >= 0)) throw new ProjectionError(`weight of ${kind} must be >= 0`);

  // Pair key a * nodeCount + b (a < b) stays exact in a double for up to ~9.4e7 shops.
  if (nodeCount > 90_000_000) throw new ProjectionError('too many shops for exact pair keys');
  const sellerOf = options.sellerOf;
  const pairWeight = new Map<number, number>();
  const pairShared = new Map<number, number>();
  const strongPairs = new Set<number>();
  const alonePairs = new Set<number>();
  const beyondAddress = new Set<number>();
  const hubs: Hub[] = [];
  let linking = 0;
  let contributions = 0;
  // Distinct members per group; hubs by size first, then (given profiles) pooled identifiers by shape.
  const all: { group: IdentifierGroup; members: number[] }[] = [];
  for (const group of groups) {
    if (group.shopCount > hubThreshold) {
      hubs.push({ kind: group.kind, key: group.key, shopCount: group.shopCount, reason: 'wide' });
      continue;
    }
    const members = Array.from(new Set(Array.from(group.shops))).sort((a, b) => a - b);
    for (const m of members) if (m < 0 || m >= nodeCount) throw new ProjectionError(`shop index ${m} out of range`);
    if (members.length >= 2) all.push({ group, members });
  }
  const judged = all.map((g) => ({ shops: g.members }));
  const linkingGroups = all.flatMap((g, i) => (g.group.refines ? [] : [i]));
  const memberTies = new Map<number, Uint8Array>();
  const corroborated = corroboration(nodeCount, judged, linkingGroups, 3, memberTies);
  const pooled = options.profiles ? findPooled(judged, linkingGroups, corroborated, options.profiles, options.pooled) : new Map<number, PooledVerdict>();
  all.forEach(({ group, members }, g) => {
    const shape = pooled.get(g);
    if (shape !== undefined) {
      hubs.push({ kind: group.kind, key: group.key, shopCount: group.shopCount, reason: 'pooled', shape });
      return;
    }
    // Discounted by sharing, from full weight for two shops: log2(3) / log2(n + 1).
    const w = (weights[group.kind] * Math.log2(3)) / Math.log2(members.length + 1);
    if (w === 0) return;
    linking++;
    const strongKind = STRONG_KINDS.has(group.kind) && members.length <= strongAloneMax;
    const address = identifier(group.kind).addressUse !== null;
    // A place links on its own when it looks like one group's own: most of its shops are tied to each
    // other by something else too, and they are not spread over countries, trades and years (a ring's
    // warehouse, however its halls and spellings are written; not a logistics firm serving several).
    const ownPlace =
      address &&
      !group.refines &&
      options.profiles !== undefined &&
      members.length >= 3 &&
      corroborated[g]! >= placeCorroboration * members.length &&
      shapeOf(members, corroborated[g]!, options.profiles, options.pooled).spreads < 2;
    // A wide strong identifier spread over countries, trades and years, but used by some shops that are
    // tied otherwise (ring shops hiding among a provider's merchants): only those shops are linked by it.
    // Its other users share nothing else with them; they are the provider's customers.
    const ties =
      strongKind && options.profiles !== undefined && members.length >= (options.pooled?.minShops ?? POOLED_DEFAULTS.minShops) ? memberTies.get(g) : undefined;
    const customersApart = ties !== undefined && shapeOf(members, corroborated[g]!, options.profiles!, options.pooled).spreads >= 2;
    const alone = strongKind || (identifier(group.kind).strength === 'medium' && members.length <= contactAloneMax) || ownPlace;
    for (let i = 0; i < members.length; i++) {
      const a = members[i]!;
      const sellerA = sellerOf ? sellerOf[a]! : -1;
      for (let j = i + 1; j < members.length; j++) {
        if (sellerA >= 0 && sellerOf![members[j]!] === sellerA) continue;
        if (customersApart && !(ties![i] && ties![j])) continue;
        const key = a * nodeCount + members[j]!;
        pairWeight.set(key, (pairWeight.get(key) ?? 0) + w);
        if (group.refines) continue;
        pairShared.set(key, (pairShared.get(key) ?? 0) + 1);
        if (strongKind) strongPairs.add(key);
        if (alone) alonePairs.add(key);
        if (!address) beyondAddress.add(key);
        contributions++;
      }
    }
  });

  const keep = (key: number, w: number) => w >= minEdgeWeight && (alonePairs.has(key) || (pairShared.get(key) ?? 0) >= minShared);
  let kept = 0;
  for (const [key, w] of pairWeight) if (keep(key, w)) kept++;
  const src = new Int32Array(kept);
  const dst = new Int32Array(kept);
  const weight = new Float64Array(kept);
  const strong = new Uint8Array(kept);
  const beyond = new Uint8Array(kept);
  let e = 0;
  // Sorted keys make the edge order, and so every later step, independent of input order.
  const keys = Float64Array.from(pairWeight.keys()).sort();
  for (const key of keys) {
    const w = pairWeight.get(key)!;
    if (!keep(key, w)) continue;
    src[e] = Math.floor(key / nodeCount);
    dst[e] = key - src[e]! * nodeCount;
    weight[e] = w;
    strong[e] = strongPairs.has(key) ? 1 : 0;
    beyond[e] = beyondAddress.has(key) ? 1 : 0;
    e++;
  }
  return { graph: { nodeCount, src, dst, weight }, strong, beyondAddress: beyond, hubs, linkingIdentifiers: linking, pairContributions: contributions };
}
