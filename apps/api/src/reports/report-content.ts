import type { ReportContent } from '@ringwatch/wire';
import { toCsv } from '../common/csv';
import type { RunCluster, SinceLastReport } from './reports.repository';

const TOP = 20;
const byRisk = (a: RunCluster, b: RunCluster) => b.risk - a.risk || a.id.localeCompare(b.id);

/** What changed overnight, from this run's clusters, the previous run's, and the events since the last report. */
export function buildReport(input: {
  id: string;
  generatedAt: string;
  runId: string;
  previousRunId: string | null;
  since: string | null;
  current: RunCluster[];
  previous: RunCluster[];
  events: SinceLastReport;
}): ReportContent {
  const wasFlagged = new Set(input.previous.filter((c) => c.flagged).map((c) => c.id));
  const of = (lineage: string) => input.current.filter((c) => c.lineage === lineage).sort(byRisk);
  const content = {
    id: input.id,
    generatedAt: input.generatedAt,
    runId: input.runId,
    previousRunId: input.previousRunId,
    since: input.since,
    newClusters: of('new'),
    grown: of('grown'),
    merged: of('merged'),
    split: of('split'),
    newlyFlagged: input.current.filter((c) => c.flagged && !wasFlagged.has(c.id)).sort(byRisk),
    topByRisk: [...input.current].sort(byRisk).slice(0, TOP),
    shutdownsExecuted: input.events.shutdowns,
    recidivismAlerts: input.events.alerts,
  };
  return {
    ...content,
    counts: {
      clusters: input.current.length,
      flagged: input.current.filter((c) => c.flagged).length,
      new: content.newClusters.length,
      grown: content.grown.length,
      merged: content.merged.length,
      split: content.split.length,
      newlyFlagged: content.newlyFlagged.length,
      shutdownsExecuted: content.shutdownsExecuted.length,
      recidivismAlerts: content.recidivismAlerts.length,
    },
  };
}

const escape = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function clusterTable(title: string, clusters: RunCluster[]): string {
  if (clusters.length === 0) return `<h2>${escape(title)}</h2><p class="none">None.</p>`;
  const rows = clusters
    .map((c) => `<tr><td>${escape(c.id)}</td><td class="n">${c.risk.toFixed(0)}</td><td class="n">${c.size}</td><td class="n">${c.lineage === 'new' ? '–' : c.size - c.sizeBefore}</td><td>${escape(c.brands.join(', '))}</td><td>${escape(c.lineage)}${c.lineageFrom.length ? ` from ${escape(c.lineageFrom.join(', '))}` : ''}</td><td>${c.flagged ? 'yes' : ''}</td></tr>`)
    .join('');
  return `<h2>${escape(title)} (${clusters.length})</h2><table><thead><tr><th>Cluster</th><th>Risk</th><th>Size</th><th>Growth</th><th>Brands</th><th>Lineage</th><th>Flagged</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** A self-contained HTML page: it opens from a mail attachment or a file share without the service. */
export function reportHtml(r: ReportContent): string {
  const shutdowns = r.shutdownsExecuted.length === 0 ? '<p class="none">None.</p>'
    : `<ul>${r.shutdownsExecuted.map((s) => `<li>${escape(s.clusterId)}: ${s.shops} shops, ${s.listings} listings (proposed by ${escape(s.proposedBy)}, approved by ${escape(s.approvedBy)}, ${escape(s.executedAt)})</li>`).join('')}</ul>`;
  const alerts = r.recidivismAlerts.length === 0 ? '<p class="none">None.</p>'
    : `<ul>${r.recidivismAlerts.map((a) => `<li>${escape(a.shopId)} shares ${escape(a.via.join('; '))} with ${escape(a.formerShops.join(', '))} (${escape(a.status)})</li>`).join('')}</ul>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ringwatch nightly report ${escape(r.generatedAt.slice(0, 10))}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}table{border-collapse:collapse;width:100%;margin-bottom:1rem}th,td{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left}.n{text-align:right}.none{color:#59636e}.counts td{border:0}</style></head><body>
<h1>Ringwatch nightly report</h1>
<p>Generated ${escape(r.generatedAt)} from detection run ${escape(r.runId)}${r.previousRunId ? `, compared with run ${escape(r.previousRunId)}` : ' (no earlier run to compare with)'}; events since ${escape(r.since ?? 'the beginning')}.</p>
<table class="counts"><tbody>${Object.entries(r.counts).map(([k, v]) => `<tr><td>${escape(k)}</td><td class="n">${v}</td></tr>`).join('')}</tbody></table>
${clusterTable('Newly flagged', r.newlyFlagged)}${clusterTable('New clusters', r.newClusters)}${clusterTable('Grown', r.grown)}${clusterTable('Merged', r.merged)}${clusterTable('Split', r.split)}
<h2>Recidivism alerts (${r.recidivismAlerts.length})</h2>${alerts}
<h2>Shutdowns executed (${r.shutdownsExecuted.length})</h2>${shutdowns}
${clusterTable('Top clusters by risk', r.topByRisk)}
</body></html>
`;
}

/** Every cluster the report mentions, one row per (section, cluster), for spreadsheets. */
export function reportCsv(r: ReportContent): string {
  const rows: unknown[][] = [];
  const sections: [string, RunCluster[]][] = [['newly_flagged', r.newlyFlagged], ['new', r.newClusters], ['grown', r.grown], ['merged', r.merged], ['split', r.split], ['top_by_risk', r.topByRisk]];
  for (const [section, clusters] of sections) {
    for (const c of clusters) rows.push([section, c.id, String(c.risk), String(c.size), String(c.sizeBefore), c.lineage, c.lineageFrom.join('|'), String(c.flagged), c.brands.join('|')]);
  }
  return toCsv(['section', 'cluster_id', 'risk', 'size', 'size_before', 'lineage', 'lineage_from', 'flagged', 'brands'], rows);
}
