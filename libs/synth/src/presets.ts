/**
 * Presets fix the size of the world; knobs tune its noise. Every knob can be overridden per run.
 */
export interface Knobs {
  /** Number of shops. */
  readonly shops: number;
  /** Mean listings per shop. */
  readonly listingsPerShop: number;
  /** Share of shops that belong to a counterfeit ring. */
  readonly ringShare: number;
  readonly ringSizeMin: number;
  readonly ringSizeMax: number;
  /** Exponent of the ring-size power law: higher means more small rings. */
  readonly ringSizeAlpha: number;
  /** Ring shops that share no identifier with their ring (undetectable by design). */
  readonly isolatedRingShopRate: number;
  /** Rings with one member that also uses another ring's phone (a bridge between two rings). */
  readonly bridgeRate: number;
  /** Multiplies hub sizes (warehouses, settlement accounts, pickup points): 2 means half as many, twice as big. */
  readonly hubScale: number;
  /** Address lines with a letter-swap typo in the street name. */
  readonly typoRate: number;
  /** Ring shops that also use shared warehouses and settlement accounts, like honest shops. */
  readonly ringHubUseRate: number;
  /** Rings whose listings brand owners have already reported. */
  readonly reportedRingRate: number;
  readonly suspendedRingShopRate: number;
  /** Honest sellers with two or three shops. */
  readonly multiShopSellerRate: number;
  /** Honest sellers that start a family group sharing one phone. */
  readonly familyRate: number;
  /** Honest shops that are authorised resellers of protected brands. */
  readonly resellerRate: number;
}

export type PresetName = 'tiny' | 'small' | 'medium' | 'large';
export const PRESET_NAMES: readonly PresetName[] = ['tiny', 'small', 'medium', 'large'];

const NOISE: Omit<Knobs, 'shops' | 'listingsPerShop' | 'ringShare' | 'ringSizeMax'> = {
  ringSizeMin: 3,
  ringSizeAlpha: 2.1,
  isolatedRingShopRate: 0.01,
  bridgeRate: 0.05,
  hubScale: 1,
  typoRate: 0.02,
  ringHubUseRate: 0.25,
  reportedRingRate: 0.4,
  suspendedRingShopRate: 0.05,
  multiShopSellerRate: 0.08,
  familyRate: 0.03,
  resellerRate: 0.02,
};

export const PRESETS: Record<PresetName, Knobs> = {
  /** For unit tests: a few seconds of work at most. */
  tiny: { ...NOISE, shops: 200, listingsPerShop: 4, ringShare: 0.12, ringSizeMax: 20 },
  small: { ...NOISE, shops: 1_000, listingsPerShop: 8, ringShare: 0.08, ringSizeMax: 60 },
  medium: { ...NOISE, shops: 100_000, listingsPerShop: 10, ringShare: 0.03, ringSizeMax: 300 },
  large: { ...NOISE, shops: 1_000_000, listingsPerShop: 10, ringShare: 0.03, ringSizeMax: 300 },
};

export function knobsFor(preset: PresetName, overrides: Partial<Knobs> = {}): Knobs {
  const base = PRESETS[preset];
  if (!base) throw new Error(`synth: unknown preset "${preset}" (use ${PRESET_NAMES.join(', ')})`);
  const knobs = { ...base, ...overrides };
  for (const [name, value] of Object.entries(knobs)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`synth: knob ${name} must be a number >= 0`);
  }
  if (knobs.ringSizeMin < 2 || knobs.ringSizeMax < knobs.ringSizeMin) throw new Error('synth: ring sizes need 2 <= ringSizeMin <= ringSizeMax');
  if (knobs.shops < 10) throw new Error('synth: at least 10 shops');
  if (knobs.hubScale <= 0) throw new Error('synth: hubScale must be > 0');
  return knobs;
}
