import { describe, expect, it } from 'vitest';
import { buildReport, reportCsv, reportHtml } from './report-content';
import type { RunCluster } from './reports.repository';

const c = (id: string, extra: Partial<RunCluster> = {}): RunCluster => ({ id, size: 5, risk: 50, flagged: true, lineage: 'unchanged', lineageFrom: [], sizeBefore: 5, brands: [], status: 'open', caseId: null, caseStatus: null, ...extra });

describe('nightly report content', () => {
  const report = buildReport({
    id: 'r1',
    generatedAt: '2026-11-27T02:30:00Z',
    runId: 'run2',
    previousRunId: 'run1',
    since: null,
    current: [c('C1'), c('C2', { lineage: 'new', risk: 80 }), c('C3', { lineage: 'grown', sizeBefore: 3 }), c('C4', { flagged: false, lineage: 'split' }), c('C5', { lineage: 'merged', brands: ['=cmd()'] })],
    previous: [c('C1'), c('C3', { flagged: false })],
    events: { shutdowns: [], alerts: [] },
  });

  it('sorts clusters into what changed overnight', () => {
    expect(report.newClusters.map((x) => x.id)).toEqual(['C2']);
    expect(report.grown.map((x) => x.id)).toEqual(['C3']);
    expect(report.split.map((x) => x.id)).toEqual(['C4']);
    expect(report.merged.map((x) => x.id)).toEqual(['C5']);
    // Flagged now and not in the previous run: C1 was flagged before, C4 is not flagged now.
    expect(report.newlyFlagged.map((x) => x.id)).toEqual(['C2', 'C3', 'C5']);
    expect(report.topByRisk[0]!.id).toBe('C2');
    expect(report.counts).toMatchObject({ clusters: 5, flagged: 4, new: 1, newlyFlagged: 3 });
  });

  it('writes HTML that escapes data and CSV that spreadsheets cannot run', () => {
    const html = reportHtml({ ...report, newClusters: [c('<script>', { lineage: 'new' })] });
    expect(html).not.toContain('<script>');
    expect(reportCsv(report)).toContain("'=cmd()");
  });
});
