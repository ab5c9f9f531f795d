import type { AuditEvent, SuspectedListing } from '@ringwatch/wire';
import { describe, expect, it } from 'vitest';
import { auditCsv } from './admin';
import { priceGap, SORTS } from './brand';

const listing = (id: string, price: number | null, typicalPrice: number | null, clusterRisk: number, clusterId = 'C1'): SuspectedListing => ({
  listingId: id,
  title: null,
  price,
  currency: 'EUR',
  status: 'active',
  shopId: `S-${id}`,
  shopName: null,
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

describe('audit CSV', () => {
  it('quotes commas, quotes and newlines, and defuses formulas', () => {
    const event: AuditEvent = {
      id: '1',
      at: '2026-12-02T07:00:00Z',
      actor: 'admin',
      action: 'user.update',
      target: 'user:=cmd()',
      before: null,
      after: '{"active":false,"note":"a, b\nc"}',
      requestId: null,
    };
    expect(auditCsv([event])).toBe(
      'at,actor,action,target,before,after,requestId\r\n2026-12-02T07:00:00Z,admin,user.update,user:=cmd(),,"{""active"":false,""note"":""a, b\nc""}",\r\n',
    );
    expect(auditCsv([{ ...event, target: '=HYPERLINK("x")', after: null }]).split('\r\n')[1]).toBe(
      `2026-12-02T07:00:00Z,admin,user.update,"'=HYPERLINK(""x"")",,,`,
    );
  });
});
