import { Injectable } from '@nestjs/common';
import {
  byUrgency,
  selectInbox,
  SYSTEM_MOVES,
  type CaseAction,
  type InboxFilter,
  type InboxRow,
  type RunCluster,
  type SystemMove,
  type TrackedCase,
} from '@ringwatch/cases';
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
  /**
   * The inbox's rows, most urgent first, as of a version of the cases (version.cypher: a counter every
   * change of a case bumps in its transaction, and the number of cases). Each inbox request reads the
   * version (two counters, no scan) and answers from these rows when it is unchanged, so a list never
   * shows a case as it was before a change that had committed when the request arrived, in this process
   * or any other; after a change, the first request reads the rows again (one read for all the requests
   * waiting for it). Filtering and order are @ringwatch/cases' selectInbox.
   */
  private inboxRows: { version: string; rows: InboxRow[] } | null = null;
  private inboxLoad: { version: string; rows: Promise<InboxRow[]> } | null = null;
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
    version: 'cases/version',
    bumpVersion: 'cases/bump-version',
    inbox: 'cases/inbox',
    get: 'cases/get',
    move: 'cases/move',
    refer: 'cases/refer',
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
      if (actions.length > 0) await this.changed(tx);
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

  async list(filter: InboxFilter): Promise<CasePage> {
    const { records } = await this.readQuery(this.q.version);
    const version = `${String(records[0]!.get('changes'))}:${String(records[0]!.get('cases'))}`;
    const { total, items } = selectInbox(await this.rowsAt(version), filter);
    return { total, items: items.map(({ brands: _brands, ...summary }) => summary) };
  }

  private rowsAt(version: string): Promise<InboxRow[]> {
    if (this.inboxRows?.version === version) return Promise.resolve(this.inboxRows.rows);
    if (this.inboxLoad?.version === version) return this.inboxLoad.rows;
    // Read after the version: the rows are at least as new as it (newer at worst, and read again next time).
    const rows = this.readQuery(this.q.inbox)
      .then(({ records }) => {
        const sorted = records.map((r) => recordToPlain<InboxRow>(r)).sort(byUrgency);
        this.inboxRows = { version, rows: sorted };
        return sorted;
      })
      .finally(() => {
        if (this.inboxLoad?.rows === rows) this.inboxLoad = null;
      });
    this.inboxLoad = { version, rows };
    return rows;
  }

  /** In a transaction that changes a case: the inbox's rows are read again on the next request. */
  private async changed(tx: ManagedTransaction): Promise<void> {
    await tx.run(this.q.bumpVersion);
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
      async (tx) => {
        const before = ((await tx.run(this.q.move, { id, ...change })).records[0]?.get('before') as string | undefined) ?? null;
        if (before !== null) await this.changed(tx);
        return before;
      },
      (before) => (before === null ? null : audit(before)),
    );
  }

  /** A referral: the status it had (from `from`) when it won, null when another change came first. */
  async refer(
    id: string,
    referral: { from: string; agency: string; reference: string; date: string; contact: string; actor: string },
    audit: (before: string) => AuditEntry,
  ): Promise<string | null> {
    return this.audited(
      async (tx) => {
        const before = ((await tx.run(this.q.refer, { id, ...referral })).records[0]?.get('before') as string | undefined) ?? null;
        if (before !== null) await this.changed(tx);
        return before;
      },
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
        if (record) await this.changed(tx);
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
        if (record) await this.changed(tx);
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
