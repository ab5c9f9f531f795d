import { Injectable } from '@nestjs/common';
import type { IdentifierKind } from '@ringwatch/kinds';
import { recordToPlain } from '@ringwatch/neo4j';
import neo4j from 'neo4j-driver';
import type { ShopActivity, ShopDetail, ShopListing } from '@ringwatch/wire';
import type { AuditOf } from '../audit/audit-entry';
import type { Place } from '../common/redaction';
import { Neo4jRepository } from '../database/neo4j.repository';

export interface NeighbourRow {
  kind: IdentifierKind;
  key: string;
  label: string | null;
  /** An address's place (null for other kinds), for a redacted label. */
  place: Place | null;
  shopCount: number;
  /** Which of the asked-about shops use the identifier. */
  from: string[];
  /** Other shops using it (empty for hubs), capped; otherCount is how many there are in all. */
  others: string[];
  otherCount: number;
}

export interface ListingsRow {
  total: number;
  items: Omit<ShopListing, 'priceRatio'>[];
}

export interface ActivityRow {
  openedAt: string | null;
  reinstatedAt: string | null;
  reinstateReason: string | null;
  payments: ShopActivity['payments'];
  reports: { at: string | null; verdict: string | null; brand: string | null; listingId: string }[];
  clusters: { at: string; runId: string; clusterId: string; risk: number | null; flagged: boolean | null; confidence: number | null }[];
  shutdowns: { id: string; status: string; proposedAt: string | null; doneAt: string | null; reinstatedAt: string | null }[];
}

export interface Reinstatement {
  before: string;
  shutdownId: string | null;
  relisted: number;
}

@Injectable()
export class ShopsRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({
    detail: 'shops/detail',
    neighbours: 'shops/neighbours',
    summaries: 'shops/summaries',
    status: 'shops/status',
    reinstate: 'shops/reinstate',
    metrics: 'shops/metrics',
    listings: 'shops/listings',
    activity: 'shops/activity',
  });

  async detail(id: string): Promise<ShopDetail | null> {
    const { records } = await this.readQuery(this.q.detail, { id });
    return records[0] ? recordToPlain<ShopDetail>(records[0]) : null;
  }

  async neighbours(shops: string[], hubThreshold: number, perIdentifier: number): Promise<NeighbourRow[]> {
    const { records } = await this.readQuery(this.q.neighbours, { shops, hubThreshold: neo4j.int(hubThreshold), perIdentifier: neo4j.int(perIdentifier) });
    return records.map((r) => recordToPlain<NeighbourRow>(r));
  }

  async summaries(ids: string[]): Promise<{ id: string; name: string | null; status: string | null }[]> {
    const { records } = await this.readQuery(this.q.summaries, { ids });
    return records.map((r) => recordToPlain<{ id: string; name: string | null; status: string | null }>(r));
  }

  async metrics(ids: string[]): Promise<{ id: string; listings: number; gmv: number }[]> {
    const { records } = await this.readQuery(this.q.metrics, { ids });
    return records.map((r) => recordToPlain<{ id: string; listings: number; gmv: number }>(r));
  }

  async listings(id: string, skip: number, limit: number): Promise<ListingsRow | null> {
    const { records } = await this.readQuery(this.q.listings, { id, skip: neo4j.int(skip), limit: neo4j.int(limit) });
    return records[0] ? recordToPlain<ListingsRow>(records[0]) : null;
  }

  async activity(id: string, cap: number): Promise<ActivityRow | null> {
    const { records } = await this.readQuery(this.q.activity, { id, cap: neo4j.int(cap) });
    return records[0] ? recordToPlain<ActivityRow>(records[0]) : null;
  }

  async status(id: string): Promise<{ status: string | null; suspendedBy: string | null } | null> {
    const { records } = await this.readQuery(this.q.status, { id });
    return records[0] ? recordToPlain<{ status: string | null; suspendedBy: string | null }>(records[0]) : null;
  }

  /** Null when the shop was not suspended (any more) at the moment of writing. */
  async reinstate(id: string, reason: string, actor: string, audit: AuditOf<Reinstatement | null>): Promise<Reinstatement | null> {
    return this.audited(async (tx) => {
      const { records } = await tx.run(this.q.reinstate, { id, reason, actor });
      return records[0] ? recordToPlain<Reinstatement>(records[0]) : null;
    }, audit);
  }
}
