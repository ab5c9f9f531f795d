import { Injectable } from '@nestjs/common';
import type { Outcomes } from '@ringwatch/good-faith';
import { recordToPlain } from '@ringwatch/neo4j';
import type { ReportOutcomePage, ReviewQueuePage, Takedown, TakedownListQuery } from '@ringwatch/wire';
import neo4j from 'neo4j-driver';
import type { AuditOf } from '../audit/audit-entry';
import { Neo4jRepository } from '../database/neo4j.repository';

export interface ReporterOutcomes extends Outcomes {
  reporter: string;
  brands: string[];
}

export interface Decided {
  before: string;
  status: Takedown['status'];
  review: string | null;
  listingId: string;
  reporter: string;
  brand: string;
  delisted: boolean;
  relisted: boolean;
}

export interface Appealed {
  status: Takedown['status'];
  review: string | null;
  listingId: string;
  reporter: string;
  brand: string;
  relisted: boolean;
}

/** The review queue, analysts' decisions, sellers' appeals, and the outcomes the good-faith rule rates. */
@Injectable()
export class TakedownsRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({
    get: 'takedowns/get',
    queue: 'takedowns/queue',
    list: 'takedowns/list',
    reports: 'brands/reports',
    decide: 'takedowns/decide',
    appeal: 'takedowns/appeal',
    delist: 'takedowns/delist',
    relist: 'takedowns/relist',
    outcomes: 'takedowns/outcomes',
  });

  async get(id: string): Promise<Takedown | null> {
    const { records } = await this.readQuery(this.q.get, { id });
    return records[0] ? recordToPlain<Takedown>(records[0]) : null;
  }

  async queue(brand: string | null, skip: number, limit: number): Promise<ReviewQueuePage> {
    const { records } = await this.readQuery(this.q.queue, { brand, skip: neo4j.int(skip), limit: neo4j.int(limit) });
    return recordToPlain<ReviewQueuePage>(records[0]!);
  }

  /** Takedowns by status, brand and reporter, newest first. */
  async list(filter: Pick<TakedownListQuery, 'status' | 'brand' | 'reporter'>, skip: number, limit: number): Promise<ReviewQueuePage> {
    const { records } = await this.readQuery(this.q.list, {
      status: filter.status ?? null,
      brand: filter.brand ?? null,
      reporter: filter.reporter ?? null,
      skip: neo4j.int(skip),
      limit: neo4j.int(limit),
    });
    return recordToPlain<ReviewQueuePage>(records[0]!);
  }

  /** A brand's reports with their takedowns' outcomes, newest first; one reporter's when `reporter` is set. */
  async reports(brand: string, reporter: string | null, skip: number, limit: number): Promise<ReportOutcomePage> {
    const { records } = await this.readQuery(this.q.reports, { brand, reporter, skip: neo4j.int(skip), limit: neo4j.int(limit) });
    return recordToPlain<ReportOutcomePage>(records[0]!);
  }

  /** Each reporter's outcomes, optionally of one reporter or one brand's takedowns only. */
  async outcomes(filter: { reporter?: string; brand?: string }): Promise<ReporterOutcomes[]> {
    const { records } = await this.readQuery(this.q.outcomes, { reporter: filter.reporter ?? null, brand: filter.brand ?? null });
    return records.map((r) => recordToPlain<ReporterOutcomes>(r));
  }

  /**
   * Confirms or rejects a queued report: a confirmation of a waiting report delists the listing, a rejection
   * of a fast-lane takedown relists it; with the audit entry, in one transaction. Null when the report was
   * not (or no longer) waiting: another decision won.
   */
  async decide(id: string, decision: 'confirmed' | 'rejected', actor: string, note: string | null, audit: AuditOf<Decided | null>): Promise<Decided | null> {
    return this.audited(async (tx) => {
      const { records } = await tx.run(this.q.decide, { id, decision, actor, note });
      if (!records[0]) return null;
      const row = recordToPlain<Omit<Decided, 'delisted' | 'relisted'>>(records[0]);
      let delisted = false;
      let relisted = false;
      if (decision === 'confirmed' && row.before === 'pending') {
        delisted = recordToPlain<{ delisted: boolean }>((await tx.run(this.q.delist, { id })).records[0]!).delisted;
        row.status = 'taken_down';
      }
      if (decision === 'rejected' && row.before === 'taken_down')
        relisted = recordToPlain<{ relisted: boolean }>((await tx.run(this.q.relist, { id })).records[0]!).relisted;
      return { ...row, delisted, relisted };
    }, audit);
  }

  /** Reverses a takedown in effect and relists its listing, audited in the same transaction; null when it was not in effect. */
  async appeal(id: string, actor: string, note: string, audit: AuditOf<Appealed | null>): Promise<Appealed | null> {
    return this.audited(async (tx) => {
      const { records } = await tx.run(this.q.appeal, { id, actor, note });
      if (!records[0]) return null;
      const relisted = recordToPlain<{ relisted: boolean }>((await tx.run(this.q.relist, { id })).records[0]!).relisted;
      return { ...recordToPlain<Omit<Appealed, 'relisted'>>(records[0]), relisted };
    }, audit);
  }
}
