/**
 * Risk score 0–100 per cluster, as a sum of factor contributions an analyst can read one by one. Each
 * factor is a share in [0, 1] times its weight.
 *
 * A score at or over the threshold is not enough to flag: a bulk shutdown hits every shop in a flagged
 * cluster, and honest groups do show one kind of signal at a time (second-hand sellers price low,
 * franchisees share a payout account and open their stores in one month, a family opens shops the
 * same week). So a flag also needs two independent kinds of evidence (price, brand reports, shared
 * identity, opening burst, past suspensions; size is context, not evidence), one of them about what
 * the network sells (price or brand reports: how a network is run is corroboration, counterfeiting is
 * a matter of the goods), and a two-shop cluster needs a strong link (a payout account, device or
 * identity document) between its shops. Every verdict is explained in words.
 *
 * The threshold (30 by default) is then two moderate signals: half the branded listings deeply
 * discounted (20) and an opening burst (10), or a third of the shops reported (≈7) with most sharing a
 * payout account (≈15) and some discounts.
 */

export interface MemberFacts {
  /** Shop opening time (ms since epoch), if known. */
  readonly openedAt: number | null;
  readonly status: string | null;
  /** Listings with a brand. */
  readonly brandedListings: number;
  /** Branded listings priced below discountRatio × the typical price of comparable listings (see prices.ts). */
  readonly deepDiscountListings: number;
  /** Brand-owner reports with the verdict "counterfeit" on the shop's listings. */
  readonly counterfeitReports: number;
  /** The shop shares a payout account, device or KYC document with another member. */
  readonly strongLink: boolean;
}

export const RISK_FACTORS = ['discount', 'reports', 'strongSharing', 'burst', 'suspended', 'size'] as const;
export type RiskFactorName = (typeof RISK_FACTORS)[number];
/** The factors that are evidence; size is context. */
export const EVIDENCE_FACTORS: readonly RiskFactorName[] = ['discount', 'reports', 'strongSharing', 'burst', 'suspended'];
/** The evidence about what a network sells; one of them is needed for a flag. */
export const TRADE_FACTORS: readonly RiskFactorName[] = ['discount', 'reports'];
/** Human names of the factors, for verdicts, reports and screens. */
export const RISK_FACTOR_LABELS: Readonly<Record<RiskFactorName, string>> = {
  discount: 'price',
  reports: 'brand reports',
  strongSharing: 'shared identity',
  burst: 'opening burst',
  suspended: 'past suspensions',
  size: 'size',
};

export interface RiskOptions {
  readonly weights?: Partial<Record<RiskFactorName, number>>;
  readonly flagThreshold?: number;
  /** Openings within this many days of another member's count as a burst. */
  readonly burstDays?: number;
  /** Size at which the size factor is full. */
  readonly fullSize?: number;
  /** An evidence factor counts towards corroboration at or over this share (default 0.25). */
  readonly evidenceShare?: number;
  /** Kinds of evidence a flag needs (default 2). */
  readonly minEvidence?: number;
}

export const RISK_DEFAULTS = {
  weights: { discount: 40, reports: 20, strongSharing: 15, burst: 10, suspended: 10, size: 5 } as Record<RiskFactorName, number>,
  flagThreshold: 30,
  burstDays: 14,
  fullSize: 50,
  evidenceShare: 0.25,
  minEvidence: 2,
  /** Used by the caller when it counts deep-discount listings. */
  discountRatio: 0.5,
};

export interface RiskFactor {
  readonly name: RiskFactorName;
  /** Share in [0, 1]. */
  readonly value: number;
  /** Contribution to the score. */
  readonly points: number;
  readonly explanation: string;
}

export interface RiskScore {
  readonly score: number;
  readonly flagged: boolean;
  readonly factors: RiskFactor[];
  /** Why the cluster is or is not flagged, in words. */
  readonly verdict: string;
}

/** How many of these opening times (ms) lie within windowMs of another one. */
export function countInBurst(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    if ((i > 0 && sorted[i]! - sorted[i - 1]! <= windowMs) || (i + 1 < sorted.length && sorted[i + 1]! - sorted[i]! <= windowMs)) count++;
  }
  return count;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function scoreCluster(members: readonly MemberFacts[], options: RiskOptions = {}): RiskScore {
  const weights = { ...RISK_DEFAULTS.weights, ...options.weights };
  const threshold = options.flagThreshold ?? RISK_DEFAULTS.flagThreshold;
  const burstMs = (options.burstDays ?? RISK_DEFAULTS.burstDays) * 86_400_000;
  const fullSize = options.fullSize ?? RISK_DEFAULTS.fullSize;
  const n = members.length;
  if (n === 0) throw new Error('detection/risk: a cluster has members');

  const branded = members.reduce((a, m) => a + m.brandedListings, 0);
  const deep = members.reduce((a, m) => a + m.deepDiscountListings, 0);
  const reported = members.filter((m) => m.counterfeitReports > 0).length;
  const reports = members.reduce((a, m) => a + m.counterfeitReports, 0);
  const strong = members.filter((m) => m.strongLink).length;
  const suspended = members.filter((m) => m.status === 'suspended').length;
  const opened = members.map((m) => m.openedAt).filter((t): t is number => t !== null);
  const inBurst = countInBurst(opened, burstMs);

  const values: Record<RiskFactorName, number> = {
    discount: branded === 0 ? 0 : deep / branded,
    reports: reported / n,
    strongSharing: strong / n,
    burst: opened.length < 2 ? 0 : inBurst / opened.length,
    suspended: suspended / n,
    size: Math.min(1, Math.log(n) / Math.log(fullSize)),
  };
  const explain: Record<RiskFactorName, string> = {
    discount: `${deep} of ${branded} branded listings (${pct(values.discount)}) are priced under half the typical price of comparable listings (same brand, category and product line).`,
    reports: `${reported} of ${n} shops (${pct(values.reports)}) have listings brand owners confirmed as counterfeit (${reports} reports).`,
    strongSharing: `${strong} of ${n} shops (${pct(values.strongSharing)}) share a payout account, device or identity document with another shop here.`,
    burst: `${inBurst} of ${opened.length} shops (${pct(values.burst)}) opened within ${options.burstDays ?? RISK_DEFAULTS.burstDays} days of another.`,
    suspended: `${suspended} of ${n} shops (${pct(values.suspended)}) are already suspended.`,
    size: `${n} shops operate as one network.`,
  };
  const factors = RISK_FACTORS.map((name) => ({
    name,
    value: values[name],
    points: Math.round(values[name] * weights[name] * 10) / 10,
    explanation: explain[name],
  }));
  const total = Math.min(100, Math.round(factors.reduce((a, f) => a + f.points, 0) * 10) / 10);
  const evidenceShare = options.evidenceShare ?? RISK_DEFAULTS.evidenceShare;
  const minEvidence = options.minEvidence ?? RISK_DEFAULTS.minEvidence;
  const present = EVIDENCE_FACTORS.filter((name) => weights[name] > 0 && values[name] >= evidenceShare);
  const evidence = present.map((name) => RISK_FACTOR_LABELS[name]);
  const trade = present.some((name) => TRADE_FACTORS.includes(name));
  const strongPair = n > 2 || values.strongSharing === 1;
  const flagged = total >= threshold && evidence.length >= minEvidence && trade && strongPair;
  const listed = evidence.length === 0 ? 'no kind of evidence' : evidence.join(' and ');
  let verdict: string;
  if (flagged) verdict = `Flagged: risk ${total} is at or over ${threshold}, with ${listed}.`;
  else if (total < threshold) verdict = `Not flagged: risk ${total} is under ${threshold}.`;
  else if (evidence.length < minEvidence)
    verdict = `Not flagged: risk ${total} is at or over ${threshold}, but only ${listed} (${minEvidence} independent kinds of evidence are needed).`;
  else if (!trade)
    verdict = `Not flagged: risk ${total} is at or over ${threshold}, with ${listed}, but nothing in what it sells (deep discounts or confirmed counterfeit reports).`;
  else verdict = `Not flagged: risk ${total} is at or over ${threshold}, but two shops need a shared payout account, device or identity document between them.`;
  return { score: total, flagged, factors, verdict };
}
