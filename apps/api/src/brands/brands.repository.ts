import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { SuspectedPage } from '@ringwatch/wire';
import type { AuditOf } from '../audit/audit-entry';
import { Neo4jRepository } from '../database/neo4j.repository';

export interface ReportWritten {
  id: string;
  before: string | null;
  reportedAt: string;
  /** The takedown the verdict opened, or the one already open on the listing; null for other verdicts. */
  takedown: { id: string; opened: boolean; delisted: boolean } | null;
}

/** A takedown to open with a counterfeit verdict: its id, the lane the reporter's standing chose, whether it is sampled. */
export interface TakedownRequest {
  id: string;
  lane: 'fast' | 'review';
  sampled: boolean;
  targetMinutes: number;
}

/** Brands stop being walked here: a name list longer than this is not a list of brands any more. */
const MAX_BRANDS = 10_000;

@Injectable()
export class BrandsRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({
    suspected: 'brands/suspected-listings',
    listingBrand: 'brands/listing-brand',
    report: 'brands/report',
    known: 'brands/known',
    lockListing: 'takedowns/lock-listing',
    open: 'takedowns/open',
    delist: 'takedowns/delist',
  });

  async suspected(brand: string, skip: number, limit: number): Promise<SuspectedPage> {
    const { records } = await this.readQuery(this.q.suspected, { brand, skip: neo4j.int(skip), limit: neo4j.int(limit) });
    return recordToPlain<SuspectedPage>(records[0]!);
  }

  async listingBrand(listingId: string): Promise<{ brand: string | null } | null> {
    const { records } = await this.readQuery(this.q.listingBrand, { listingId });
    return records[0] ? recordToPlain<{ brand: string | null }>(records[0]) : null;
  }

  /** Every brand name listings and brand reports use, in order, one index seek per name. */
  async known(): Promise<string[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(async (tx) => {
        const names: string[] = [];
        for (let after = ''; names.length < MAX_BRANDS;) {
          const next = recordToPlain<{ next: string | null }>((await tx.run(this.q.known, { after })).records[0]!).next;
          if (next === null) break;
          names.push(next);
          after = next;
        }
        return names;
      });
    } finally {
      await session.close();
    }
  }

  /**
   * A verdict, and for a counterfeit one the takedown it requests, in one transaction with their audit
   * entries: the listing is locked first, so concurrent counterfeit verdicts open one takedown between them.
   */
  async report(
    input: { listingId: string; brand: string; reporter: string; verdict: string; note: string | null },
    takedown: TakedownRequest | null,
    audit: AuditOf<ReportWritten | null>,
  ): Promise<ReportWritten | null> {
    return this.audited(async (tx) => {
      const open = takedown ? await this.openTakedown(tx, input, takedown) : null;
      const { records } = await tx.run(this.q.report, input);
      if (!records[0]) return null;
      return { ...recordToPlain<Omit<ReportWritten, 'takedown'>>(records[0]), takedown: open };
    }, audit);
  }

  private async openTakedown(
    tx: ManagedTransaction,
    input: { listingId: string; brand: string; reporter: string },
    request: TakedownRequest,
  ): Promise<ReportWritten['takedown']> {
    const locked = await tx.run(this.q.lockListing, { listingId: input.listingId, brand: input.brand });
    if (!locked.records[0]) return null;
    const open = recordToPlain<{ open: string | null }>(locked.records[0]).open;
    if (open !== null) return { id: open, opened: false, delisted: false };
    await tx.run(this.q.open, {
      id: request.id,
      listingId: input.listingId,
      brand: input.brand,
      reporter: input.reporter,
      reportId: `portal:${input.reporter}:${input.listingId}`,
      lane: request.lane,
      sampled: request.sampled,
      targetMinutes: neo4j.int(request.targetMinutes),
    });
    if (request.lane === 'review') return { id: request.id, opened: true, delisted: false };
    const { records } = await tx.run(this.q.delist, { id: request.id });
    return { id: request.id, opened: true, delisted: recordToPlain<{ delisted: boolean }>(records[0]!).delisted };
  }
}
