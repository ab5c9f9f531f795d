/**
 * The good-faith fast lane: which brand reporters have earned having their takedown requests acted on at
 * once. Pure (no database, no clock, no global randomness): the API counts outcomes and asks this module
 * for a standing, a lane and whether a fast-lane takedown is sampled for a second look. Browser-safe.
 */

/** The rule's knobs. Defaults in DEFAULTS; the API reads them from the GOOD_FAITH_* variables. */
export interface GoodFaithOptions {
  /** Accuracy (share of decided reports that held) a reporter needs at least, 0..1. */
  readonly minAccuracy: number;
  /** Decided reports a reporter needs before accuracy counts at all (a short lucky streak earns nothing). */
  readonly minDecided: number;
  /** The appeal rate (takedowns reversed on appeal per takedown) must stay below this, 0..1. */
  readonly maxAppealRate: number;
  /** Share of fast-lane takedowns also put in front of an analyst, 0..1. */
  readonly sampleRate: number;
  /** Seed of the sampling: the same seed and takedown id always give the same answer. */
  readonly sampleSeed: number;
  /** How long a report may wait in the review queue before it counts as overdue, in hours. */
  readonly reviewTargetHours: number;
}

export const DEFAULTS: GoodFaithOptions = {
  minAccuracy: 0.9,
  minDecided: 20,
  maxAppealRate: 0.05,
  sampleRate: 0.1,
  sampleSeed: 42,
  reviewTargetHours: 24,
};

/**
 * What a reporter's (or a brand's) counterfeit reports came to. A report is decided once it has an
 * outcome: its takedown stands, or it was rejected in review, reversed on appeal, or its listing was
 * later confirmed genuine; the last three count against it.
 */
export interface Outcomes {
  /** Reports with an outcome. */
  readonly decided: number;
  /** Decided reports that did not hold (reversed on appeal, rejected in review, listing later confirmed genuine). */
  readonly against: number;
  /** Reports whose listing was delisted because of them (whatever happened afterwards). */
  readonly takenDown: number;
  /** Takedowns reversed on a seller's appeal. */
  readonly appealed: number;
  /** Reports still waiting for a review. */
  readonly pending: number;
}

export interface Standing extends Outcomes {
  /** Share of decided reports that held; null before the first decision. */
  readonly accuracy: number | null;
  /** Appeals per takedown; 0 without takedowns. */
  readonly appealRate: number;
  /** Whether new counterfeit reports take the fast lane. */
  readonly trusted: boolean;
  /** Why, in words (shown to the brand owner and to staff). */
  readonly reason: string;
}

export type Lane = 'fast' | 'review';

function fail(message: string): never {
  throw new Error(`good-faith: ${message}`);
}

const share = (name: string, v: number) => (Number.isFinite(v) && v >= 0 && v <= 1 ? v : fail(`${name} must be between 0 and 1, got ${v}`));

/** DEFAULTS with the given options over them, each checked; throws naming the first bad one. */
export function goodFaithOptions(options: Partial<GoodFaithOptions> = {}): GoodFaithOptions {
  const o = { ...DEFAULTS, ...options };
  share('minAccuracy', o.minAccuracy);
  share('maxAppealRate', o.maxAppealRate);
  share('sampleRate', o.sampleRate);
  if (!Number.isSafeInteger(o.minDecided) || o.minDecided < 1) fail(`minDecided must be a whole number of at least 1, got ${o.minDecided}`);
  if (!Number.isSafeInteger(o.sampleSeed) || o.sampleSeed < 0) fail(`sampleSeed must be a non-negative whole number, got ${o.sampleSeed}`);
  if (!Number.isFinite(o.reviewTargetHours) || o.reviewTargetHours <= 0) fail(`reviewTargetHours must be positive, got ${o.reviewTargetHours}`);
  return o;
}

function checkOutcomes(o: Outcomes): void {
  for (const key of ['decided', 'against', 'takenDown', 'appealed', 'pending'] as const) {
    if (!Number.isSafeInteger(o[key]) || o[key] < 0) fail(`${key} must be a non-negative whole number, got ${o[key]}`);
  }
  if (o.against > o.decided) fail(`against (${o.against}) cannot exceed decided (${o.decided})`);
  if (o.appealed > o.takenDown) fail(`appealed (${o.appealed}) cannot exceed takenDown (${o.takenDown})`);
}

const percent = (v: number) => `${Math.round(v * 1000) / 10} %`;

/**
 * A reporter's standing: trusted with at least `minDecided` decided reports, an accuracy of at least
 * `minAccuracy` and an appeal rate below `maxAppealRate`. The same rule rates a brand over all its reporters.
 */
export function standing(outcomes: Outcomes, options: GoodFaithOptions = DEFAULTS): Standing {
  checkOutcomes(outcomes);
  const accuracy = outcomes.decided === 0 ? null : (outcomes.decided - outcomes.against) / outcomes.decided;
  const appealRate = outcomes.takenDown === 0 ? 0 : outcomes.appealed / outcomes.takenDown;
  let reason: string;
  if (outcomes.decided < options.minDecided) reason = `needs ${options.minDecided} decided reports, has ${outcomes.decided}`;
  else if (accuracy! < options.minAccuracy) reason = `accuracy ${percent(accuracy!)} is below ${percent(options.minAccuracy)}`;
  else if (appealRate >= options.maxAppealRate) reason = `appeal rate ${percent(appealRate)} is not below ${percent(options.maxAppealRate)}`;
  else reason = `accuracy ${percent(accuracy!)} over ${outcomes.decided} decided reports, appeal rate ${percent(appealRate)}`;
  const trusted = outcomes.decided >= options.minDecided && accuracy! >= options.minAccuracy && appealRate < options.maxAppealRate;
  return { ...outcomes, accuracy, appealRate, trusted, reason };
}

/** Where a new counterfeit report goes: delisted at once (fast) or into the analysts' review queue. */
export function laneFor(reporter: Pick<Standing, 'trusted'>): Lane {
  return reporter.trusted ? 'fast' : 'review';
}

/** By when an analyst should have decided a report queued at `queuedAt`. */
export function reviewDueAt(queuedAt: Date, options: Pick<GoodFaithOptions, 'reviewTargetHours'> = DEFAULTS): Date {
  return new Date(queuedAt.getTime() + options.reviewTargetHours * 3_600_000);
}

/**
 * 32-bit hash of a string with a seed (FNV-1a over UTF-16 code units, then murmur3's finaliser so
 * neighbouring ids spread over the whole range).
 */
export function seededHash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Whether a fast-lane takedown is also sent for review. Decided by the takedown's id and the seed, not
 * by a random draw: the same takedown gives the same answer on every process and every retry, and an
 * audit can recompute it. About `sampleRate` of all ids are chosen.
 */
export function sampledForReview(takedownId: string, options: Pick<GoodFaithOptions, 'sampleRate' | 'sampleSeed'> = DEFAULTS): boolean {
  if (options.sampleRate <= 0) return false;
  if (options.sampleRate >= 1) return true;
  return seededHash(takedownId, options.sampleSeed) / 2 ** 32 < options.sampleRate;
}
