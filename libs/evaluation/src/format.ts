import type { EvaluationReport } from './metrics';

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
