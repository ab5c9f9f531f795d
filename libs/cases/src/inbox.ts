import type { CaseStatus } from './status';

/**
 * The inbox: which cases a filter selects, in which order. A pure function over the cases' summary
 * rows, so the API can answer from rows it already holds (see the API's CasesRepository.inbox) and the
 * rules are tested without a database.
 */

export interface InboxRow {
  readonly id: string;
  readonly clusterId: string;
  readonly status: CaseStatus;
  readonly priority: 'low' | 'medium' | 'high' | 'urgent';
  readonly assignee: string | null;
  readonly risk: number;
  readonly size: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly statusReason: string | null;
  /** The brands of its network at the last run that saw it (for the brand filter). */
  readonly brands: readonly string[];
}

export interface InboxFilter {
  /** Any of these statuses; empty: every status. */
  readonly statuses: readonly string[];
  /** A username; '' for the unassigned; null: anyone. */
  readonly assignee: string | null;
  readonly priority: string | null;
  readonly minRisk: number | null;
  /** A brand of the network, matched without regard to case. */
  readonly brand: string | null;
  /** An ISO instant: cases changed at or after it. */
  readonly changedSince: string | null;
  readonly skip: number;
  readonly limit: number;
}

const PRIORITY_RANK: Readonly<Record<InboxRow['priority'], number>> = { urgent: 0, high: 1, medium: 2, low: 3 };

/** Most urgent first: priority, then risk (highest first), then id. */
export function byUrgency(a: InboxRow, b: InboxRow): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || b.risk - a.risk || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The page of `rows` (already sorted by byUrgency) that the filter selects, and how many it selects in all. */
export function selectInbox<R extends InboxRow>(sorted: readonly R[], filter: InboxFilter): { total: number; items: R[] } {
  const statuses = filter.statuses.length > 0 ? new Set(filter.statuses) : null;
  const brand = filter.brand?.toLowerCase() ?? null;
  const since = filter.changedSince === null ? null : Date.parse(filter.changedSince);
  const items: R[] = [];
  let total = 0;
  for (const row of sorted) {
    if (statuses && !statuses.has(row.status)) continue;
    if (filter.assignee !== null && (filter.assignee === '' ? row.assignee !== null : row.assignee !== filter.assignee)) continue;
    if (filter.priority !== null && row.priority !== filter.priority) continue;
    if (filter.minRisk !== null && row.risk < filter.minRisk) continue;
    if (since !== null && Date.parse(row.updatedAt) < since) continue;
    if (brand !== null && !row.brands.some((b) => b.toLowerCase() === brand)) continue;
    if (total >= filter.skip && items.length < filter.limit) items.push(row);
    total++;
  }
  return { total, items };
}
