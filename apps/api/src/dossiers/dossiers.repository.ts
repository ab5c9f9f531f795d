import { Injectable } from '@nestjs/common';
import type { AddressKind, IdentifierKind } from '@ringwatch/kinds';
import { recordToPlain } from '@ringwatch/neo4j';
import { Neo4jRepository } from '../database/neo4j.repository';

export interface DossierShopRow {
  id: string;
  name: string | null;
  status: string | null;
  category: string | null;
  openedAt: string | null;
  suspendedAt: string | null;
  suspendedBy: string | null;
  listings: number;
  sellerId: string | null;
  sellerName: string | null;
  sellerCountry: string | null;
  sellerRegisteredAt: string | null;
  kyc: string[];
  emails: string[];
  phones: string[];
  devices: string[];
}

export interface DossierAddressRow {
  key: string;
  text: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  postcode: string | null;
  shopCount: number;
  uses: { shop: string; kind: AddressKind }[];
  first: string | null;
  last: string | null;
}

export interface DossierAccountRow {
  key: string;
  kind: string | null;
  provider: string | null;
  masked: string | null;
  shopCount: number;
  shops: string[];
  volume: { currency: string; amount: number; payouts: number; first: string | null; last: string | null }[];
}

export interface DossierContactRow {
  kind: Extract<IdentifierKind, 'phone' | 'device'>;
  key: string;
  shops: string[];
  shopCount: number;
}

export interface DossierListingRow {
  brand: string;
  listings: number;
  active: number;
  minPrice: number | null;
  medianPrice: number | null;
  maxPrice: number | null;
  currency: string | null;
  typicalPrice: number | null;
}

export interface DossierReportRow {
  listingId: string;
  title: string | null;
  shopId: string;
  brand: string | null;
  verdict: string;
  reporter: string | null;
  reportedAt: string | null;
}

export interface DossierListingDetailRow {
  id: string;
  shopId: string;
  title: string | null;
  brand: string | null;
  price: number | null;
  currency: string | null;
  status: string | null;
  listedAt: string | null;
  reports: number;
}

export interface DossierPaymentRow {
  account: string | null;
  provider: string | null;
  shopId: string;
  currency: string;
  payouts: number;
  amount: number;
  smallest: number;
  largest: number;
  first: string | null;
  last: string | null;
}

export interface DossierReferral {
  agency: string;
  reference: string;
  date: string;
  contact: string;
  recordedBy: string;
  recordedAt: string;
}

export interface DossierCase {
  case: {
    id: string;
    status: string;
    createdAt: string | null;
    events: { type: string; actor: string | null; at: string; detail: string | null }[];
    referral: DossierReferral | null;
  } | null;
  reinstatements: { shopId: string; at: string; by: string | null; reason: string | null }[];
  appeals: { listingId: string; shopId: string; at: string; by: string | null; note: string | null }[];
}

export interface DossierHistory {
  runs: { runId: string; at: string; size: number; risk: number; flagged: boolean; lineage: string }[];
  shutdowns: {
    id: string;
    status: string;
    proposedBy: string;
    proposedAt: string;
    decidedBy: string | null;
    decidedAt: string | null;
    executedAt: string | null;
    shops: number;
  }[];
  run: {
    id: string;
    startedAt: string;
    params: string | null;
    seed: number | null;
    engine: string | null;
    typicalPrices: string | null;
    hubs: string | null;
  } | null;
  dataTimestamp: string | null;
}

/** Everything a dossier holds about a cluster's shops, in a few bulk reads. */
@Injectable()
export class DossiersRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({
    shops: 'dossiers/shops',
    addresses: 'dossiers/addresses',
    accounts: 'dossiers/accounts',
    contacts: 'dossiers/contacts',
    listings: 'dossiers/listings',
    reports: 'dossiers/brand-reports',
    history: 'dossiers/history',
    case: 'dossiers/case',
    listingRows: 'dossiers/listing-rows',
    payments: 'dossiers/payments',
  });

  private async rows<T>(statement: string, params: Record<string, unknown>): Promise<T[]> {
    const { records } = await this.readQuery(statement, params);
    return records.map((r) => recordToPlain<T>(r));
  }

  async history(clusterId: string, runId: string): Promise<DossierHistory> {
    const [row] = await this.rows<DossierHistory>(this.q.history, { clusterId, runId });
    return row ?? { runs: [], shutdowns: [], run: null, dataTimestamp: null };
  }

  /** `typical` (the run's typical prices, from history) is awaited by the one read that needs it, so the others need not wait. */
  async facts(clusterId: string, ids: string[], typical: Promise<Record<string, number>>) {
    const [shops, addresses, accounts, contacts, listings, reports, listingRows, payments, caseRows] = await Promise.all([
      this.rows<DossierShopRow>(this.q.shops, { ids }),
      this.rows<DossierAddressRow>(this.q.addresses, { ids }),
      this.rows<DossierAccountRow>(this.q.accounts, { ids }),
      this.rows<DossierContactRow>(this.q.contacts, { ids }),
      typical.then((t) => this.rows<DossierListingRow>(this.q.listings, { ids, typical: t })),
      this.rows<DossierReportRow>(this.q.reports, { ids }),
      this.rows<DossierListingDetailRow>(this.q.listingRows, { ids }),
      this.rows<DossierPaymentRow>(this.q.payments, { ids }),
      this.rows<DossierCase>(this.q.case, { clusterId, ids }),
    ]);
    const kase = caseRows[0] ?? { case: null, reinstatements: [], appeals: [] };
    return { shops, addresses, accounts, contacts, listings, reports, listingRows, payments, case: kase };
  }

  /**
   * Runs every dossier read once for a network that does not exist, at start-up: Neo4j plans a statement
   * on its first run (over a second each for these, on a busy machine), and keeps the plan for the
   * statement's text and parameter types, so the first liaison's dossier finds them planned.
   */
  async warm(): Promise<void> {
    const ids = ['warm-up'];
    await this.history('warm-up', 'warm-up');
    await this.facts('warm-up', ids, Promise.resolve({ Aurelio: 1 }));
  }
}
