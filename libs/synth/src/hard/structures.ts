/**
 * The hard world's structures: the name written in the truth file's `structure` column for every shop,
 * whether it is a counterfeit ring or a legitimate group, and the parameters that size it.
 */

export const RING_STRUCTURES = [
  'classic_ring',
  'chain_ring',
  'strong_chain_ring',
  'rotating_account_ring',
  'hub_hiding_ring',
  'variant_warehouse_ring',
] as const;
export type RingStructure = (typeof RING_STRUCTURES)[number];

export const HONEST_STRUCTURES = [
  'independent',
  'multi_shop_seller',
  'family',
  'family_chain',
  'flat_share',
  'shared_building',
  'pooled_account',
  'logistics_agent',
  'marketplace_agent',
  'brand_store_group',
  'distributor',
] as const;
export type HonestStructure = (typeof HONEST_STRUCTURES)[number];
export type Structure = RingStructure | HonestStructure;

/** Identifier kinds a shop shares with its group by design, as the truth's `shares` column names them. */
export type ShareToken = 'account' | 'phone' | 'device' | 'email' | 'kyc' | 'dispatch' | 'return' | 'ship_to' | 'building';

export interface SizeRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Parameters of the hard world. Shares are of all shops in the world; the size preset gives the number
 * of shops, listings per shop and the ring share (knobs), these give the mixture.
 */
export interface HardWorldParams {
  /** Legitimate groups: share of all shops in each structure, and group sizes. */
  readonly groups: Readonly<Record<Exclude<HonestStructure, 'independent' | 'multi_shop_seller'>, { readonly share: number; readonly size: SizeRange }>>;
  /** Rings: relative weight of each ring structure, and ring sizes (classic rings follow the preset's power law). */
  readonly rings: Readonly<Record<RingStructure, { readonly weight: number; readonly size: SizeRange }>>;
  /** Independent honest sellers with two or three shops. */
  readonly multiShopSellerRate: number;
  /** Independent honest shops selling second-hand goods of protected brands. */
  readonly secondHandRate: number;
  /** Independent honest shops that are authorised resellers of a protected brand's cheap lines. */
  readonly cheapLineResellerRate: number;
  /** Ring shops that share nothing with their ring (undetectable by design). */
  readonly isolatedRingShopRate: number;
  /** Families whose two members (a couple) also share a joint bank account. */
  readonly jointAccountRate: number;
  /** Sellers who leave phones, emails or devices out, and addresses without postcode or region. */
  readonly sparseRate: number;
}

export const HARD_WORLD: HardWorldParams = {
  groups: {
    family: { share: 0.03, size: { min: 2, max: 4 } },
    family_chain: { share: 0.008, size: { min: 3, max: 4 } },
    flat_share: { share: 0.012, size: { min: 2, max: 4 } },
    shared_building: { share: 0.01, size: { min: 3, max: 8 } },
    pooled_account: { share: 0.025, size: { min: 5, max: 40 } },
    logistics_agent: { share: 0.015, size: { min: 5, max: 40 } },
    marketplace_agent: { share: 0.01, size: { min: 5, max: 40 } },
    brand_store_group: { share: 0.01, size: { min: 5, max: 15 } },
    distributor: { share: 0.008, size: { min: 5, max: 15 } },
  },
  rings: {
    classic_ring: { weight: 0.25, size: { min: 3, max: 300 } },
    chain_ring: { weight: 0.13, size: { min: 4, max: 12 } },
    strong_chain_ring: { weight: 0.07, size: { min: 10, max: 20 } },
    rotating_account_ring: { weight: 0.15, size: { min: 4, max: 15 } },
    hub_hiding_ring: { weight: 0.2, size: { min: 3, max: 30 } },
    variant_warehouse_ring: { weight: 0.2, size: { min: 3, max: 25 } },
  },
  multiShopSellerRate: 0.08,
  secondHandRate: 0.03,
  cheapLineResellerRate: 0.02,
  isolatedRingShopRate: 0.01,
  jointAccountRate: 0.08,
  sparseRate: 0.08,
};
