import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import type { ClusterListItem, Report, ReportContent } from '@ringwatch/wire';
import neo4j from 'neo4j-driver';
import type { AuditOf } from '../audit/audit-entry';
import { Neo4jRepository } from '../database/neo4j.repository';

/** A cluster of a run, as a report lists it. */
export type RunCluster = ClusterListItem;

/** A report as stored: its counts are JSON text, its files in a folder of the server's. */
export type ReportRecord = Omit<Report, 'summary' | 'content'> & { summary: string | null; dir: string | null };

export interface SinceLastReport {
  shutdowns: ReportContent['shutdownsExecuted'];
  alerts: ReportContent['recidivismAlerts'];
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

  async lastCompletedAt(): Promise<string | null> {
    const { records } = await this.readQuery(this.q.lastCompleted);
    return (records[0]?.get('since') as string | null) ?? null;
  }

  async latestRunId(): Promise<string | null> {
    const { records } = await this.readQuery(this.q.latestRun);
    return (records[0]?.get('runId') as string | null) ?? null;
  }

  async runClusters(runId: string): Promise<RunCluster[]> {
    const { records } = await this.readQuery(this.q.runClusters, { runId });
    return records.map((r) => recordToPlain<RunCluster>(r));
  }

  async since(since: string | null): Promise<SinceLastReport> {
    const { records } = await this.readQuery(this.q.since, { since });
    return recordToPlain<SinceLastReport>(records[0]!);
  }
}
