import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import type { ClusterListItem, Report, ReportContent, ReportTodo } from '@ringwatch/wire';
import neo4j from 'neo4j-driver';
import type { AuditOf } from '../audit/audit-entry';
import { Neo4jRepository } from '../database/neo4j.repository';

/** A cluster of a run, as a report lists it. */
export type RunCluster = ClusterListItem;

/** A report as stored: its counts are JSON text, its files in a folder of the server's. */
export type ReportRecord = Omit<Report, 'summary' | 'content'> & { summary: string | null; dir: string | null };

/** Where the next report starts counting: what people and loads did since `since`, what runs made since `runsSince`. */
export interface LastReport {
  since: string | null;
  runsSince: string | null;
}

export interface SinceLastReport {
  shutdowns: ReportContent['shutdownsExecuted'];
  alerts: ReportTodo['alerts'];
}

/** A case whose network's risk rose between two runs, as stored: risk factors are JSON text. */
export interface RiskRiseRow {
  caseId: string;
  clusterId: string;
  status: string;
  assignee: string | null;
  riskBefore: number;
  risk: number;
  factorsBefore: string | null;
  factors: string | null;
  joined: string[];
  verdicts: { brand: string; verdict: string; count: number }[];
}

/** What the to-do groups are made of, as read from the graph (report-content.ts shapes them). */
export interface TodoRows {
  newCases: ReportTodo['newCases'];
  riskRises: RiskRiseRow[];
  reopened: Omit<ReportTodo['reopened'][number], 'statusLabel'>[];
  proposals: Omit<ReportTodo['proposals'][number], 'waitingHours'>[];
  brandVerdicts: { brand: string; verdict: string; count: number; clusters: string[] }[];
  reinstatements: ReportTodo['reinstatements'];
}

@Injectable()
export class ReportsRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({
    acquire: 'reports/acquire-lock',
    extend: 'reports/extend-lock',
    release: 'reports/release-lock',
    create: 'reports/create',
    finish: 'reports/finish',
    list: 'reports/list',
    get: 'reports/get',
    lastCompleted: 'reports/last-completed',
    latestRun: 'reports/latest-run',
    runClusters: 'reports/run-clusters',
    since: 'reports/since',
    newCases: 'reports/new-cases',
    riskRises: 'reports/risk-rises',
    reopened: 'reports/reopened',
    proposals: 'reports/waiting-proposals',
    brandVerdicts: 'reports/brand-verdicts',
    reinstatements: 'reports/reinstatements',
  });

  async acquireLock(name: string, owner: string, ttlSeconds: number): Promise<boolean> {
    const { records } = await this.writeQuery(this.q.acquire, { name, owner, ttlSeconds: neo4j.int(ttlSeconds) });
    return records.length === 1;
  }

  async extendLock(name: string, owner: string, ttlSeconds: number): Promise<boolean> {
    const { records } = await this.writeQuery(this.q.extend, { name, owner, ttlSeconds: neo4j.int(ttlSeconds) });
    return records.length === 1;
  }

  async releaseLock(name: string, owner: string): Promise<void> {
    await this.writeQuery(this.q.release, { name, owner });
  }

  async create(id: string, trigger: string, attempt: number): Promise<void> {
    await this.writeQuery(this.q.create, { id, trigger, attempt: neo4j.int(attempt) });
  }

  /** Records how a report run ended, with its audit entry in the same transaction. */
  async finish(
    id: string,
    outcome: { status: 'completed' | 'failed'; error: string | null; runId: string | null; previousRunId: string | null; summary: string | null; files: string[]; dir: string | null },
    audit: AuditOf<void>,
  ): Promise<void> {
    await this.audited(async (tx) => {
      await tx.run(this.q.finish, { id, ...outcome });
    }, audit);
  }

  async list(skip: number, limit: number): Promise<{ total: number; items: Omit<ReportRecord, 'files' | 'dir' | 'previousRunId'>[] }> {
    const { records } = await this.readQuery(this.q.list, { skip: neo4j.int(skip), limit: neo4j.int(limit) });
    return recordToPlain(records[0]!);
  }

  async get(id: string): Promise<ReportRecord | null> {
    const { records } = await this.readQuery(this.q.get, { id });
    return records[0] ? recordToPlain<ReportRecord>(records[0]) : null;
  }

  async lastCompleted(): Promise<LastReport> {
    const { records } = await this.readQuery(this.q.lastCompleted);
    return { since: (records[0]?.get('since') as string | null) ?? null, runsSince: (records[0]?.get('runsSince') as string | null) ?? null };
  }

  async latestRunId(): Promise<string | null> {
    const { records } = await this.readQuery(this.q.latestRun);
    return (records[0]?.get('runId') as string | null) ?? null;
  }

  async runClusters(runId: string): Promise<RunCluster[]> {
    const { records } = await this.readQuery(this.q.runClusters, { runId });
    return records.map((r) => recordToPlain<RunCluster>(r));
  }

  async since(last: LastReport): Promise<SinceLastReport> {
    const { records } = await this.readQuery(this.q.since, { ...last });
    return recordToPlain<SinceLastReport>(records[0]!);
  }

  /**
   * The rows of the to-do groups: cases opened and re-opened by runs since the last report, cases of
   * `statuses` whose risk rose by `minRise` from the previous run to this one, proposals waiting, brand
   * verdicts and reinstatements since the last report.
   */
  async todo(input: { last: LastReport; runId: string; previousRunId: string | null; minRise: number; statuses: readonly string[] }): Promise<TodoRows> {
    const rows = async <T>(statement: string, params: Record<string, unknown> = {}) =>
      (await this.readQuery(statement, params)).records.map((r) => recordToPlain<T>(r));
    const { since, runsSince } = input.last;
    const [newCases, riskRises, reopened, proposals, brandVerdicts, reinstatements] = await Promise.all([
      rows<TodoRows['newCases'][number]>(this.q.newCases, { runsSince }),
      input.previousRunId
        ? rows<RiskRiseRow>(this.q.riskRises, { runId: input.runId, previousRunId: input.previousRunId, minRise: input.minRise, statuses: input.statuses })
        : Promise.resolve([]),
      rows<TodoRows['reopened'][number]>(this.q.reopened, { runsSince }),
      rows<TodoRows['proposals'][number]>(this.q.proposals),
      rows<TodoRows['brandVerdicts'][number]>(this.q.brandVerdicts, { since, runId: input.runId }),
      rows<TodoRows['reinstatements'][number]>(this.q.reinstatements, { since }),
    ]);
    return { newCases, riskRises, reopened, proposals, brandVerdicts, reinstatements };
  }
}
