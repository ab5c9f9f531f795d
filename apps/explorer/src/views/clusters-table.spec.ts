import type { ClusterPageItem } from '@ringwatch/wire';
import { describe, expect, it } from 'vitest';
import { clustersCsv, sortedView, topBrandsText } from './clusters-table';

const item = (id: string, over: Partial<ClusterPageItem> = {}): ClusterPageItem => ({
  id,
  size: 10,
  risk: 50,
  flagged: true,
  status: 'open',
  lineage: 'new',
  lineageFrom: [],
  sizeBefore: 0,
  caseId: null,
  caseStatus: null,
  brands: ['Aurelio', 'Velmora'],
  topBrands: [
    { brand: 'Aurelio', share: 0.8 },
    { brand: 'Velmora', share: 0.333 },
  ],
  ...over,
});

describe('clusters table', () => {
  it('shows top brands with their share, or the names alone for runs without shares', () => {
    expect(topBrandsText(item('C000001'))).toBe('Aurelio 80% · Velmora 33%');
    expect(topBrandsText(item('C000001', { topBrands: [{ brand: 'Aurelio', share: null }] }))).toBe('Aurelio');
  });

  it('sorts the page by a column either way, keeping the API order for ties', () => {
    const page = [item('C000003', { status: 'open' }), item('C000001', { status: 'shut_down' }), item('C000002', { status: 'open' })];
    expect(sortedView(page, { column: 'Cluster', descending: false }).map((c) => c.id)).toEqual(['C000001', 'C000002', 'C000003']);
    expect(sortedView(page, { column: 'Cluster', descending: true }).map((c) => c.id)).toEqual(['C000003', 'C000002', 'C000001']);
    expect(sortedView(page, { column: 'Status', descending: false }).map((c) => c.id)).toEqual(['C000003', 'C000002', 'C000001']);
    expect(sortedView(page, { column: null, descending: false }).map((c) => c.id)).toEqual(['C000003', 'C000001', 'C000002']);
  });

  it('exports the rows shown as CSV, quoting what needs it', () => {
    const csv = clustersCsv([item('C000007', { lineage: 'grown', size: 12, sizeBefore: 9, brands: ['A, "quoted"', 'B'], caseId: 'K000001' })]);
    const [head, row, end] = csv.split('\r\n');
    expect(head).toBe('cluster,risk,size,growth,flagged,status,lineage,top_brands,brands,case');
    expect(row).toBe('C000007,50,12,3,yes,open,grown,Aurelio 80% · Velmora 33%,"A, ""quoted""; B",K000001');
    expect(end).toBe('');
  });
});
