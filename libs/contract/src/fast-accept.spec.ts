import { describe, expect, it } from 'vitest';
import { fastAccept } from './fast-accept';
import { COLUMNS, KINDS, SCHEMAS, type Kind } from './kinds';

const T = '2026-01-01T00:00:00Z';
const GOOD: Record<Kind, Record<string, unknown>[]> = {
  sellers: [
    {
      seller_id: 'U1',
      name: 'A B',
      country: 'cn',
      registered_at: T,
      kyc_id: 'K1',
      emails: 'a@b.com|c@d.org',
      phones: '+86 138 0013 8000',
      device_ids: 'dev-1',
    },
  ],
  shops: [{ shop_id: 'S1', seller_id: 'U1', name: ' Shop ', opened_at: T, status: 'active', category: 'bags' }],
  listings: [
    { listing_id: 'L1', shop_id: 'S1', title: 'Bag', brand: 'Aurel', category: 'bags', price: '12.50', currency: 'usd', listed_at: T, status: 'active' },
  ],
  payments: [
    { payment_id: 'P1', shop_id: 'S1', account: '4111 1111 1111 1111', account_kind: 'card', provider: 'Visa', amount: '3', currency: 'EUR', paid_at: T },
    { payment_id: 'P2', shop_id: 'S1', account: 'DE89 3704 0044 0532 0130 00', account_kind: 'iban', provider: 'Bank', amount: 9, currency: 'EUR', paid_at: T },
    { payment_id: 'P3', shop_id: 'S1', account: ' wallet:abc ', account_kind: 'wallet', provider: 'Pay', amount: '1e3', currency: 'CNY', paid_at: T },
  ],
  addresses: [{ shop_id: 'S1', kind: 'dispatch', line1: 'No.5 Xinhua Rd', line2: 'Rm 301', city: 'Shenzhen', region: '', postcode: '518000', country: 'CN' }],
  brand_reports: [{ report_id: 'R1', listing_id: 'L1', brand: 'Aurel', reporter: 'brand@aurel.com', verdict: 'counterfeit', reported_at: T }],
};

// Values at and past every edge the schemas draw: types, emptiness, whitespace, lengths, control
// characters, numbers, codes, dates, enums, lists, account numbers.
const VALUES: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  '  x  ',
  'x',
  'X'.repeat(64),
  'X'.repeat(65),
  'a'.repeat(81),
  'a'.repeat(201),
  'a'.repeat(301),
  '\u0000x',
  'x\u001f',
  ' x\u007f',
  'x\t y',
  'x\r\ny',
  42,
  -1,
  0,
  '0',
  '3.5',
  ' 3.5 ',
  '1e9',
  '1e10',
  'NaN',
  'Infinity',
  '0x10',
  true,
  {},
  [],
  ['a@b.com'],
  ['a@b.com', 5],
  [' a@b.com ', ''],
  'a@b.com|c@d.org',
  ' a@b.com | ',
  'not-an-email',
  'a\u001eb@c.com',
  `${'a'.repeat(250)}@b.com`,
  '+86 138 0013 8000',
  '12',
  '1'.repeat(16),
  `${'1 '.repeat(16)}`,
  Array.from({ length: 21 }, (_, i) => `a${i}@b.com`).join('|'),
  'cn',
  'CN',
  'CHN',
  'usd',
  'US1',
  'XYZ',
  'RMB',
  'XTS',
  'xof',
  T,
  '2026-02-30T00:00:00Z',
  '2024-04-31T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2024-02-29T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T23:59:60Z',
  '2026-01-01T12:00:00+18:00',
  '2026-01-01T12:00:00+18:01',
  '2026-01-01T12:00:00-00:00',
  ` ${T}`,
  '2026-01-01T00:00:00+08:00',
  '2026-01-01',
  'active',
  'Active',
  'delisted',
  'sold_out',
  'closed',
  'dispatch',
  'return',
  'ship_to',
  'counterfeit',
  'card',
  'iban',
  'wallet',
  '4111 1111 1111 1111',
  '4111111111111112',
  'DE89 3704 0044 0532 0130 00',
  'DE00 3704 0044 0532 0130 00',
  'wallet:abc',
  'ab c',
  'S-1.a:b_c',
  '-S1',
];

function agreement(kind: Kind, raw: unknown): 'accepted' | 'declined' {
  const fast = fastAccept(kind, raw);
  const schema = SCHEMAS[kind].safeParse(raw);
  if (fast === null) return 'declined';
  // Accepting is a promise that the schema accepts, with the same output.
  expect(schema.success, JSON.stringify(raw)).toBe(true);
  expect(fast, JSON.stringify(raw)).toEqual(schema.data);
  return 'accepted';
}

describe('fastAccept', () => {
  it('accepts good rows of every kind with the schema output', () => {
    for (const kind of KINDS) for (const row of GOOD[kind]) expect(agreement(kind, { ...row, extra: 'dropped' })).toBe('accepted');
  });

  it('never accepts what the schema rejects, nor outputs anything else, field by field', () => {
    let accepted = 0;
    let rejectedBySchema = 0;
    for (const kind of KINDS) {
      for (const base of GOOD[kind]) {
        for (const field of COLUMNS[kind]) {
          for (const value of VALUES) {
            const raw = { ...base, [field]: value };
            if (agreement(kind, raw) === 'accepted') accepted++;
            if (!SCHEMAS[kind].safeParse(raw).success) rejectedBySchema++;
          }
        }
      }
    }
    // The battery reaches both sides of the schemas' edges.
    expect(accepted).toBeGreaterThan(300);
    expect(rejectedBySchema).toBeGreaterThan(1500);
  });

  it('declines what is not a record', () => {
    for (const raw of [null, undefined, 'row', 3, [GOOD.shops[0]]]) expect(fastAccept('shops', raw)).toBeNull();
  });
});
