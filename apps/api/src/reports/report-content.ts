import { CASE_STATUS_LABELS, type CaseStatus } from '@ringwatch/cases';
import { VERDICT_LABELS } from '@ringwatch/contract';
import { RISK_FACTOR_LABELS, type RiskFactorName } from '@ringwatch/detection';
import {
  REPORT_CHANGE_SECTIONS,
  REPORT_COUNT_LABELS,
  REPORT_TODO_SECTIONS,
  reportTodoCount,
  waitedFor,
  type ReportChangeSection,
  type ReportContent,
  type ReportTodo,
  type ReportTodoSection,
} from '@ringwatch/wire';
import { toCsv } from '../common/csv';
import type { RiskRiseRow, RunCluster, SinceLastReport, TodoRows } from './reports.repository';

export const REPORT_DEFAULTS = {
  /** Clusters in the "top by risk" section. */
  top: 20,
  /** A case's risk must rise by at least this many points from one run to the next to be on the to-do list. */
  riskRise: 1,
  /** Items of a group the plain-text summary names before "and N more". */
  summaryItems: 3,
  /** Shops named when saying which joined a network. */
  shopsNamed: 5,
};

const byRisk = (a: RunCluster, b: RunCluster) => b.risk - a.risk || a.id.localeCompare(b.id);
const round1 = (x: number) => Math.round(x * 10) / 10;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const statusLabel = (status: string) => CASE_STATUS_LABELS[status as CaseStatus] ?? status;

interface StoredFactor {
  name: string;
  points: number;
  explanation: string;
}
const parseFactors = (json: string | null): StoredFactor[] => (json ? (JSON.parse(json) as StoredFactor[]) : []);

/** Which risk factors moved between the two runs (largest rise first) and what happened that explains it. */
export function explainRiskRise(row: RiskRiseRow): ReportTodo['riskRises'][number] {
  const before = new Map(parseFactors(row.factorsBefore).map((f) => [f.name, f.points]));
  const factors = parseFactors(row.factors)
    .map((f) => ({
      name: f.name,
      label: RISK_FACTOR_LABELS[f.name as RiskFactorName] ?? f.name,
      pointsBefore: before.get(f.name) ?? 0,
      points: f.points,
      explanation: f.explanation,
    }))
    .filter((f) => Math.abs(f.points - f.pointsBefore) >= 0.05)
    .sort((a, b) => b.points - b.pointsBefore - (a.points - a.pointsBefore) || a.name.localeCompare(b.name));
  const because = row.verdicts.map(
    (v) => `${plural(v.count, 'brand verdict')} from ${v.brand}: ${VERDICT_LABELS[v.verdict as keyof typeof VERDICT_LABELS] ?? v.verdict}`,
  );
  if (row.joined.length > 0) {
    const named = row.joined.slice(0, REPORT_DEFAULTS.shopsNamed).join(', ');
    const more = row.joined.length > REPORT_DEFAULTS.shopsNamed ? ` and ${row.joined.length - REPORT_DEFAULTS.shopsNamed} more` : '';
    because.push(`${plural(row.joined.length, 'shop')} joined: ${named}${more}`);
  }
  return {
    caseId: row.caseId,
    clusterId: row.clusterId,
    status: row.status,
    statusLabel: statusLabel(row.status),
    assignee: row.assignee,
    riskBefore: row.riskBefore,
    risk: row.risk,
    factors,
    because,
  };
}

/** Verdict rows (brand, verdict, count, clusters) as one entry per brand, the most verdicts first. */
function brandVerdicts(rows: TodoRows['brandVerdicts']): ReportTodo['brandVerdicts'] {
  const byBrand = new Map<string, ReportTodo['brandVerdicts'][number]>();
  for (const row of rows) {
    const entry = byBrand.get(row.brand) ?? { brand: row.brand, total: 0, verdicts: [], clusters: [] };
    entry.total += row.count;
    entry.verdicts.push({ verdict: row.verdict, label: VERDICT_LABELS[row.verdict as keyof typeof VERDICT_LABELS] ?? row.verdict, count: row.count });
    for (const id of row.clusters) if (!entry.clusters.includes(id)) entry.clusters.push(id);
    byBrand.set(row.brand, entry);
  }
  return [...byBrand.values()]
    .map((e) => ({ ...e, verdicts: e.verdicts.sort((a, b) => b.count - a.count || a.verdict.localeCompare(b.verdict)), clusters: e.clusters.sort() }))
    .sort((a, b) => b.total - a.total || a.brand.localeCompare(b.brand));
}

const todoCount = reportTodoCount;

export const TODO_SECTIONS = Object.keys(REPORT_TODO_SECTIONS) as ReportTodoSection[];
export const CHANGE_SECTIONS = Object.keys(REPORT_CHANGE_SECTIONS) as ReportChangeSection[];

/**
 * The morning report: what needs a person (new unassigned networks, risk rises and why, re-opened
 * cases, proposals waiting, alerts, brand verdicts, reinstatements), then what changed in the networks
 * between this run and the previous one.
 */
export function buildReport(input: {
  id: string;
  generatedAt: string;
  runId: string;
  previousRunId: string | null;
  since: string | null;
  current: RunCluster[];
  previous: RunCluster[];
  events: SinceLastReport;
  todo: TodoRows;
}): ReportContent {
  const wasFlagged = new Set(input.previous.filter((c) => c.flagged).map((c) => c.id));
  const of = (lineage: string) => input.current.filter((c) => c.lineage === lineage).sort(byRisk);
  const generated = Date.parse(input.generatedAt);
  const todo: ReportTodo = {
    newCases: input.todo.newCases,
    riskRises: input.todo.riskRises.map(explainRiskRise),
    reopened: input.todo.reopened.map((r) => ({ ...r, statusLabel: statusLabel(r.status) })),
    proposals: input.todo.proposals.map((p) => ({ ...p, waitingHours: Math.max(0, round1((generated - Date.parse(p.proposedAt)) / 3_600_000)) })),
    alerts: input.events.alerts,
    brandVerdicts: brandVerdicts(input.todo.brandVerdicts),
    reinstatements: input.todo.reinstatements,
  };
  const changes = {
    newlyFlagged: input.current.filter((c) => c.flagged && !wasFlagged.has(c.id)).sort(byRisk),
    newClusters: of('new'),
    grown: of('grown'),
    merged: of('merged'),
    split: of('split'),
    shutdownsExecuted: input.events.shutdowns,
    topByRisk: [...input.current].sort(byRisk).slice(0, REPORT_DEFAULTS.top),
  };
  const counts: Record<string, number> = {
    clusters: input.current.length,
    flagged: input.current.filter((c) => c.flagged).length,
    ...Object.fromEntries(TODO_SECTIONS.map((s) => [s, todoCount(todo, s)])),
    ...Object.fromEntries(CHANGE_SECTIONS.map((s) => [s, changes[s].length])),
  };
  return {
    id: input.id,
    generatedAt: input.generatedAt,
    runId: input.runId,
    previousRunId: input.previousRunId,
    since: input.since,
    counts,
    countLabels: Object.fromEntries(Object.keys(counts).map((k) => [k, REPORT_COUNT_LABELS[k] ?? k])),
    todo,
    ...changes,
  };
}

/** The to-do groups that hold something, in report order. */
export const todoSections = (r: ReportContent): ReportTodoSection[] => TODO_SECTIONS.filter((s) => todoCount(r.todo, s) > 0);

/** A time as people read it in a report: "2026-12-02 02:30 UTC". */
export const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** "Nothing new since …": the to-do part of a report with nothing in it. */
export const nothingNew = (r: ReportContent) => (r.since ? `Nothing new since ${when(r.since)}.` : 'Nothing needs a person.');

const waited = waitedFor;

const points = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
const factorChange = (f: ReportTodo['riskRises'][number]['factors'][number]) =>
  `${f.label} ${f.points >= f.pointsBefore ? '+' : '−'}${points(round1(Math.abs(f.points - f.pointsBefore)))}`;
const verdictsOf = (b: ReportTodo['brandVerdicts'][number]) => b.verdicts.map((v) => `${v.count} ${v.label}`).join(', ');
const alertKind = (a: ReportTodo['alerts'][number]) => (a.kind === 'regrowth' ? 'regrowth' : 'recidivism');
const listed = (ids: readonly string[], max = 10) => (ids.length > max ? `${ids.slice(0, max).join(', ')} and ${ids.length - max} more` : ids.join(', '));

// ---- HTML -------------------------------------------------------------------------------------------

const escape = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = []): string {
  const cell = (tag: 'td' | 'th', i: number, html: string) => `<${tag}${numeric.includes(i) ? ' class="n"' : ''}>${html}</${tag}>`;
  return `<table><thead><tr>${head.map((h, i) => cell('th', i, escape(h))).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((html, i) => cell('td', i, html)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** Each to-do group as HTML (the cells are escaped here). */
const TODO_HTML: { [S in ReportTodoSection]: (items: ReportTodo[S]) => string } = {
  newCases: (items) =>
    table(
      ['Case', 'Network', 'Risk', 'Shops', 'Priority', 'Top brands'],
      items.map((c) => [escape(c.caseId), escape(c.clusterId), c.risk.toFixed(0), String(c.size), escape(c.priority), escape(c.brands.slice(0, 3).join(', '))]),
      [2, 3],
    ),
  riskRises: (items) =>
    table(
      ['Case', 'Network', 'Risk', 'Status', 'Assignee', 'Factors that changed', 'Because'],
      items.map((c) => [
        escape(c.caseId),
        escape(c.clusterId),
        `${c.riskBefore.toFixed(0)} → ${c.risk.toFixed(0)}`,
        escape(c.statusLabel),
        escape(c.assignee ?? 'nobody'),
        c.factors.map((f) => `<strong>${escape(factorChange(f))}</strong>: ${escape(f.explanation)}`).join('<br>'),
        c.because.length ? c.because.map(escape).join('<br>') : '<span class="none">not known</span>',
      ]),
    ),
  reopened: (items) =>
    table(
      ['Case', 'Network', 'Risk', 'Now', 'Why', 'When'],
      items.map((c) => [escape(c.caseId), escape(c.clusterId), c.risk.toFixed(0), escape(c.statusLabel), escape(c.reason), escape(when(c.at))]),
      [2],
    ),
  proposals: (items) =>
    table(
      ['Network', 'Case', 'Shops', 'Proposed by', 'Waiting', 'Reason'],
      items.map((p) => [escape(p.clusterId), escape(p.caseId ?? '–'), String(p.shops), escape(p.proposedBy), escape(waited(p.waitingHours)), escape(p.reason)]),
      [2],
    ),
  alerts: (items) =>
    table(
      ['Shop', 'Kind', 'Case', 'Shares', 'With', 'Raised'],
      items.map((a) => [
        escape(a.shopId),
        escape(alertKind(a)),
        escape(a.caseId ?? '–'),
        escape(a.via.join('; ')),
        escape(a.formerShops.join(', ')),
        escape(when(a.raisedAt)),
      ]),
    ),
  brandVerdicts: (items) =>
    table(
      ['Brand', 'Verdicts', 'Networks they touch'],
      items.map((b) => [escape(b.brand), escape(verdictsOf(b)), escape(listed(b.clusters)) || '<span class="none">none in this run</span>']),
    ),
  reinstatements: (items) =>
    table(
      ['Shop', 'Name', 'Reinstated by', 'Reason', 'When'],
      items.map((s) => [escape(s.shopId), escape(s.shopName), escape(s.by), escape(s.reason), escape(when(s.at))]),
    ),
};

function clusterTable(clusters: RunCluster[]): string {
  return table(
    ['Network', 'Risk', 'Shops', 'Growth', 'Top brands', 'Lineage', 'Flagged'],
    clusters.map((c) => [
      escape(c.id),
      c.risk.toFixed(0),
      String(c.size),
      c.lineage === 'new' ? '–' : String(c.size - c.sizeBefore),
      escape(c.brands.slice(0, 3).join(', ')),
      `${escape(c.lineage)}${c.lineageFrom.length ? ` from ${escape(c.lineageFrom.join(', '))}` : ''}`,
      c.flagged ? 'yes' : '',
    ]),
    [1, 2, 3],
  );
}

const CHANGE_HTML: { [S in ReportChangeSection]: (items: ReportContent[S]) => string } = {
  newlyFlagged: clusterTable,
  newClusters: clusterTable,
  grown: clusterTable,
  merged: clusterTable,
  split: clusterTable,
  topByRisk: clusterTable,
  shutdownsExecuted: (items) =>
    table(
      ['Network', 'Shops', 'Listings', 'Proposed by', 'Approved by', 'Executed'],
      items.map((s) => [escape(s.clusterId), String(s.shops), String(s.listings), escape(s.proposedBy), escape(s.approvedBy), escape(when(s.executedAt))]),
      [1, 2],
    ),
};

const section = (title: string, count: number, body: string) => `<section><h3>${escape(title)} (${count})</h3>${body}</section>`;

/** A self-contained HTML page: it opens from a mail attachment or a file share without the service. */
export function reportHtml(r: ReportContent): string {
  const todo = todoSections(r);
  const todoHtml =
    todo.length === 0
      ? `<p class="none">${escape(nothingNew(r))}</p>`
      : todo.map((s) => section(REPORT_TODO_SECTIONS[s], todoCount(r.todo, s), (TODO_HTML[s] as (items: unknown) => string)(r.todo[s]))).join('\n');
  const changes = CHANGE_SECTIONS.filter((s) => r[s].length > 0)
    .map((s) => section(REPORT_CHANGE_SECTIONS[s], r[s].length, (CHANGE_HTML[s] as (items: unknown) => string)(r[s])))
    .join('\n');
  // The networks' counts under their labels: the totals, and the changes that happened (the to-do
  // groups carry their own counts above).
  const counts = Object.entries(r.counts)
    .filter(([k, v]) => k === 'clusters' || k === 'flagged' || (CHANGE_SECTIONS.includes(k as ReportChangeSection) && k !== 'topByRisk' && v > 0))
    .map(([k, v]) => `<tr><td>${escape(r.countLabels[k] ?? REPORT_COUNT_LABELS[k] ?? k)}</td><td class="n">${v}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ringwatch morning report ${escape(r.generatedAt.slice(0, 10))}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}table{border-collapse:collapse;width:100%;margin-bottom:1rem}th,td{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}.n{text-align:right}.none{color:#59636e}.counts{width:auto}.counts td{border:0}h2{border-bottom:2px solid #1f2328}</style></head><body>
<h1>Ringwatch nightly report</h1>
<p>Generated ${escape(when(r.generatedAt))} from detection run ${escape(r.runId)}${r.previousRunId ? `, compared with run ${escape(r.previousRunId)}` : ' (no earlier run to compare with)'}; events since ${escape(r.since ? when(r.since) : 'the beginning')}.</p>
<h2>To do</h2>
${todoHtml}
<h2>What changed in the networks</h2>
<table class="counts"><tbody>${counts}</tbody></table>
${changes || '<p class="none">No networks found in this run.</p>'}
</body></html>
`;
}

// ---- CSV --------------------------------------------------------------------------------------------

const CSV_HEAD = [
  'section',
  'case_id',
  'cluster_id',
  'shop_id',
  'risk',
  'risk_before',
  'size',
  'size_before',
  'lineage',
  'lineage_from',
  'flagged',
  'brands',
  'who',
  'at',
  'detail',
] as const;
type CsvRow = Partial<Record<(typeof CSV_HEAD)[number], unknown>>;

const TODO_CSV: { [S in ReportTodoSection]: (items: ReportTodo[S]) => CsvRow[] } = {
  newCases: (items) =>
    items.map((c) => ({ case_id: c.caseId, cluster_id: c.clusterId, risk: c.risk, size: c.size, brands: c.brands, at: c.openedAt, detail: `priority ${c.priority}` })),
  riskRises: (items) =>
    items.map((c) => ({
      case_id: c.caseId,
      cluster_id: c.clusterId,
      risk: c.risk,
      risk_before: c.riskBefore,
      who: c.assignee,
      detail: [c.factors.map(factorChange).join('; '), ...c.because].filter(Boolean).join('; '),
    })),
  reopened: (items) => items.map((c) => ({ case_id: c.caseId, cluster_id: c.clusterId, risk: c.risk, at: c.at, detail: c.reason })),
  proposals: (items) =>
    items.map((p) => ({
      case_id: p.caseId,
      cluster_id: p.clusterId,
      size: p.shops,
      who: p.proposedBy,
      at: p.proposedAt,
      detail: `waiting ${waited(p.waitingHours)}: ${p.reason}`,
    })),
  alerts: (items) =>
    items.map((a) => ({ case_id: a.caseId, shop_id: a.shopId, at: a.raisedAt, detail: `${alertKind(a)}: shares ${a.via.join('; ')}${a.formerShops.length ? ` with ${a.formerShops.join(', ')}` : ''}` })),
  brandVerdicts: (items) => items.map((b) => ({ cluster_id: b.clusters, brands: b.brand, detail: verdictsOf(b) })),
  reinstatements: (items) => items.map((s) => ({ shop_id: s.shopId, who: s.by, at: s.at, detail: `${s.shopName ?? ''}: ${s.reason ?? ''}` })),
};

const clusterRow = (c: RunCluster): CsvRow => ({
  case_id: c.caseId,
  cluster_id: c.id,
  risk: c.risk,
  size: c.size,
  size_before: c.sizeBefore,
  lineage: c.lineage,
  lineage_from: c.lineageFrom,
  flagged: c.flagged,
  brands: c.brands,
});

/** Every item of the report, one row each, under its section's title, for spreadsheets. */
export function reportCsv(r: ReportContent): string {
  const rows: unknown[][] = [];
  const add = (title: string, items: CsvRow[]) => {
    for (const item of items) rows.push(CSV_HEAD.map((k) => (k === 'section' ? title : (item[k] ?? ''))));
  };
  for (const s of TODO_SECTIONS) add(REPORT_TODO_SECTIONS[s], (TODO_CSV[s] as (items: unknown) => CsvRow[])(r.todo[s]));
  for (const s of CHANGE_SECTIONS) {
    add(
      REPORT_CHANGE_SECTIONS[s],
      s === 'shutdownsExecuted'
        ? r.shutdownsExecuted.map((x) => ({ cluster_id: x.clusterId, size: x.shops, who: `${x.proposedBy} / ${x.approvedBy}`, at: x.executedAt, detail: `${x.listings} listings delisted` }))
        : r[s].map(clusterRow),
    );
  }
  return toCsv(CSV_HEAD, rows);
}

// ---- plain text -------------------------------------------------------------------------------------

/** One line's worth of a to-do group's first items. */
const TODO_TEXT: { [S in ReportTodoSection]: (items: ReportTodo[S]) => string[] } = {
  newCases: (items) => items.map((c) => `${c.caseId} ${c.clusterId} risk ${c.risk.toFixed(0)}, ${plural(c.size, 'shop')}${c.brands.length ? ` (${c.brands.slice(0, 2).join(', ')})` : ''}`),
  riskRises: (items) =>
    items.map((c) => `${c.caseId} ${c.clusterId} ${c.riskBefore.toFixed(0)} → ${c.risk.toFixed(0)}${c.factors[0] ? ` (${factorChange(c.factors[0])}${c.because[0] ? `; ${c.because[0]}` : ''})` : ''}`),
  reopened: (items) => items.map((c) => `${c.caseId} ${c.clusterId}: ${c.reason}`),
  proposals: (items) => items.map((p) => `${p.clusterId}${p.caseId ? ` (${p.caseId})` : ''} by ${p.proposedBy}, waiting ${waited(p.waitingHours)}`),
  alerts: (items) => items.map((a) => `${a.shopId} (${alertKind(a)}${a.caseId ? `, ${a.caseId}` : ''})`),
  brandVerdicts: (items) => items.map((b) => `${b.brand}: ${verdictsOf(b)}`),
  reinstatements: (items) => items.map((s) => `${s.shopId} by ${s.by}`),
};

/**
 * A short plain-text summary for an e-mail or a chat message: one line per to-do group with its count
 * and first items, one line of network changes. At most 12 lines, whatever the night held.
 */
export function reportText(r: ReportContent): string {
  const todo = todoSections(r);
  const lines = [`Ringwatch morning report, ${when(r.generatedAt)}${r.since ? ` (since ${when(r.since)})` : ''}`];
  if (todo.length === 0) lines.push(`To do: ${nothingNew(r)}`);
  else {
    lines.push(`To do: ${plural(todo.reduce((n, s) => n + todoCount(r.todo, s), 0), 'item')} in ${plural(todo.length, 'group')}.`);
    for (const s of todo) {
      const items = (TODO_TEXT[s] as (items: unknown) => string[])(r.todo[s]);
      const more = items.length > REPORT_DEFAULTS.summaryItems ? `; and ${items.length - REPORT_DEFAULTS.summaryItems} more` : '';
      lines.push(`- ${REPORT_TODO_SECTIONS[s]} (${todoCount(r.todo, s)}): ${items.slice(0, REPORT_DEFAULTS.summaryItems).join('; ')}${more}`);
    }
  }
  const changed = CHANGE_SECTIONS.filter((s) => s !== 'topByRisk' && r[s].length > 0).map((s) => `${r[s].length} ${REPORT_CHANGE_SECTIONS[s].toLowerCase()}`);
  lines.push(`Networks: ${r.counts.clusters ?? 0} found, ${r.counts.flagged ?? 0} flagged${changed.length ? `; ${changed.join(', ')}` : '; no structural change'}.`);
  const top = r.topByRisk[0];
  if (top) lines.push(`Highest risk: ${top.id} risk ${top.risk.toFixed(0)}, ${plural(top.size, 'shop')}${top.caseId ? ` (${top.caseId})` : ''}.`);
  lines.push(`Detection run ${r.runId}; the full report is report.html.`);
  return `${lines.join('\n')}\n`;
}
