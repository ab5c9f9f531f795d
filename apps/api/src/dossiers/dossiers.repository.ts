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
}

export interface DossierAccountRow {
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
  currencies: string[];
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

export interface DossierHistory {
  runs: { runId: string; at: string; size: number; risk: number; flagged: boolean; lineage: string }[];
  shutdowns: { id: string; status: string; proposedBy: string; proposedAt: string; decidedBy: string | null; executedAt: string | null; shops: number }[];
  run: { id: string; startedAt: string; params: string | null; seed: number | null; engine: string | null; typicalPrices: string | null } | null;
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
  });

  private async rows<T>(statement: string, params: Record<string, unknown>): Promise<T[]> {
    const { records } = await this.readQuery(statement, params);
    return records.map((r) => recordToPlain<T>(r));
  }

  async history(clusterId: string, runId: string): Promise<DossierHistory> {
    const [row] = await this.rows<DossierHistory>(this.q.history, { clusterId, runId });
    return row ?? { runs: [], shutdowns: [], run: null, dataTimestamp: null };
  }

  async facts(ids: string[], typical: Record<string, number>) {
    const [shops, addresses, accounts, contacts, listings, reports] = await Promise.all([
      this.rows<DossierShopRow>(this.q.shops, { ids }),
      this.rows<DossierAddressRow>(this.q.addresses, { ids }),
      this.rows<DossierAccountRow>(this.q.accounts, { ids }),
      this.rows<DossierContactRow>(this.q.contacts, { ids }),
      this.rows<DossierListingRow>(this.q.listings, { ids, typical }),
      this.rows<DossierReportRow>(this.q.reports, { ids }),
    ]);
    return { shops, addresses, accounts, contacts, listings, reports };
  }
}
