import type { CaseStatus } from './status';

/**
 * What a detection run means for the cases: pure planning, so the rules are tested without a database.
 * A case follows its network through the run's lineage (stable cluster ids): grown, shrunk or merged,
 * the case of the larger side survives and records the merge; split, the case stays with the part
 * that kept the id and the other flagged parts get new cases that link back. Work done by people is
 * never reset: only a dismissed network that grows or whose risk rises is re-opened, and a shut-down
 * network that regrows gets its new shops attached as an alert.
 */

export interface TrackedCase {
  readonly id: string;
  /** The stable id of the network it follows. */
  readonly clusterId: string;
  readonly status: CaseStatus;
  /** Risk and shops of the network at the last run that saw it (0 shops: dissolved). */
  readonly risk: number;
  readonly members: readonly string[];
}

export interface RunCluster {
  readonly id: string;
  readonly members: readonly string[];
  readonly risk: number;
  readonly flagged: boolean;
  /** new, grown, shrunk, unchanged, merged or split (see @ringwatch/detection's lineage). */
  readonly lineage: string;
  /** The previous networks it came from. */
  readonly lineageFrom: readonly string[];
}

export interface SyncOptions {
  /** A dismissed network whose risk rises by at least this much re-opens. */
  readonly reopenRiskRise: number;
}

export type CaseAction =
  | {
      readonly type: 'follow';
      readonly caseId: string;
      readonly clusterId: string;
      readonly risk: number;
      readonly members: readonly string[];
      readonly lineage: string;
      readonly from: readonly string[];
    }
  | { readonly type: 'reopen'; readonly caseId: string; readonly reason: string }
  | { readonly type: 'merge'; readonly caseId: string; readonly intoCaseId: string; readonly clusterId: string }
  | { readonly type: 'regrowth'; readonly caseId: string; readonly clusterId: string; readonly shops: readonly string[] }
  | { readonly type: 'dissolved'; readonly caseId: string; readonly clusterId: string }
  | {
      readonly type: 'open';
      readonly clusterId: string;
      readonly risk: number;
      readonly members: readonly string[];
      /** The case of the network this one split from, if any. */
      readonly splitFrom: string | null;
    };

const round = (x: number) => Math.round(x * 10) / 10;

export function planCaseSync(cases: readonly TrackedCase[], clusters: readonly RunCluster[], options: SyncOptions): CaseAction[] {
  const live = cases.filter((c) => c.status !== 'merged');
  const byCluster = new Map<string, TrackedCase>();
  for (const c of [...live].sort((a, b) => a.id.localeCompare(b.id))) if (!byCluster.has(c.clusterId)) byCluster.set(c.clusterId, c);
  const actions: CaseAction[] = [];
  const touched = new Set<string>();

  for (const cluster of [...clusters].sort((a, b) => a.id.localeCompare(b.id))) {
    // A split part continues no case of its own: its parent's case stays with the part that kept the id.
    const sources = cluster.lineage === 'split' ? [cluster.id] : [cluster.id, ...cluster.lineageFrom];
    const candidates = [...new Set(sources)].map((id) => byCluster.get(id)).filter((c): c is TrackedCase => c !== undefined && !touched.has(c.id));
    const survivor =
      byCluster.get(cluster.id) && !touched.has(byCluster.get(cluster.id)!.id)
        ? byCluster.get(cluster.id)!
        : [...candidates].sort((a, b) => b.members.length - a.members.length || a.id.localeCompare(b.id))[0];
    if (survivor === undefined) {
      if (cluster.flagged) {
        const parent = cluster.lineage === 'split' ? byCluster.get(cluster.lineageFrom[0] ?? '') : undefined;
        actions.push({ type: 'open', clusterId: cluster.id, risk: cluster.risk, members: cluster.members, splitFrom: parent?.id ?? null });
      }
      continue;
    }
    for (const other of candidates) {
      if (other.id === survivor.id) continue;
      touched.add(other.id);
      actions.push({ type: 'merge', caseId: other.id, intoCaseId: survivor.id, clusterId: cluster.id });
    }
    touched.add(survivor.id);
    actions.push({
      type: 'follow',
      caseId: survivor.id,
      clusterId: cluster.id,
      risk: cluster.risk,
      members: cluster.members,
      lineage: cluster.lineage,
      from: cluster.lineageFrom,
    });
    const known = new Set(survivor.members);
    const arrivals = cluster.members.filter((m) => !known.has(m)).sort();
    if (survivor.status === 'dismissed') {
      const reasons: string[] = [];
      if (arrivals.length > 0) reasons.push(`the network grew from ${survivor.members.length} to ${cluster.members.length} shops`);
      if (cluster.risk - survivor.risk >= options.reopenRiskRise) reasons.push(`its risk rose from ${round(survivor.risk)} to ${round(cluster.risk)}`);
      if (reasons.length > 0) actions.push({ type: 'reopen', caseId: survivor.id, reason: reasons.join('; ') });
    }
    if (survivor.status === 'shut_down' && arrivals.length > 0) actions.push({ type: 'regrowth', caseId: survivor.id, clusterId: cluster.id, shops: arrivals });
  }

  for (const c of live) {
    if (!touched.has(c.id) && c.members.length > 0) actions.push({ type: 'dissolved', caseId: c.id, clusterId: c.clusterId });
  }
  return actions;
}
