import { CASE_STATUS_LABELS, CASE_STATUSES, type CaseStatus } from './status';

/**
 * What each kind of timeline event is called on screens and in reports. The kinds are those the API
 * writes: people's changes (status, assignee, priority), the four-eyes flow's status moves, and the
 * detection runs' lineage of the network the case follows.
 */
export const CASE_EVENT_LABELS: Readonly<Record<string, string>> = {
  opened: 'Case opened',
  status: 'Status changed',
  assignee: 'Assignee changed',
  priority: 'Priority changed',
  reopened: 'Re-opened by new evidence',
  regrowth: 'Shut-down network regrew',
  dissolved: 'Network no longer found',
  merged: 'Merged into another case',
  absorbed: 'Took in a merged case',
  split: 'Network split',
  new: 'Network found again',
  grown: 'Network grew',
  shrunk: 'Network shrank',
  unchanged: 'Network re-detected',
};

const isStatus = (word: string): word is CaseStatus => (CASE_STATUSES as readonly string[]).includes(word);

/**
 * A timeline event in words: its kind's label, and its detail with status codes as their labels (a
 * status event's detail is written `from → to[: reason]`). A kind or word not known is kept as it is.
 */
export function describeCaseEvent(event: { readonly type: string; readonly detail: string | null }): { kind: string; detail: string | null } {
  const kind = CASE_EVENT_LABELS[event.type] ?? event.type;
  if (event.type !== 'status' || event.detail === null) return { kind, detail: event.detail };
  const move = /^(\w+) → (\w+)(: [\s\S]*)?$/.exec(event.detail);
  if (!move) return { kind, detail: event.detail };
  const [, from = '', to = '', rest = ''] = move;
  const word = (s: string) => (isStatus(s) ? CASE_STATUS_LABELS[s] : s);
  return { kind, detail: `${word(from)} → ${word(to)}${rest}` };
}
