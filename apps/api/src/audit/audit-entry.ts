import { randomUUID } from 'node:crypto';

/** One line of the audit trail: who did what to which target, with the state before and after. */
export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly requestId?: string | null;
}

/**
 * What a state change's result says to audit: one entry, several, or none (the change did not happen:
 * someone else won the race, the target was gone).
 */
export type AuditOf<T> = (result: T) => AuditEntry | readonly AuditEntry[] | null;

/** The parameters of cypher/audit/append.cypher for one entry (before and after are stored as JSON text). */
export function auditParams(entry: AuditEntry): Record<string, unknown> {
  return {
    id: randomUUID(),
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    requestId: entry.requestId ?? null,
  };
}

export function auditEntries<T>(audit: AuditOf<T>, result: T): readonly AuditEntry[] {
  const entries = audit(result);
  if (entries === null) return [];
  return Array.isArray(entries) ? (entries as readonly AuditEntry[]) : [entries as AuditEntry];
}
