/**
 * Which of a network's addresses and payout accounts are its own (targets for a raid or a freeze) and
 * which are shared facilities (a fulfilment warehouse, a pickup point, a provider's pooled or the
 * marketplace's settlement account). The verdict follows detection's own rules, so a dossier never
 * calls a target what detection left out as a hub: the hub rule (more shops than the run's hub
 * threshold) and the provider rule (identifiers the run judged pooled, see libs/detection pooled.ts).
 * Below both, exclusivity decides: an identifier used mainly by shops outside the network is not its
 * premises either.
 */
export type PremisesVerdict = 'ring premises' | 'shared facility — not a target on its own';
export const RING_PREMISES: PremisesVerdict = 'ring premises';
export const SHARED_FACILITY: PremisesVerdict = 'shared facility — not a target on its own';

export interface PooledShape {
  corroborated: number;
  countries: number;
  categories: number;
  inBurst: number;
}

export interface PremisesRules {
  /** The run's hub threshold: identifiers of more shops are hubs. */
  hubThreshold: number;
  /** Identifiers the run judged pooled (a provider's), by key, with the figures behind the verdict. */
  pooled: ReadonlyMap<string, { shopCount: number; shape: PooledShape | null }>;
  /** Ring premises are used by the network at least this share of their shops (default 0.5: "mainly"). */
  mainly?: number;
}

export interface Judged {
  exclusivity: number;
  verdict: PremisesVerdict;
  reason: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The verdict on one address or account used by `networkShops` of the network's shops and `shopCount` shops in all. */
export function judgePremises(key: string, networkShops: number, shopCount: number, rules: PremisesRules): Judged {
  const all = Math.max(shopCount, networkShops, 1);
  // Three decimals: enough to rank, and no long digit runs in exports (they would look like account numbers).
  const exclusivity = Math.round((networkShops / all) * 1000) / 1000;
  const share = `${networkShops} of the ${all} shops using it are the network's (${pct(exclusivity)})`;
  if (all > rules.hubThreshold)
    return {
      exclusivity,
      verdict: SHARED_FACILITY,
      reason: `hub: used by ${all} shops, over the detection run's hub threshold of ${rules.hubThreshold} (a warehouse, pickup point or settlement account); ${share}`,
    };
  const pooled = rules.pooled.get(key);
  if (pooled) {
    const s = pooled.shape;
    const figures = s
      ? `: ${s.corroborated} of its shops share anything else, ${s.countries} countries, ${s.categories} trades, ${s.inBurst} opened in bursts`
      : '';
    return {
      exclusivity,
      verdict: SHARED_FACILITY,
      reason: `provider's pool: detection judged it shaped like a provider's shared facility${figures}; ${share}`,
    };
  }
  if (exclusivity < (rules.mainly ?? 0.5)) return { exclusivity, verdict: SHARED_FACILITY, reason: `mainly used by others: ${share}` };
  return { exclusivity, verdict: RING_PREMISES, reason: exclusivity === 1 ? `used only by the network: ${share}` : `used mainly by the network: ${share}` };
}

/** The pooled identifiers in a run's stored hub list (JSON of detection's Hub[]). */
export function pooledFromRun(hubsJson: string | null | undefined): Map<string, { shopCount: number; shape: PooledShape | null }> {
  const out = new Map<string, { shopCount: number; shape: PooledShape | null }>();
  if (!hubsJson) return out;
  let hubs: unknown;
  try {
    hubs = JSON.parse(hubsJson);
  } catch {
    return out;
  }
  if (!Array.isArray(hubs)) return out;
  for (const h of hubs as { key?: unknown; reason?: unknown; shopCount?: unknown; shape?: PooledShape }[])
    if (h.reason === 'pooled' && typeof h.key === 'string') out.set(h.key, { shopCount: Number(h.shopCount ?? 0), shape: h.shape ?? null });
  return out;
}

/** Ring premises first; then by how many of the network's shops use it, then by exclusivity. */
export function byAction<T extends { verdict: PremisesVerdict; networkShops: number; exclusivity: number }>(a: T, b: T): number {
  return Number(b.verdict === RING_PREMISES) - Number(a.verdict === RING_PREMISES) || b.networkShops - a.networkShops || b.exclusivity - a.exclusivity;
}
