import type { RawRecord } from '@ringwatch/contract';
import { fingerprinter } from '@ringwatch/normalise';
import { describe, expect, it } from 'vitest';
import { PREPARE_SLICE, prepareRecord, prepareRecords } from './prepare';

const fp = fingerprinter('prepare-spec-key-0123456789');
const T = '2026-01-01T00:00:00Z';
const listing = (i: number): RawRecord => ({
  line: i + 2,
  lines: 1,
  record: {
    listing_id: `L${i}`,
    shop_id: `S${i}`,
    title: `Bag ${i}`,
    brand: 'Aurel',
    category: 'bags',
    price: i % 10 === 0 ? 'free' : `${10 + i}`,
    currency: 'EUR',
    listed_at: T,
    status: 'active',
  },
});

describe('prepareRecords', () => {
  it('gives each record the verdict prepareRecord gives it, in order, unreadable ones included', async () => {
    const records = [...Array.from({ length: 40 }, (_, i) => listing(i)), { line: 99, lines: 1, record: null, problem: 'has 3 cells, not 9' }];
    const verdicts = await prepareRecords('listings', records, fp);
    expect(verdicts).toEqual(records.map((r) => prepareRecord('listings', r, fp)));
    expect(verdicts.filter((v) => !v.ok)).toHaveLength(5);
    expect(verdicts.at(-1)).toEqual({ ok: false, field: '(row)', reason: 'has 3 cells, not 9' });
  });

  it('lets the event loop turn between slices, so requests waiting on it are not held for a whole batch', async () => {
    const records = Array.from({ length: PREPARE_SLICE * 8 + 1 }, (_, i) => listing(i));
    let turns = 0;
    let ticking = true;
    const tick = () => {
      if (!ticking) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    await prepareRecords('listings', records, fp);
    ticking = false;
    // One turn at least between each two slices (nothing else here waits on the loop).
    expect(turns).toBeGreaterThanOrEqual(8);
  });
});
