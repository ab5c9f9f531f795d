import type { SuspectedListing } from '@ringwatch/wire';
import { describe, expect, it } from 'vitest';
import { priceGap, SORTS } from './brand';

const listing = (id: string, price: number | null, typicalPrice: number | null, clusterRisk: number, clusterId = 'C1'): SuspectedListing => ({
  listingId: id,
  title: null,
  price,
  currency: 'EUR',
  status: 'active',
  shopId: `S-${id}`,
  shopName: null,
  comparableListings: 10,
  clusterId,
  clusterRisk,
  typicalPrice,
  verdicts: [],
});

describe('brand portal', () => {
  it('measures how far under the brand’s typical price a listing sells', () => {
    expect(priceGap(listing('a', 20, 100, 50))).toBeCloseTo(0.8);
    expect(priceGap(listing('a', 150, 100, 50))).toBe(0);
    expect(priceGap(listing('a', null, 100, 50))).toBeNull();
    expect(priceGap(listing('a', 20, null, 50))).toBeNull();
  });

  it('sorts by risk, by price gap and by network', () => {
    const rows = [listing('a', 90, 100, 40, 'C2'), listing('b', 10, 100, 30, 'C1'), listing('c', null, 100, 80, 'C3')];
    expect([...rows].sort(SORTS.risk).map((l) => l.listingId)).toEqual(['c', 'a', 'b']);
    expect([...rows].sort(SORTS.gap).map((l) => l.listingId)).toEqual(['b', 'a', 'c']);
    expect([...rows].sort(SORTS.network).map((l) => l.listingId)).toEqual(['b', 'a', 'c']);
  });
});
