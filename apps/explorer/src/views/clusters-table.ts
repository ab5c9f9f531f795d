import type { ClusterPageItem } from '@ringwatch/wire';

/** The clusters table's columns, their order and CSV: pure, so they are tested without a browser. */

export const COLUMNS = ['Cluster', 'Risk', 'Size', 'Growth', 'Top brands', 'Status', 'Lineage'] as const;
export type Column = (typeof COLUMNS)[number];
/** Columns the API sorts the whole result by (descending); the others sort the page shown. */
export const SERVER_SORTS: Partial<Record<Column, string>> = { Risk: 'risk', Size: 'size', Growth: 'growth' };
export interface SortView {
  column: Column | null;
  descending: boolean;
}

/** A brand's share as a whole percentage ("Aurelio 80%"); the name alone for runs that kept no shares. */
export const topBrandsText = (c: ClusterPageItem) =>
  c.topBrands.map((b) => (b.share === null ? b.brand : `${b.brand} ${Math.round(b.share * 100)}%`)).join(' · ');

const PAGE_SORTS: Partial<Record<Column, (c: ClusterPageItem) => string>> = {
  Cluster: (c) => c.id,
  'Top brands': (c) => c.topBrands[0]?.brand ?? '\uffff',
  Status: (c) => c.status,
  Lineage: (c) => c.lineage,
};

/** The page's rows in the order asked for: the API's, or one column's (the API's order breaks ties). */
export function sortedView(items: readonly ClusterPageItem[], view: SortView): ClusterPageItem[] {
  const key = view.column ? PAGE_SORTS[view.column] : undefined;
  if (!key) return [...items];
  const sign = view.descending ? -1 : 1;
  return items
    .map((c, i) => ({ c, i }))
    .sort((a, b) => sign * key(a.c).localeCompare(key(b.c)) || a.i - b.i)
    .map(({ c }) => c);
}

const csvField = (value: string | number) => (/[",\n\r]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

/** The rows shown, as CSV (RFC 4180): what the table shows, with every brand and its share of the top ones. */
export function clustersCsv(items: readonly ClusterPageItem[]): string {
  const head = ['cluster', 'risk', 'size', 'growth', 'flagged', 'status', 'lineage', 'top_brands', 'brands', 'case'];
  const lines = items.map((c) =>
    [
      c.id,
      c.risk,
      c.size,
      c.lineage === 'new' ? '' : c.size - c.sizeBefore,
      c.flagged ? 'yes' : 'no',
      c.status,
      c.lineage,
      topBrandsText(c),
      c.brands.join('; '),
      c.caseId ?? '',
    ]
      .map(csvField)
      .join(','),
  );
  return `${[head.join(','), ...lines].join('\r\n')}\r\n`;
}
