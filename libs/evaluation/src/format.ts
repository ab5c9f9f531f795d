import type { EvaluationReport } from './metrics';
import type { StructureReport } from './structures';

const f = (x: number) => x.toFixed(4);

/** The report as an aligned two-column table for terminals and closing notes. */
export function formatReport(r: EvaluationReport): string {
  const rows: [string, string][] = [
    ['shops / ring shops / rings', `${r.shops} / ${r.ringShops} / ${r.rings}`],
    ['clusters', String(r.clusters)],
    ['adjusted Rand index', f(r.ari)],
    ['normalised mutual information', f(r.nmi)],
    ['pairwise precision / recall / F1', `${f(r.pairwise.precision)} / ${f(r.pairwise.recall)} / ${f(r.pairwise.f1)}`],
    [
      `best-match recall (rings >= min size: ${r.bestMatchRecall.rings})`,
      `mean ${f(r.bestMatchRecall.mean)}, median ${f(r.bestMatchRecall.median)}, min ${f(r.bestMatchRecall.min)}, full ${r.bestMatchRecall.fullyRecovered}`,
    ],
    ['cluster purity', f(r.purity)],
    ['flagged clusters / shops', `${r.flagged.clusters} / ${r.flagged.shops}`],
    ['flagged precision / recall', `${f(r.flagged.precision)} / ${f(r.flagged.recall)}`],
    ['flagged clusters mixing rings', String(r.flagged.mixedRingClusters)],
    ['honest shops in flagged clusters', String(r.flagged.honestShops)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

const share = (part: number, whole: number) => (whole === 0 ? '-' : (part / whole).toFixed(3));

/** The per-structure report as two aligned tables: rings by structure, then honest shops by structure. */
export function formatStructureReport(r: StructureReport): string {
  const ringRow = (x: StructureReport['ringTotal']) => [
    x.structure,
    String(x.rings),
    String(x.shops),
    String(x.whole),
    String(x.wholeFlagged),
    String(x.partial),
    String(x.split),
    String(x.unclustered),
    `${x.flaggedShops} (${share(x.flaggedShops, x.shops)})`,
  ];
  const honestRow = (x: StructureReport['honestTotal']) => [
    x.structure,
    String(x.shops),
    `${x.flaggedShops} (${share(x.flaggedShops, x.shops)})`,
    x.groups === 0 ? '-' : String(x.groups),
    x.groups === 0 ? '-' : String(x.flaggedGroups),
  ];
  return [
    table(
      ['ring structure', 'rings', 'shops', 'whole', 'whole+flagged', 'partial', 'split', 'unclustered', 'shops flagged'],
      [...r.rings.map(ringRow), ringRow(r.ringTotal)],
    ),
    '',
    table(['honest structure', 'shops', 'in flagged clusters', 'groups', 'groups flagged'], [...r.honest.map(honestRow), honestRow(r.honestTotal)]),
  ].join('\n');
}
