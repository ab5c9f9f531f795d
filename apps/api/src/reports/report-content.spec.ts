import { CASE_STATUS_LABELS } from '@ringwatch/cases';
import { REPORT_CHANGE_SECTIONS, REPORT_TODO_SECTIONS, ReportContentSchema } from '@ringwatch/wire';
import { describe, expect, it } from 'vitest';
import { buildReport, explainRiskRise, reportCsv, reportHtml, reportText } from './report-content';
import type { RiskRiseRow, RunCluster, TodoRows } from './reports.repository';

const c = (id: string, extra: Partial<RunCluster> = {}): RunCluster => ({
  id,
  size: 5,
  risk: 50,
  flagged: true,
  lineage: 'unchanged',
  lineageFrom: [],
  sizeBefore: 5,
  brands: [],
  status: 'open',
  caseId: null,
  caseStatus: null,
  ...extra,
});

const factors = (points: Record<string, number>) =>
  JSON.stringify(Object.entries(points).map(([name, p]) => ({ name, value: 0, points: p, explanation: `${name} explained at ${p}` })));

const rise: RiskRiseRow = {
  caseId: 'K000007',
  clusterId: 'C000005',
  status: 'investigating',
  assignee: 'ana',
  riskBefore: 75,
  risk: 85,
  factorsBefore: factors({ discount: 40, reports: 10, strongSharing: 15, burst: 10, size: 0 }),
  factors: factors({ discount: 40, reports: 18, strongSharing: 15, burst: 8, size: 4 }),
  joined: ['S7', 'S8', 'S9', 'S10', 'S11', 'S12'],
  verdicts: [{ brand: 'Aurelio', verdict: 'counterfeit', count: 2 }],
};

const nothing: TodoRows = { newCases: [], riskRises: [], reopened: [], proposals: [], brandVerdicts: [], reinstatements: [] };

const todo: TodoRows = {
  newCases: [{ caseId: 'K000031', clusterId: 'C000044', risk: 82, size: 12, brands: ['Aurelio', 'Veloce'], priority: 'high', openedAt: '2026-11-27T02:31:00Z' }],
  riskRises: [rise],
  reopened: [{ caseId: 'K000009', clusterId: 'C000012', status: 'triage', risk: 55, reason: 'its risk rose from 40 to 55', at: '2026-11-27T02:31:00Z' }],
  proposals: [
    {
      shutdownId: 'x1',
      clusterId: 'C000008',
      caseId: 'K000004',
      proposedBy: 'analyst',
      proposedAt: '2026-11-25T02:30:00Z',
      reason: 'Payout account shared with C000005',
      shops: 9,
    },
    { shutdownId: 'x2', clusterId: 'C000010', caseId: null, proposedBy: 'analyst', proposedAt: '2026-11-27T00:00:00Z', reason: 'Fresh', shops: 4 },
  ],
  brandVerdicts: [
    { brand: 'Aurelio', verdict: 'counterfeit', count: 3, clusters: ['C000005', 'C000044'] },
    { brand: 'Aurelio', verdict: 'genuine', count: 1, clusters: ['C000005'] },
    { brand: 'Veloce', verdict: 'counterfeit', count: 1, clusters: [] },
  ],
  reinstatements: [{ shopId: 'S00012', shopName: 'Good Bags', by: 'supervisor', reason: 'Appeal upheld after review', at: '2026-11-26T12:00:00Z' }],
};

const alert = {
  id: 'a1',
  kind: 'recidivism' as const,
  shopId: 'S99',
  status: 'open',
  raisedAt: '2026-11-26T10:00:00Z',
  via: ['phone: +49 170 1234567'],
  formerShops: ['S1'],
  caseId: null,
};

const build = (rows: TodoRows, alerts: (typeof alert)[] = [], since: string | null = '2026-11-26T02:30:00Z') =>
  buildReport({
    id: 'r1',
    generatedAt: '2026-11-27T02:30:00Z',
    runId: 'run2',
    previousRunId: 'run1',
    since,
    current: [c('C1'), c('C2', { lineage: 'new', risk: 80 }), c('C3', { lineage: 'grown', sizeBefore: 3 }), c('C4', { flagged: false, lineage: 'split' }), c('C5', { lineage: 'merged', brands: ['=cmd()'] })],
    previous: [c('C1'), c('C3', { flagged: false })],
    events: { shutdowns: [], alerts },
    todo: rows,
  });

describe('nightly report content', () => {
  const report = build(todo, [alert]);
  const quiet = build(nothing);

  it('sorts clusters into what changed overnight', () => {
    expect(report.newClusters.map((x) => x.id)).toEqual(['C2']);
    expect(report.grown.map((x) => x.id)).toEqual(['C3']);
    expect(report.split.map((x) => x.id)).toEqual(['C4']);
    expect(report.merged.map((x) => x.id)).toEqual(['C5']);
    // Flagged now and not in the previous run: C1 was flagged before, C4 is not flagged now.
    expect(report.newlyFlagged.map((x) => x.id)).toEqual(['C2', 'C3', 'C5']);
    expect(report.topByRisk[0]!.id).toBe('C2');
    expect(report.counts).toMatchObject({ clusters: 5, flagged: 4, newClusters: 1, newlyFlagged: 3 });
  });

  it('is what the wire type says, with a human label for every count', () => {
    expect(() => ReportContentSchema.parse(report)).not.toThrow();
    for (const key of Object.keys(report.counts)) expect(report.countLabels[key], key).toMatch(/^[A-Z][a-z]/);
    expect(report.counts).toMatchObject({ newCases: 1, riskRises: 1, reopened: 1, proposals: 2, alerts: 1, brandVerdicts: 5, reinstatements: 1 });
  });

  it('says which risk factors rose and what explains it', () => {
    const explained = explainRiskRise(rise);
    // Changed factors only, the largest rise first; falls are kept (they are part of the change).
    expect(explained.factors.map((f) => [f.name, f.pointsBefore, f.points])).toEqual([
      ['reports', 10, 18],
      ['size', 0, 4],
      ['burst', 10, 8],
    ]);
    expect(explained.factors[0]!.label).toBe('brand reports');
    expect(explained.factors[0]!.explanation).toBe('reports explained at 18');
    expect(explained.statusLabel).toBe(CASE_STATUS_LABELS.investigating);
    expect(explained.because).toEqual(['2 brand verdicts from Aurelio: counterfeit confirmed', '6 shops joined: S7, S8, S9, S10, S11 and 1 more']);
    expect(explainRiskRise({ ...rise, joined: [], verdicts: [] }).because).toEqual([]);
  });

  it('groups brand verdicts by brand with their labels and the networks they touch', () => {
    expect(report.todo.brandVerdicts).toEqual([
      {
        brand: 'Aurelio',
        total: 4,
        verdicts: [
          { verdict: 'counterfeit', label: 'counterfeit confirmed', count: 3 },
          { verdict: 'genuine', label: 'cleared as genuine', count: 1 },
        ],
        clusters: ['C000005', 'C000044'],
      },
      { brand: 'Veloce', total: 1, verdicts: [{ verdict: 'counterfeit', label: 'counterfeit confirmed', count: 1 }], clusters: [] },
    ]);
    expect(report.todo.proposals.map((p) => p.waitingHours)).toEqual([48, 2.5]);
  });

  it('writes HTML that leads with the to-do groups under human titles and leaves empty sections out', () => {
    const html = reportHtml(report);
    const titles = [...html.matchAll(/<h3>([^<(]+) \(/g)].map((m) => m[1]!.replace(/&#39;/g, "'"));
    expect(titles).toEqual([
      ...Object.values(REPORT_TODO_SECTIONS),
      REPORT_CHANGE_SECTIONS.newlyFlagged,
      REPORT_CHANGE_SECTIONS.newClusters,
      REPORT_CHANGE_SECTIONS.grown,
      REPORT_CHANGE_SECTIONS.merged,
      REPORT_CHANGE_SECTIONS.split,
      REPORT_CHANGE_SECTIONS.topByRisk,
    ]);
    expect(html.indexOf('To do')).toBeLessThan(html.indexOf('What changed in the networks'));
    expect(html).toContain('2 days');
    expect(html).toContain('brand reports +8');
    // Counts under their labels, not their keys.
    expect(html).toContain('<td>Newly flagged networks</td><td class="n">3</td>');
    expect(html).not.toMatch(/<td>(newlyFlagged|newCases|shutdownsExecuted)<\/td>/);
    expect(html).not.toContain('None.');
    expect(html).not.toContain('Shutdowns executed');

    const quietHtml = reportHtml(quiet);
    expect(quietHtml).toContain('Nothing new since 2026-11-26 02:30 UTC.');
    for (const title of Object.values(REPORT_TODO_SECTIONS)) expect(quietHtml).not.toContain(`<h3>${title}`);
    expect(reportHtml(build(nothing, [], null))).toContain('Nothing needs a person.');
  });

  it('writes HTML that escapes data', () => {
    const html = reportHtml({
      ...report,
      newClusters: [c('<script>', { lineage: 'new' })],
      todo: { ...report.todo, reinstatements: [{ ...todo.reinstatements[0]!, reason: '<img src=x onerror=alert(1)>' }] },
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
  });

  it('writes a CSV with one row per item under a human section, that spreadsheets cannot run', () => {
    const csv = reportCsv(report);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('section,case_id,cluster_id,shop_id,risk,risk_before,size,size_before,lineage,lineage_from,flagged,brands,who,at,detail');
    const sections = lines.slice(1).map((l) => (l.startsWith('"') ? l.slice(1, l.indexOf('"', 1)) : l.slice(0, l.indexOf(','))));
    const count = (title: string) => sections.filter((s) => s === title).length;
    expect(count(REPORT_TODO_SECTIONS.newCases)).toBe(1);
    expect(count(REPORT_TODO_SECTIONS.proposals)).toBe(2);
    expect(count(REPORT_TODO_SECTIONS.brandVerdicts)).toBe(2);
    expect(count(REPORT_CHANGE_SECTIONS.topByRisk)).toBe(5);
    expect(lines.length - 1).toBe(1 + 1 + 1 + 2 + 1 + 2 + 1 + 3 + 1 + 1 + 1 + 1 + 5);
    expect(csv).toContain("'=cmd()");
    expect(reportCsv(quiet)).not.toContain(REPORT_TODO_SECTIONS.newCases);
  });

  it('writes a short plain-text summary: counts per to-do group and the first items', () => {
    const text = reportText(report);
    const lines = text.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(lines[0]).toBe('Ringwatch morning report, 2026-11-27 02:30 UTC (since 2026-11-26 02:30 UTC)');
    expect(lines[1]).toBe('To do: 12 items in 7 groups.');
    expect(lines.slice(2, 9).map((l) => l.slice(2, l.indexOf(' ('))).filter((t) => t.length > 0)).toEqual(Object.values(REPORT_TODO_SECTIONS));
    expect(text).toContain('- Cases whose risk rose (1): K000007 C000005 75 → 85 (brand reports +8; 2 brand verdicts from Aurelio: counterfeit confirmed)');
    expect(text).toContain('- Shutdown proposals waiting for a decision (2): C000008 (K000004) by analyst, waiting 2 days; C000010 by analyst, waiting 2 hours');
    expect(text).toMatch(/Networks: 5 found, 4 flagged; 3 newly flagged networks, 1 new networks/);
    expect(text).not.toContain('undefined');

    const many = reportText(build({ ...nothing, newCases: Array.from({ length: 40 }, (_, i) => ({ ...todo.newCases[0]!, caseId: `K${i}` })) }));
    expect(many.trim().split('\n').length).toBeLessThanOrEqual(15);
    expect(many).toContain('; and 37 more');
    expect(reportText(quiet)).toContain('To do: Nothing new since 2026-11-26 02:30 UTC.');
  });
});
