import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import neo4j from 'neo4j-driver';
import type { SuspectedPage } from '@ringwatch/wire';
import type { AuditOf } from '../audit/audit-entry';
import { Neo4jRepository } from '../database/neo4j.repository';

export interface ReportWritten {
  id: string;
  before: string | null;
  reportedAt: string;
}

@Injectable()
export class BrandsRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({ suspected: 'brands/suspected-listings', listingBrand: 'brands/listing-brand', report: 'brands/report' });

  async suspected(brand: string, skip: number, limit: number): Promise<SuspectedPage> {
    const { records } = await this.readQuery(this.q.suspected, { brand, skip: neo4j.int(skip), limit: neo4j.int(limit) });
    return recordToPlain(records[0]!);
  }

  async listingBrand(listingId: string): Promise<{ brand: string | null } | null> {
    const { records } = await this.readQuery(this.q.listingBrand, { listingId });
    return records[0] ? recordToPlain<{ brand: string | null }>(records[0]) : null;
  }

  async report(
    input: { listingId: string; brand: string; reporter: string; verdict: string; note: string | null },
    audit: AuditOf<ReportWritten | null>,
  ): Promise<ReportWritten | null> {
    return this.audited(async (tx) => {
      const { records } = await tx.run(this.q.report, input);
      return records[0] ? recordToPlain<ReportWritten>(records[0]) : null;
    }, audit);
  }
}
