import { Injectable } from '@nestjs/common';
import type { IdentifierKind } from '@ringwatch/kinds';
import { recordToPlain } from '@ringwatch/neo4j';
import type { Shutdown, ShutdownListQuery, ShutdownPage } from '@ringwatch/wire';
import neo4j from 'neo4j-driver';
import type { AuditOf } from '../audit/audit-entry';
import { moveCaseForShutdown } from '../cases/cases.repository';
import { Neo4jRepository } from '../database/neo4j.repository';

export interface MemberFacts {
  id: string;
  name: string | null;
  status: string | null;
  openedAt: string | null;
  activeListings: number;
  counterfeitReports: number;
  hubKinds: IdentifierKind[];
  payouts: { currency: string; amount: number }[];
}

export interface ExecutionDone {
  shopsDone: number;
  listingsDelisted: number;
}

/** A shutdown as stored: its preview is JSON text. */
export type ShutdownRow = Omit<Shutdown, 'preview'> & { preview: string };

@Injectable()
export class ShutdownsRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({
    preview: 'shutdowns/preview',
    openForCluster: 'shutdowns/open-for-cluster',
    create: 'shutdowns/create',
    get: 'shutdowns/get',
    list: 'shutdowns/list',
    decide: 'shutdowns/decide',
    start: 'shutdowns/start-execution',
    batch: 'shutdowns/execute-batch',
    finish: 'shutdowns/finish-execution',
    pending: 'shutdowns/pending-executions',
    caseMove: 'cases/shutdown-move',
  });

  async memberFacts(ids: string[], hubThreshold: number): Promise<MemberFacts[]> {
    const { records } = await this.readQuery(this.q.preview, { ids, hubThreshold: neo4j.int(hubThreshold) });
    return records.map((r) => recordToPlain<MemberFacts>(r));
  }

  /**
   * Creates the proposal unless the cluster already has one under way; both in one transaction that
   * locks the cluster first. Returns the ids of open proposals that prevented it (empty on success), or
   * null when the cluster does not exist. Audited (on success) in the same transaction.
   */
  async create(
    input: {
      id: string;
      clusterKey: string;
      reason: string;
      excluded: string[];
      shops: string[];
      actor: string;
      preview: string;
    },
    audit: AuditOf<string[] | null>,
  ): Promise<string[] | null> {
    return this.audited(async (tx) => {
      const open = await tx.run(this.q.openForCluster, { clusterKey: input.clusterKey });
      if (open.records.length === 0) return null;
      const blocking = open.records[0]!.get('open') as string[];
      if (blocking.length > 0) return blocking;
      await tx.run(this.q.create, input);
      // The case of the network moves with it (new, triage, investigating… → shutdown proposed).
      const moved = await moveCaseForShutdown(tx, this.q.caseMove, input.id, 'proposed', input.actor, input.reason);
      if (moved) await this.auditIn(tx, [moved]);
      return [];
    }, audit);
  }

  async get(id: string): Promise<ShutdownRow | null> {
    const { records } = await this.readQuery(this.q.get, { id });
    return records[0] ? recordToPlain<ShutdownRow>(records[0]) : null;
  }

  async list(query: ShutdownListQuery): Promise<ShutdownPage> {
    const { records } = await this.readQuery(this.q.list, { status: query.status ?? null, skip: neo4j.int(query.skip), limit: neo4j.int(query.limit) });
    return recordToPlain(records[0]!);
  }

  /** True when the decision was recorded; false when the proposal was no longer pending (or is the actor's own). */
  async decide(id: string, status: 'approved' | 'rejected', actor: string, note: string | null, audit: AuditOf<boolean>): Promise<boolean> {
    return this.audited(async (tx) => {
      const won = (await tx.run(this.q.decide, { id, status, actor, note })).records.length === 1;
      if (won && status === 'rejected') {
        const moved = await moveCaseForShutdown(tx, this.q.caseMove, id, 'rejected', actor, note ?? 'the shutdown proposal was rejected');
        if (moved) await this.auditIn(tx, [moved]);
      }
      return won;
    }, audit);
  }

  async startExecution(id: string): Promise<boolean> {
    const { records } = await this.writeQuery(this.q.start, { id });
    return records.length === 1;
  }

  /** Executes one batch; returns how many shops and listings it changed (0 shops: nothing was left). */
  async executeBatch(id: string, batchSize: number): Promise<{ shops: number; listings: number }> {
    const { records } = await this.writeQuery(this.q.batch, { id, batchSize: neo4j.int(batchSize) });
    return records[0] ? recordToPlain<{ shops: number; listings: number }>(records[0]) : { shops: 0, listings: 0 };
  }

  /** Null when another process finished it first (then that one audited it). */
  async finishExecution(id: string, audit: AuditOf<ExecutionDone | null>): Promise<ExecutionDone | null> {
    return this.audited(async (tx) => {
      const { records } = await tx.run(this.q.finish, { id });
      if (!records[0]) return null;
      const done = recordToPlain<ExecutionDone>(records[0]);
      const moved = await moveCaseForShutdown(
        tx,
        this.q.caseMove,
        id,
        'executed',
        'system',
        `${done.shopsDone} shops suspended, ${done.listingsDelisted} listings delisted`,
      );
      if (moved) await this.auditIn(tx, [moved]);
      return done;
    }, audit);
  }

  async pendingExecutions(): Promise<string[]> {
    const { records } = await this.readQuery(this.q.pending);
    return records.map((r) => r.get('id') as string);
  }
}
