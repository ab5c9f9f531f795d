import { countInBurst } from './risk';

/**
 * Pooled identifiers: a payout account, phone or address that many unrelated merchants use because a
 * third party provides it (a small payment provider's pooled account, a marketplace-within-the-
 * marketplace, a logistics agent, a virtual office). They stay below the hub threshold, so size alone
 * does not give them away; their shape does. A ring's pool is used by shops that also share other
 * things (the operators reuse phones, devices and addresses), that open in bursts and that are run
 * from one place. A provider's pool is used by shops that share nothing else with each other, from
 * several countries and trades, opened years apart.
 *
 * The test is deliberately conservative: an identifier is pooled only when it is wide (at least
 * `minShops`), barely corroborated by any other shared identifier, AND spread on at least two of the
 * three axes. Each verdict carries its figures so the hub report can say why.
 */

export interface ShopProfiles {
  /** Country index per shop (−1 unknown). */
  readonly country: Int32Array;
  /** Category index per shop (−1 unknown). */
  readonly category: Int32Array;
  /** Opening time per shop in ms since the epoch (NaN unknown). */
  readonly openedAt: Float64Array;
}

export interface PooledOptions {
  /** Narrower identifiers are never judged pooled (default 5). */
  readonly minShops?: number;
  /** At most this share of its shops may share another identifier with one of them (default 0.2). */
  readonly maxCorroborated?: number;
  /** Spread of countries or categories: at least this many distinct values (default 3). */
  readonly minDistinct?: number;
  /** Openings within this many days of another member's count as a burst (default 30). */
  readonly burstDays?: number;
  /** Openings are spread when at most this share of the shops is in a burst (default 0.34). */
  readonly maxBurstShare?: number;
}

/** Two groups sharing at least this share of each one's shops are two faces of one thing. */
export const COEXTENSIVE = 0.8;

export const POOLED_DEFAULTS = { minShops: 5, maxCorroborated: 0.2, minDistinct: 3, burstDays: 30, maxBurstShare: 0.34 } as const;

export interface PooledVerdict {
  /** Shops of the identifier that share another (non-hub) identifier with another of its shops. */
  readonly corroborated: number;
  readonly countries: number;
  readonly categories: number;
  /** Shops opened within burstDays of another of its shops. */
  readonly inBurst: number;
}

export interface PooledGroup {
  readonly shops: ArrayLike<number>;
}

const distinct = (values: Int32Array, members: ArrayLike<number>): number => {
  const seen = new Set<number>();
  for (let i = 0; i < members.length; i++) {
    const v = values[members[i]!]!;
    if (v >= 0) seen.add(v);
  }
  return seen.size;
};

const inBurst = (openedAt: Float64Array, members: ArrayLike<number>, burstMs: number): number =>
  countInBurst(
    Array.from(members, (m) => openedAt[m]!).filter((t) => !Number.isNaN(t)),
    burstMs,
  );

/**
 * Per group (index into `groups`; 0 for groups not in `linking` or narrower than `minShops`): how many
 * of its shops share another linking group with another of its shops. A group that covers nearly the
 * same shops (`COEXTENSIVE` of each other) does not count: a provider hands its merchants an account
 * and an address together, and two faces of one provider are not two ties. Cost: for each judged
 * group, each member's other groups twice: O(Σ group size × groups per shop).
 */
export function corroboration(
  nodeCount: number,
  groups: readonly PooledGroup[],
  linking: readonly number[],
  minShops = 2,
  /** Given, filled per judged group with a flag per member (in the group's order): 1 when corroborated. */
  members?: Map<number, Uint8Array>,
): Int32Array {
  // Groups of each shop (CSR over the linking groups).
  const degree = new Int32Array(nodeCount + 1);
  for (const g of linking) {
    const shops = groups[g]!.shops;
    for (let i = 0; i < shops.length; i++) degree[shops[i]! + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) degree[v + 1]! += degree[v]!;
  const groupsOf = new Int32Array(degree[nodeCount]!);
  const fill = degree.slice(0, nodeCount);
  for (const g of linking) {
    const shops = groups[g]!.shops;
    for (let i = 0; i < shops.length; i++) groupsOf[fill[shops[i]!]!++] = g;
  }
  const out = new Int32Array(groups.length);
  const mark = new Int32Array(nodeCount).fill(-1);
  for (const g of linking) {
    const shops = groups[g]!.shops;
    if (shops.length < minShops) continue;
    for (let i = 0; i < shops.length; i++) mark[shops[i]!] = g;
    // Shops each other group shares with this one, to tell a co-extensive group.
    const overlap = new Map<number, number>();
    for (let i = 0; i < shops.length; i++) {
      const s = shops[i]!;
      for (let k = degree[s]!; k < degree[s + 1]!; k++) if (groupsOf[k] !== g) overlap.set(groupsOf[k]!, (overlap.get(groupsOf[k]!) ?? 0) + 1);
    }
    const coextensive = (h: number) => {
      const common = overlap.get(h) ?? 0;
      const size = groups[h]!.shops.length;
      return common >= COEXTENSIVE * size && common >= COEXTENSIVE * shops.length;
    };
    let corroborated = 0;
    const flags = members ? new Uint8Array(shops.length) : null;
    members?.set(g, flags!);
    for (let i = 0; i < shops.length; i++) {
      const s = shops[i]!;
      let found = false;
      for (let k = degree[s]!; k < degree[s + 1]! && !found; k++) {
        const h = groupsOf[k]!;
        if (h === g || coextensive(h)) continue;
        const others = groups[h]!.shops;
        for (let j = 0; j < others.length; j++) {
          if (others[j] !== s && mark[others[j]!] === g) {
            found = true;
            break;
          }
        }
      }
      if (found) {
        corroborated++;
        if (flags) flags[i] = 1;
      }
    }
    out[g] = corroborated;
  }
  return out;
}

/** The shape of one group: its corroboration and its spreads (see findPooled). */
export function shapeOf(
  shops: ArrayLike<number>,
  corroborated: number,
  profiles: ShopProfiles,
  options: PooledOptions = {},
): PooledVerdict & { spreads: number } {
  const o = { ...POOLED_DEFAULTS, ...options };
  const verdict: PooledVerdict = {
    corroborated,
    countries: distinct(profiles.country, shops),
    categories: distinct(profiles.category, shops),
    inBurst: inBurst(profiles.openedAt, shops, o.burstDays * 86_400_000),
  };
  const spreads =
    Number(verdict.countries >= o.minDistinct) + Number(verdict.categories >= o.minDistinct) + Number(verdict.inBurst <= o.maxBurstShare * shops.length);
  return { ...verdict, spreads };
}

/**
 * Judges every group in `linking` wide enough to judge, given each group's corroboration (see
 * corroboration()). Returns the pooled groups with their figures.
 */
export function findPooled(
  groups: readonly PooledGroup[],
  linking: readonly number[],
  corroborated: Int32Array,
  profiles: ShopProfiles,
  options: PooledOptions = {},
): Map<number, PooledVerdict> {
  const o = { ...POOLED_DEFAULTS, ...options };
  const verdicts = new Map<number, PooledVerdict>();
  for (const g of linking) {
    const shops = groups[g]!.shops;
    if (shops.length < o.minShops || corroborated[g]! > o.maxCorroborated * shops.length) continue;
    const { spreads, ...verdict } = shapeOf(shops, corroborated[g]!, profiles, o);
    if (spreads >= 2) verdicts.set(g, verdict);
  }
  return verdicts;
}
