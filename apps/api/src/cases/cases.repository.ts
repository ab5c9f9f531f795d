import { Injectable } from '@nestjs/common';
import { SYSTEM_MOVES, type CaseAction, type RunCluster, type SystemMove, type TrackedCase } from '@ringwatch/cases';
import { recordToPlain } from '@ringwatch/neo4j';
import type { CaseDetail, CaseNote, CasePage } from '@ringwatch/wire';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { AuditEntry } from '../audit/audit-entry';
import { Neo4jRepository } from '../database/neo4j.repository';

export type CaseRow = Omit<CaseDetail, 'moves'>;

/** A dossier export as its audit entry recorded it (see DossiersService.export). */
function dossierExport(e: { actor: string; at: string; after: string | null }): CaseRow['dossiers'][number] {
  const after = (e.after ? JSON.parse(e.after) : {}) as { format?: string; redacted?: boolean; runId?: string; sha256?: string };
  return {
    actor: e.actor,
    at: e.at,
    format: after.format ?? 'unknown',
    redacted: after.redacted ?? true,
    runId: after.runId ?? null,
    sha256: after.sha256 ?? null,
  };
}

@Injectable()
export class CasesRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({
    runClusters: 'cases/run-clusters',
    tracked: 'cases/tracked',
    numbers: 'cases/next-numbers',
    open: 'cases/open',
    follow: 'cases/follow',
    merge: 'cases/merge',
    reopen: 'cases/reopen',
    regrowth: 'cases/regrowth',
    dissolved: 'cases/dissolved',
    clusterStatus: 'cases/cluster-status',
    list: 'cases/list',
    get: 'cases/get',
    move: 'cases/move',
    setField: 'cases/set-field',
    note: 'cases/note',
    assignable: 'cases/assignable',
    shutdownMove: 'cases/shutdown-move',
  });

  async runClusters(runId: string): Promise<RunCluster[]> {
    const { records } = await this.readQuery(this.q.runClusters, { runId });
    return records.map((r) => recordToPlain<RunCluster>(r));
  }

  async tracked(): Promise<TrackedCase[]> {
    const { records } = await this.readQuery(this.q.tracked);
    return records.map((r) => recordToPlain<TrackedCase>(r));
  }

  /**
   * Applies a run's plan in one transaction, with an audit entry per case opened, merged, re-opened or
   * given regrowth alerts, and marks the run's clusters with their cases' state.
   */
  async applySync(runId: string, actions: readonly CaseAction[]): Promise<{ opened: string[]; reopened: string[]; merged: number; regrowthAlerts: number }> {
    return this.writeTransaction(async (tx) => {
      const of = <T extends CaseAction['type']>(type: T) => actions.filter((a): a is Extract<CaseAction, { type: T }> => a.type === type);
      const opens = of('open');
      let opened: { id: string; clusterId: string; risk: number; members: readonly string[]; splitFrom: string | null; priority: string; detail: string }[] =
        [];
      if (opens.length > 0) {
        const first = Number((await tx.run(this.q.numbers, { count: neo4j.int(opens.length) })).records[0]!.get('first'));
        opened = opens.map((o, i) => ({
          id: `K${String(first + i).padStart(6, '0')}`,
          clusterId: o.clusterId,
          risk: o.risk,
          members: o.members,
          splitFrom: o.splitFrom,
          priority: o.risk >= 70 ? 'high' : o.risk >= 45 ? 'medium' : 'low',
          detail: o.splitFrom ? `split off ${o.splitFrom}'s network as ${o.clusterId}` : `flagged network ${o.clusterId} (risk ${Math.round(o.risk)})`,
        }));
        await tx.run(this.q.open, { runId, opened });
      }
      const follows = of('follow');
      if (follows.length > 0) await tx.run(this.q.follow, { runId, follows });
      const merges = of('merge');
      if (merges.length > 0) await tx.run(this.q.merge, { runId, merges });
      const move = SYSTEM_MOVES.reopened;
      const reopens = of('reopen');
      const reopened =
        reopens.length > 0
          ? (((await tx.run(this.q.reopen, { runId, reopens, from: move.from, to: move.to })).records[0]?.get('reopened') as string[] | undefined) ?? [])
          : [];
      const regrowths = of('regrowth');
      let regrowthAlerts = 0;
      const regrown: { caseId: string; alerts: string[] }[] = [];
      if (regrowths.length > 0) {
        for (const r of (await tx.run(this.q.regrowth, { runId, regrowths })).records) regrown.push(recordToPlain<{ caseId: string; alerts: string[] }>(r));
        regrowthAlerts = regrown.reduce((n, r) => n + r.alerts.length, 0);
      }
      const dissolved = of('dissolved');
      if (dissolved.length > 0) await tx.run(this.q.dissolved, { runId, dissolved });
      await tx.run(this.q.clusterStatus, { runId });
      const reasons = new Map(reopens.map((r) => [r.caseId, r.reason]));
      const entries: AuditEntry[] = [
        ...opened.map((o) => ({
          actor: 'system',
          action: 'case.open',
          target: `case:${o.id}`,
          before: null,
          after: { status: 'new', clusterId: o.clusterId, runId, splitFrom: o.splitFrom },
        })),
        ...merges.map((m) => ({
          actor: 'system',
          action: 'case.merge',
          target: `case:${m.caseId}`,
          before: null,
          after: { status: 'merged', into: m.intoCaseId, clusterId: m.clusterId, runId },
        })),
        ...reopened.map((id) => ({
          actor: 'system',
          action: 'case.reopen',
          target: `case:${id}`,
          before: { status: 'dismissed' },
          after: { status: move.to, reason: reasons.get(id), runId },
        })),
        ...regrown
          .filter((r) => r.alerts.length > 0)
          .map((r) => ({ actor: 'system', action: 'case.regrowth', target: `case:${r.caseId}`, before: null, after: { alerts: r.alerts, runId } })),
      ];
      await this.auditIn(tx, entries);
      return { opened: opened.map((o) => o.id), reopened, merged: merges.length, regrowthAlerts };
    });
  }

  async list(filter: {
    statuses: readonly string[];
    assignee: string | null;
    priority: string | null;
    minRisk: number | null;
    brand: string | null;
    changedSince: string | null;
    skip: number;
    limit: number;
  }): Promise<CasePage> {
    const { records } = await this.readQuery(this.q.list, { ...filter, skip: neo4j.int(filter.skip), limit: neo4j.int(filter.limit) });
    return recordToPlain<CasePage>(records[0]!);
  }

  async get(id: string): Promise<CaseRow | null> {
    const { records } = await this.readQuery(this.q.get, { id });
    if (!records[0]) return null;
    const row = recordToPlain<Omit<CaseRow, 'dossiers'> & { dossiers: { actor: string; at: string; after: string | null }[] }>(records[0]);
    return { ...row, dossiers: row.dossiers.map(dossierExport) };
  }

  /** A person's move; null when the case was not in `from` any more (someone else moved it first). */
  async move(
    id: string,
    change: { from: string; to: string; reason: string | null; agency: string | null; reference: string | null; actor: string },
    audit: (before: string) => AuditEntry,
  ): Promise<string | null> {
    return this.audited(
      async (tx) => ((await tx.run(this.q.move, { id, ...change })).records[0]?.get('before') as string | undefined) ?? null,
      (before) => (before === null ? null : audit(before)),
    );
  }

  /** Assignee or priority; `expected` (when given) must be the current value ('' for none), else null comes back. */
  async setField(
    id: string,
    change: { field: 'assignee' | 'priority'; value: string | null; expected: string | null; actor: string },
    audit: (before: string | null) => AuditEntry,
  ): Promise<{ before: string | null } | null> {
    return this.audited(
      async (tx) => {
        const record = (await tx.run(this.q.setField, { id, ...change })).records[0];
        return record ? { before: record.get('before') as string | null } : null;
      },
      (done) => (done === null ? null : audit(done.before)),
    );
  }

  async note(
    id: string,
    note: { noteId: string; author: string; text: string; mentions: string[] },
    audit: (n: CaseNote) => AuditEntry,
  ): Promise<CaseNote | null> {
    return this.audited(
      async (tx) => {
        const record = (await tx.run(this.q.note, { id, ...note })).records[0];
        return record ? recordToPlain<CaseNote>(record) : null;
      },
      (n) => (n === null ? null : audit(n)),
    );
  }

  async assignableRoles(username: string): Promise<string[] | null> {
    const { records } = await this.readQuery(this.q.assignable, { username });
    return records[0] ? (records[0].get('roles') as string[]) : null;
  }
}

/**
 * The four-eyes flow's move of a case, inside the shutdown's own transaction (ShutdownsRepository), with
 * its audit entry: proposed, rejected or executed. Nothing happens when the network has no case or the
 * case is elsewhere in its life (e.g. already shut down).
 */
export async function moveCaseForShutdown(
  tx: ManagedTransaction,
  statement: string,
  shutdownId: string,
  move: SystemMove,
  actor: string,
  reason: string,
): Promise<AuditEntry | null> {
  const { from, to } = SYSTEM_MOVES[move];
  const record = (await tx.run(statement, { shutdownId, from, to, actor, reason })).records[0];
  if (!record) return null;
  const caseId = record.get('caseId') as string;
  return {
    actor,
    action: 'case.status',
    target: `case:${caseId}`,
    before: { status: record.get('before') as string },
    after: { status: to, reason, shutdownId },
  };
}
