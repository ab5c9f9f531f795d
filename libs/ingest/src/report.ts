import type { LoadReport } from './loader';

/**
 * A load report as the ingest tool prints it: per file, the lines it has and what became of them, so
 * `read = accepted + rejected` can be checked by eye (moved: rows whose shop, seller, account or listing
 * link was moved to the one the row names), then the totals and where the rejects are.
 */
export function formatLoadReport(report: LoadReport): string {
  const header = ['file', 'lines', 'blank', 'read', 'accepted', 'rejected', 'created', 'updated', 'moved'];
  const n = (x: number) => x.toLocaleString('en');
  const rows = report.files.map((f) => [f.file, n(f.lines), n(f.blank), n(f.read), n(f.accepted), n(f.rejected), n(f.created), n(f.updated), n(f.moved)]);
  const sum = (key: 'lines' | 'blank') => report.files.reduce((s, f) => s + f[key], 0);
  const c = report.counts;
  rows.push(['total', n(sum('lines')), n(sum('blank')), n(c.read), n(c.accepted), n(c.rejected), n(c.created), n(c.updated), n(c.moved)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const out = [line(header), ...rows.slice(0, -1).map(line), line(widths.map((w) => '-'.repeat(w))), line(rows.at(-1)!)];
  for (const f of report.files) if (f.error !== null) out.push(`${f.file}: ${f.error}`);
  out.push('', `import ${report.importId}: ${report.status} in ${(report.durationMs / 1000).toFixed(1)} s`);
  out.push(report.rejectsFile === null ? 'no rows rejected' : `${n(c.rejected)} rows rejected, each with file, line, field and reason: ${report.rejectsFile}`);
  return out.join('\n');
}
