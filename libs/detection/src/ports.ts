import type { EvidenceKind } from './projection';
import type { PreviousCluster } from './lineage';

/**
 * The ports of a detection run (as libs/ingest has for loading): what it reads from the graph and what it
 * writes back. The detection repository implements them; it is the only code that talks to Neo4j.
 */

/** A shared identifier and the shops using it, by id (hubs may come without their shops). */
export interface RawGroup {
  kind: EvidenceKind;
  key: string;
  shopCount: number;
  shops: string[];
  /** A unit (floor, hall, room) of a shared address: see IdentifierGroup.refines. */
  refines?: boolean;
}

/** What the projection needs to know about a linked shop: its seller (shops of one seller are one actor) and its shape. */
export interface ShopProfileRow {
  seller: string | null;
  country: string | null;
  category: string | null;
  openedAt: number | null;
}

/** What risk scoring needs to know about one clustered shop. */
export interface MemberFactsRow {
  id: string;
  openedAt: number | null;
  status: string | null;
  /** Brands the shop lists. */
  brands: string[];
  reports: number;
}

/** A branded listing, with what makes listings comparable. */
export interface BrandedListingRow {
  shop: string;
  brand: string;
  category: string | null;
  title: string;
  price: number;
  currency: string | null;
}

export interface ClusterWrite {
  id: string;
  size: number;
  risk: number;
  flagged: boolean;
  factors: string;
  /** Why it is or is not flagged, in words. */
  verdict: string;
  lineage: string;
  lineageFrom: string[];
  sizeBefore: number;
  /** The brands its shops list, the most widely listed first (for lists and the brand filter). */
  brands: string[];
  /** How many of its shops list each of `brands` (same order): a brand's share is this over size. */
  brandShops: number[];
}

export interface MembershipWrite {
  shop: string;
  /** `<run id>:<cluster id>`. */
  key: string;
  /** Share of the shop's link weight that stays inside its cluster (3 decimals). */
  confidence: number;
}

export interface RunStart {
  id: string;
  /** The run's DetectionParams as JSON. */
  params: string;
  seed: number;
  engine: string;
  trigger: string;
}

export interface RunOutcome {
  status: 'completed' | 'failed';
  timings: string;
  modularity: number | null;
  counts: string;
  hubs: string;
  lineage: string;
  error: string | null;
  /** Kept with the run: dossiers compare a cluster's prices with the brand prices it was scored on. */
  typicalPrices: string;
}

/** What a run reads. */
export interface DetectionReader {
  /** Shared identifiers of every kind (hubs above the threshold without their shops), one call per group. */
  readGroups(hubThreshold: number, onGroup: (group: RawGroup) => void): Promise<void>;
  /** Who runs each shop and what it is: seller, country (its seller's), category and opening date, where known. */
  shopProfiles(ids: string[]): Promise<Map<string, ShopProfileRow>>;
  /** Each brand's typical price (its 90th percentile), kept with the run for the dossier. */
  brandTypicalPrices(): Promise<Record<string, number>>;
  /** Every branded listing, one call each (streamed: there are millions). */
  brandedListings(onListing: (listing: BrandedListingRow) => void): Promise<void>;
  memberFacts(ids: string[]): Promise<MemberFactsRow[]>;
  /** The clusters of the last completed run, for stable ids and lineage. */
  previousClusters(): Promise<PreviousCluster[]>;
  /** Reserves `count` cluster numbers from a sequence that never repeats; returns the first. */
  reserveClusterNumbers(count: number): Promise<number>;
}

/** What a run writes. */
export interface DetectionWriter {
  createRun(run: RunStart): Promise<void>;
  writeClusters(runId: string, clusters: ClusterWrite[], members: MembershipWrite[]): Promise<void>;
  finishRun(id: string, outcome: RunOutcome): Promise<void>;
  /** Deletes completed runs beyond the newest `keep`, with their clusters; returns how many. */
  prune(keep: number): Promise<number>;
}

export type DetectionStore = DetectionReader & DetectionWriter;
