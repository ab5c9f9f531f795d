/**
 * The life of a case: the investigation of one network, from the first look to its end. People move a
 * case along the edges below; three moves belong to the system (a shutdown proposed, executed or
 * rejected; a dismissed case re-opened by new evidence; a case merged into another when their networks
 * merge) and are refused to people, so the case always says what really happened.
 */
export const CASE_STATUSES = ['new', 'triage', 'investigating', 'shutdown_proposed', 'shut_down', 'referred', 'dismissed', 'monitoring', 'merged'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Human labels, for screens and reports. */
export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  new: 'New',
  triage: 'Triage',
  investigating: 'Investigating',
  shutdown_proposed: 'Shutdown proposed',
  shut_down: 'Shut down',
  referred: 'Referred to law enforcement',
  dismissed: 'Dismissed (benign)',
  monitoring: 'Monitoring',
  merged: 'Merged into another case',
};

/** The label of a status as the API sends it (a plain string on the wire); an unknown one as it is. */
export function caseStatusLabel(status: string): string {
  return Object.hasOwn(CASE_STATUS_LABELS, status) ? CASE_STATUS_LABELS[status as CaseStatus] : status;
}

/** Where a person may move a case from each status. */
const BY_PEOPLE: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['triage', 'investigating', 'dismissed', 'monitoring'],
  triage: ['investigating', 'dismissed', 'monitoring'],
  investigating: ['referred', 'dismissed', 'monitoring', 'triage'],
  // Decided by the four-eyes flow, not by hand.
  shutdown_proposed: [],
  shut_down: ['monitoring', 'referred'],
  referred: ['investigating', 'monitoring', 'shut_down'],
  dismissed: ['triage'],
  monitoring: ['triage', 'investigating', 'dismissed', 'referred'],
  merged: [],
};

/** Where the system moves a case, and on what. */
export const SYSTEM_MOVES = {
  /** An analyst proposed a shutdown of the case's network. */
  proposed: { from: ['new', 'triage', 'investigating', 'monitoring', 'referred'], to: 'shutdown_proposed' },
  /** The proposal was rejected: back to the investigation. */
  rejected: { from: ['shutdown_proposed'], to: 'investigating' },
  /** The approved shutdown was executed. */
  executed: { from: ['shutdown_proposed'], to: 'shut_down' },
  /** A dismissed network grew or its risk rose: a person looks again. */
  reopened: { from: ['dismissed'], to: 'triage' },
  /** Its network merged into a network with a case of its own. */
  merged: { from: CASE_STATUSES.filter((s) => s !== 'merged'), to: 'merged' },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus }>;
export type SystemMove = keyof typeof SYSTEM_MOVES;

/** What a move by a person must carry besides the new status. */
export interface MoveDetails {
  readonly reason?: string | null;
  readonly agency?: string | null;
  readonly reference?: string | null;
}

/**
 * Why a person may not move a case from `from` to `to` with these details, or null when they may.
 * Referral names the agency and its reference; dismissal gives the reason it is benign.
 */
export function refusal(from: CaseStatus, to: CaseStatus, details: MoveDetails = {}): string | null {
  return moveRefusal(from, to) ?? missingDetail(to, details);
}

/** Why the machine has no such move by hand (a conflict with the case's state), or null. */
export function moveRefusal(from: CaseStatus, to: CaseStatus): string | null {
  if (from === to) return `the case is ${from} already`;
  if (!BY_PEOPLE[from].includes(to)) {
    const allowed = BY_PEOPLE[from];
    return `a case that is ${from} can move to ${allowed.length ? allowed.join(', ') : 'no other status by hand'}, not ${to}`;
  }
  return null;
}

/** What a move to `to` lacks (a request to complete, not a conflict), or null. */
export function missingDetail(to: CaseStatus, details: MoveDetails): string | null {
  if (to === 'referred' && (!details.agency?.trim() || !details.reference?.trim())) return 'a referral names the agency and its reference';
  if (to === 'dismissed' && !details.reason?.trim()) return 'a dismissal says why the network is benign';
  return null;
}

export function movesByPeople(from: CaseStatus): readonly CaseStatus[] {
  return BY_PEOPLE[from];
}

/** Cases still being worked on (the inbox's default). */
export const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'triage', 'investigating', 'shutdown_proposed', 'monitoring', 'referred'];
