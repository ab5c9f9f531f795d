import { describe, expect, it } from 'vitest';
import { describeCaseEvent, planCaseSync, refusal, type RunCluster, type TrackedCase } from './index';

const shops = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const tracked = (id: string, clusterId: string, status: TrackedCase['status'], members: string[], risk = 50): TrackedCase => ({
  id,
  clusterId,
  status,
  members,
  risk,
});
const cluster = (id: string, members: string[], lineage: string, lineageFrom: string[] = [], risk = 50, flagged = true): RunCluster => ({
  id,
  members,
  lineage,
  lineageFrom,
  risk,
  flagged,
});
const opts = { reopenRiskRise: 10 };

describe('status machine', () => {
  it('lets people move along the allowed edges only, and asks referrals and dismissals for their details', () => {
    expect(refusal('new', 'triage')).toBeNull();
    expect(refusal('new', 'shut_down')).toMatch(/can move to triage, investigating, dismissed, monitoring, not shut_down/);
    expect(refusal('shutdown_proposed', 'shut_down')).toMatch(/no other status by hand/);
    expect(refusal('investigating', 'referred', { agency: 'BKA' })).toMatch(/agency and its reference/);
    expect(refusal('investigating', 'referred', { agency: 'BKA', reference: 'AZ 12/26' })).toBeNull();
    expect(refusal('triage', 'dismissed', { reason: '  ' })).toMatch(/why the network is benign/);
    expect(refusal('triage', 'triage')).toMatch(/already/);
    expect(refusal('merged', 'triage')).toMatch(/no other status/);
  });
});

describe('planCaseSync', () => {
  it('follows a network that grew and keeps its status; opens a case for a new flagged network only', () => {
    const actions = planCaseSync(
      [tracked('K1', 'C1', 'investigating', shops('a', 4))],
      [cluster('C1', shops('a', 6), 'grown', ['C1']), cluster('C2', shops('b', 3), 'new'), cluster('C3', shops('c', 3), 'new', [], 10, false)],
      opts,
    );
    expect(actions).toEqual([
      { type: 'follow', caseId: 'K1', clusterId: 'C1', risk: 50, members: shops('a', 6), lineage: 'grown', from: ['C1'] },
      { type: 'open', clusterId: 'C2', risk: 50, members: shops('b', 3), splitFrom: null },
    ]);
  });

  it('re-opens a dismissed network that grows or whose risk rises enough, saying why; not one that stays', () => {
    const grew = planCaseSync([tracked('K1', 'C1', 'dismissed', shops('a', 3), 40)], [cluster('C1', shops('a', 4), 'grown', ['C1'], 41)], opts);
    expect(grew).toContainEqual({ type: 'reopen', caseId: 'K1', reason: 'the network grew from 3 to 4 shops' });
    const rose = planCaseSync([tracked('K1', 'C1', 'dismissed', shops('a', 3), 40)], [cluster('C1', shops('a', 3), 'unchanged', ['C1'], 52.04)], opts);
    expect(rose).toContainEqual({ type: 'reopen', caseId: 'K1', reason: 'its risk rose from 40 to 52' });
    const same = planCaseSync([tracked('K1', 'C1', 'dismissed', shops('a', 3), 40)], [cluster('C1', shops('a', 2), 'shrunk', ['C1'], 49)], opts);
    expect(same.map((a) => a.type)).toEqual(['follow']);
  });

  it('attaches the new shops of a shut-down network that regrows, and keeps it shut down', () => {
    const actions = planCaseSync(
      [tracked('K1', 'C1', 'shut_down', ['s1', 's2', 's3'])],
      [cluster('C1', ['s1', 's2', 's3', 'n2', 'n1'], 'grown', ['C1'])],
      opts,
    );
    expect(actions).toContainEqual({ type: 'regrowth', caseId: 'K1', clusterId: 'C1', shops: ['n1', 'n2'] });
    expect(actions.some((a) => a.type === 'reopen')).toBe(false);
  });

  it('merged networks: the case of the network that kept its id survives and the other is merged into it', () => {
    const actions = planCaseSync(
      [tracked('K1', 'C1', 'investigating', shops('a', 5)), tracked('K2', 'C2', 'triage', shops('b', 3))],
      [cluster('C1', [...shops('a', 5), ...shops('b', 3)], 'merged', ['C1', 'C2'])],
      opts,
    );
    expect(actions).toEqual([
      { type: 'merge', caseId: 'K2', intoCaseId: 'K1', clusterId: 'C1' },
      { type: 'follow', caseId: 'K1', clusterId: 'C1', risk: 50, members: [...shops('a', 5), ...shops('b', 3)], lineage: 'merged', from: ['C1', 'C2'] },
    ]);
  });

  it("merged into a network without a case: the larger side's case follows it", () => {
    const actions = planCaseSync(
      [tracked('K2', 'C2', 'triage', shops('b', 3)), tracked('K3', 'C3', 'new', shops('c', 5))],
      [cluster('C1', [...shops('a', 2), ...shops('b', 3), ...shops('c', 5)], 'merged', ['C1', 'C2', 'C3'])],
      opts,
    );
    expect(actions.filter((a) => a.type === 'merge')).toEqual([{ type: 'merge', caseId: 'K2', intoCaseId: 'K3', clusterId: 'C1' }]);
    expect(actions).toContainEqual(expect.objectContaining({ type: 'follow', caseId: 'K3', clusterId: 'C1' }));
  });

  it('split: the case stays with the part that kept the id; other flagged parts get new cases that link back', () => {
    const actions = planCaseSync(
      [tracked('K1', 'C1', 'investigating', shops('a', 10))],
      [cluster('C1', shops('a', 6), 'shrunk', ['C1']), cluster('C7', ['a6', 'a7', 'a8'], 'split', ['C1']), cluster('C8', ['a9'], 'split', ['C1'], 5, false)],
      opts,
    );
    expect(actions).toEqual([
      { type: 'follow', caseId: 'K1', clusterId: 'C1', risk: 50, members: shops('a', 6), lineage: 'shrunk', from: ['C1'] },
      { type: 'open', clusterId: 'C7', risk: 50, members: ['a6', 'a7', 'a8'], splitFrom: 'K1' },
    ]);
  });

  it('a network that dissolved is said once; merged cases are left alone', () => {
    const first = planCaseSync([tracked('K1', 'C1', 'monitoring', shops('a', 3)), tracked('K9', 'C9', 'merged', shops('z', 2))], [], opts);
    expect(first).toEqual([{ type: 'dissolved', caseId: 'K1', clusterId: 'C1' }]);
    expect(planCaseSync([tracked('K1', 'C1', 'monitoring', [])], [], opts)).toEqual([]);
  });
});

describe('timeline events in words', () => {
  it('names every kind of event and shows status moves with their labels', () => {
    expect(describeCaseEvent({ type: 'status', detail: 'investigating → shutdown_proposed: Shared devices' })).toEqual({
      kind: 'Status changed',
      detail: 'Investigating → Shutdown proposed: Shared devices',
    });
    expect(describeCaseEvent({ type: 'status', detail: 'shutdown_proposed → shut_down' }).detail).toBe('Shutdown proposed → Shut down');
    expect(describeCaseEvent({ type: 'grown', detail: 'C000004: 5 → 7 shops' })).toEqual({ kind: 'Network grew', detail: 'C000004: 5 → 7 shops' });
    expect(describeCaseEvent({ type: 'assignee', detail: 'nobody → ana' })).toEqual({ kind: 'Assignee changed', detail: 'nobody → ana' });
    // Unknown kinds and free text pass through.
    expect(describeCaseEvent({ type: 'something-new', detail: null })).toEqual({ kind: 'something-new', detail: null });
    expect(describeCaseEvent({ type: 'status', detail: 'a note without a move' }).detail).toBe('a note without a move');
    for (const kind of ['opened', 'status', 'assignee', 'priority', 'reopened', 'regrowth', 'dissolved', 'merged', 'absorbed', 'split', 'grown', 'shrunk']) {
      expect(describeCaseEvent({ type: kind, detail: null }).kind).not.toBe(kind);
    }
  });
});
