import { describe, expect, it } from 'vitest';
import { byUrgency, selectInbox, type InboxFilter, type InboxRow } from './inbox';

const row = (id: string, over: Partial<InboxRow> = {}): InboxRow => ({
  id,
  clusterId: `C${id.slice(1)}`,
  status: 'new',
  priority: 'medium',
  assignee: null,
  risk: 50,
  size: 5,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  statusReason: null,
  brands: ['Aurelio'],
  ...over,
});
const all: InboxFilter = { statuses: [], assignee: null, priority: null, minRisk: null, brand: null, changedSince: null, skip: 0, limit: 50 };

describe('the inbox', () => {
  const rows = [
    row('K000001', { priority: 'low', risk: 99 }),
    row('K000002', { priority: 'urgent', risk: 10, assignee: 'ana', status: 'investigating' }),
    row('K000003', { priority: 'high', risk: 80, brands: ['Velluto'], updatedAt: '2026-11-20T10:00:00.123456789Z' }),
    row('K000004', { priority: 'high', risk: 80, status: 'shut_down', assignee: 'bob' }),
    row('K000005', { priority: 'high', risk: 90, status: 'dismissed' }),
  ].sort(byUrgency);

  it('puts the most urgent first: priority, then risk, then id', () => {
    expect(rows.map((r) => r.id)).toEqual(['K000002', 'K000005', 'K000003', 'K000004', 'K000001']);
  });

  it('filters by status, assignee (none: unassigned), priority, risk, brand (any case) and last change', () => {
    const ids = (f: Partial<InboxFilter>) => selectInbox(rows, { ...all, ...f }).items.map((r) => r.id);
    expect(ids({ statuses: ['new', 'investigating'] })).toEqual(['K000002', 'K000003', 'K000001']);
    expect(ids({ assignee: 'ana' })).toEqual(['K000002']);
    expect(ids({ assignee: '' })).toEqual(['K000005', 'K000003', 'K000001']);
    expect(ids({ priority: 'high', minRisk: 85 })).toEqual(['K000005']);
    expect(ids({ brand: 'velluto' })).toEqual(['K000003']);
    expect(ids({ changedSince: '2026-11-20T09:59:59Z' })).toEqual(['K000003']);
    expect(ids({ changedSince: '2026-11-20T10:00:01Z' })).toEqual([]);
  });

  it('pages through the selection and counts all of it', () => {
    expect(selectInbox(rows, { ...all, skip: 1, limit: 2 })).toEqual({ total: 5, items: [rows[1], rows[2]] });
    expect(selectInbox(rows, { ...all, statuses: ['new'], skip: 5 })).toEqual({ total: 2, items: [] });
  });
});
