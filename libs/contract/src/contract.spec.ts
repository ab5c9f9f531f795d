import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { contractJsonSchemas } from './json-schema';
import { accountProblem, CURRENCIES, ibanValid, KINDS, luhnValid, timestampProblem } from './kinds';
import { FileFormatError, readRecords, type RawRecord } from './reader';
import { kindOfFile, validateRow } from './validate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-contract-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};
async function all(p: string, kind: Parameters<typeof readRecords>[1]): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const batch of readRecords(p, kind, 2)) out.push(...batch);
  return out;
}

const SHOP_HEADER = 'shop_id,seller_id,name,opened_at,status,category\n';

describe('validateRow', () => {
  it('accepts a good shop and normalises nothing but case-insensitive codes', () => {
    const v = validateRow('sellers', {
      seller_id: 'U1',
      name: 'A B',
      country: 'cn',
      registered_at: '2026-01-01T00:00:00Z',
      kyc_id: 'K1',
      emails: 'a@b.com|c@d.org',
      phones: '+86 138 0013 8000',
      device_ids: '',
    });
    expect(v).toEqual({ ok: true, row: expect.objectContaining({ country: 'CN', emails: ['a@b.com', 'c@d.org'], device_ids: [] }) });
  });
  it.each([
    ['shops', { shop_id: 'S1', seller_id: 'U1', name: 'x', opened_at: 'yesterday', status: 'active', category: 'c' }, 'opened_at', /ISO 8601/],
    ['shops', { shop_id: 'S 1', seller_id: 'U1', name: 'x', opened_at: '2026-01-01T00:00:00Z', status: 'active', category: 'c' }, 'shop_id', /letters, digits/],
    ['shops', { shop_id: 'S1', seller_id: 'U1', name: 'x', opened_at: '2026-01-01T00:00:00Z', status: 'banned', category: 'c' }, 'status', /active|suspended/],
    [
      'listings',
      {
        listing_id: 'L1',
        shop_id: 'S1',
        title: 't',
        brand: '',
        category: 'c',
        price: '-3',
        currency: 'USD',
        listed_at: '2026-01-01T00:00:00Z',
        status: 'active',
      },
      'price',
      /greater than 0/,
    ],
    [
      'payments',
      {
        payment_id: 'P1',
        shop_id: 'S1',
        account: '4111 1111 1111 1112',
        account_kind: 'card',
        provider: 'Visa',
        amount: '1',
        currency: 'USD',
        paid_at: '2026-01-01T00:00:00Z',
      },
      'account',
      /Luhn/,
    ],
    [
      'payments',
      {
        payment_id: 'P1',
        shop_id: 'S1',
        account: 'DE00 3704 0044 0532 0130 00',
        account_kind: 'iban',
        provider: 'X',
        amount: '1',
        currency: 'USD',
        paid_at: '2026-01-01T00:00:00Z',
      },
      'account',
      /IBAN/,
    ],
    ['addresses', { shop_id: 'S1', kind: 'home', line1: 'x', city: 'y', country: 'CN' }, 'kind', /dispatch/],
    ['addresses', { shop_id: 'S1', kind: 'dispatch', line1: '', city: 'y', country: 'CN' }, 'line1', /empty/],
    [
      'sellers',
      { seller_id: 'U1', name: 'A', country: 'CN', registered_at: '2026-01-01T00:00:00Z', kyc_id: 'K', emails: 'not-an-email', phones: '', device_ids: '' },
      'emails',
      /email/,
    ],
    [
      'sellers',
      { seller_id: 'U1', name: 'A', country: 'CN', registered_at: '2026-01-01T00:00:00Z', kyc_id: 'K', emails: '', phones: '12', device_ids: '' },
      'phones',
      /6 to 15 digits/,
    ],
    [
      'listings',
      {
        listing_id: 'L1',
        shop_id: 'S1',
        title: 'Bag\u001f2',
        brand: '',
        category: 'c',
        price: '3',
        currency: 'USD',
        listed_at: '2026-01-01T00:00:00Z',
        status: 'active',
      },
      'title',
      /control characters/,
    ],
    [
      'listings',
      {
        listing_id: 'L1',
        shop_id: 'S1',
        title: 'Bag',
        brand: 'Au\u0000',
        category: 'c',
        price: '3',
        currency: 'USD',
        listed_at: '2026-01-01T00:00:00Z',
        status: 'active',
      },
      'brand',
      /control characters/,
    ],
    [
      'sellers',
      { seller_id: 'U1', name: 'A', country: 'CN', registered_at: '2026-01-01T00:00:00Z', kyc_id: 'K', emails: 'a\u001eb@c.com', phones: '', device_ids: '' },
      'emails',
      /control characters/,
    ],
  ] as const)('rejects a bad %s row naming the field (%s)', (kind, raw, field, reason) => {
    const v = validateRow(kind, raw);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.field).toBe(field);
      expect(v.reason).toMatch(reason);
    }
  });
  it('keeps tabs and line breaks in free text (a quoted CSV cell may hold them)', () => {
    const v = validateRow('listings', {
      listing_id: 'L1',
      shop_id: 'S1',
      title: 'Bag\tin\r\ntwo lines',
      brand: '',
      category: 'c',
      price: '3',
      currency: 'USD',
      listed_at: '2026-01-01T00:00:00Z',
      status: 'active',
    });
    expect(v).toMatchObject({ ok: true, row: { title: 'Bag\tin\r\ntwo lines' } });
  });
  it('says a missing field is required', () => {
    const v = validateRow('shops', { shop_id: 'S1' });
    expect(v).toMatchObject({ ok: false, field: 'seller_id' });
  });
});

const listing = (over: Record<string, unknown>) => ({
  listing_id: 'L1',
  shop_id: 'S1',
  title: 'Bag',
  brand: '',
  category: 'bags',
  price: '3',
  currency: 'USD',
  listed_at: '2026-01-01T00:00:00Z',
  status: 'active',
  ...over,
});

describe('times', () => {
  it.each([
    ['2024-04-31T00:00:00Z', /2024-04-31 is not a calendar date: April has 30 days/],
    ['2025-02-30T10:00:00+08:00', /2025-02-30 is not a calendar date: February has 28 days/],
    ['2023-02-29T00:00:00Z', /2023 is not a leap year/],
    ['1900-02-29T00:00:00Z', /1900 is not a leap year/],
    ['2024-06-00T00:00:00Z', /June has 30 days/],
    ['2024-00-10T00:00:00Z', /months run 01-12/],
    ['2024-01-01T24:00:00Z', /24:00:00 is not a time of day/],
    ['2024-01-01T23:60Z', /23:60 is not a time of day/],
    ['2024-01-01T23:59:60Z', /not a time of day/],
    ['2024-01-01T12:00:00+18:30', /offset \+18:30 is out of range/],
    ['2024-01-01T12:00:00-19:00', /offset -19:00 is out of range/],
    ['2024-01-01T12:00:00+05:60', /offset \+05:60 is out of range/],
  ])('rejects %s, which Neo4j refuses, with a reason', (time, reason) => {
    expect(timestampProblem(time)).toMatch(reason);
    const v = validateRow('listings', listing({ listed_at: time }));
    expect(v).toMatchObject({ ok: false, field: 'listed_at', reason: expect.stringMatching(reason) });
  });
  it.each([
    '2024-02-29T00:00:00Z',
    '2000-02-29T23:59:59.999999999Z',
    '2026-12-31T23:59:59Z',
    '2026-01-01T12:00+01:30',
    '2026-01-01T12:00:00+18:00',
    '2026-01-01T12:00:00-18:00',
    '2026-01-01T12:00:00-00:00',
    '0001-01-01T00:00:00Z',
  ])('accepts %s, which Neo4j takes', (time) => {
    expect(timestampProblem(time)).toBeNull();
    expect(validateRow('listings', listing({ listed_at: time })).ok).toBe(true);
  });
});

describe('currencies', () => {
  it.each(['XYZ', 'RMB', 'xts', 'XXX', 'XAU', 'CHE', 'HRK', 'ZWL'])('rejects %s, which is no active ISO 4217 currency', (code) => {
    expect(validateRow('listings', listing({ currency: code }))).toMatchObject({ ok: false, field: 'currency', reason: expect.stringMatching(/ISO 4217/) });
  });
  it.each([
    ['eur', 'EUR'],
    ['CNY', 'CNY'],
    ['xof', 'XOF'],
    ['XCG', 'XCG'],
    ['Try', 'TRY'],
  ])('accepts %s as %s', (code, stored) => {
    expect(validateRow('listings', listing({ currency: code }))).toMatchObject({ ok: true, row: { currency: stored } });
  });
  it('knows the active list, no more', () => {
    expect(CURRENCIES.size).toBe(159);
    for (const code of CURRENCIES) expect(code).toMatch(/^[A-Z]{3}$/);
  });
});

describe('account checks', () => {
  it('knows real check digits', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false);
    expect(accountProblem('wallet', 'alipay:2088 1')).toMatch(/wallet/);
  });
});

describe('kindOfFile', () => {
  it('reads the kind from the file name', () => {
    expect(kindOfFile('/x/shops.csv')).toBe('shops');
    expect(kindOfFile('brand_reports.ndjson.gz')).toBe('brand_reports');
    expect(kindOfFile('2026-11-25-listings.jsonl')).toBe('listings');
    expect(kindOfFile('notes.txt')).toBeNull();
    expect(kindOfFile('stuff.csv')).toBeNull();
  });
});

describe('readRecords', () => {
  it('yields batches of exactly the size asked for, however the file is chunked', async () => {
    const rows = Array.from({ length: 7000 }, (_, i) => `S${i},U${i},Shop ${i},2026-01-01T00:00:00Z,active,bags`).join('\n');
    for (const [name, content] of [
      ['sizes.csv', `${SHOP_HEADER}${rows}\n`],
      [
        'sizes.ndjson',
        rows
          .split('\n')
          .map((r) => JSON.stringify({ shop_id: r.split(',')[0] }))
          .join('\n'),
      ],
    ] as const) {
      const sizes: number[] = [];
      for await (const batch of readRecords(file(name, content), 'shops', 3000)) sizes.push(batch.length);
      expect(sizes, name).toEqual([3000, 3000, 1000]);
    }
  });
  it('reads quoted CSV cells with commas, quotes and newlines, with the line each record starts on', async () => {
    const p = file(
      'shops.csv',
      `${SHOP_HEADER}S1,U1,"Shop, ""the best""",2026-01-01T00:00:00Z,active,bags\r\nS2,U2,"two\nlines",2026-01-01T00:00:00Z,active,bags\nS3,U3,x,2026-01-01T00:00:00Z,active`,
    );
    const rows = await all(p, 'shops');
    expect(rows.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(rows[0]!.record).toMatchObject({ name: 'Shop, "the best"', category: 'bags' });
    expect(rows[1]!.record).toMatchObject({ name: 'two\nlines' });
    expect(rows[2]).toMatchObject({ line: 5, record: null, problem: expect.stringMatching(/5 cells/) });
  });
  it('reads gzip and NDJSON, reporting lines that are not JSON', async () => {
    const p = file('shops.ndjson.gz', zlib.gzipSync('{"shop_id":"S1"}\n\nnot json\n[1]\n{"shop_id":"S2"}'));
    const rows = await all(p, 'shops');
    expect(rows.map((r) => [r.line, r.problem ?? r.record?.shop_id])).toEqual([
      [1, 'S1'],
      [3, 'is not valid JSON'],
      [4, 'is not a JSON object'],
      [5, 'S2'],
    ]);
  });
  it.each([
    ['a header of another kind', 'shops.csv', 'listing_id,shop_id,title\nL1,S1,t\n', /header lacks seller_id, name, opened_at, status, category/],
    ['a binary file', 'shops.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]), /binary/],
    [
      'broken gzip',
      'shops.csv.gz',
      Buffer.concat([zlib.gzipSync(SHOP_HEADER + 'S1,U1,x,2026-01-01T00:00:00Z,active,c\n'.repeat(50)).subarray(0, 40)]),
      /broken gzip/,
    ],
    ['a .gz that is not gzip', 'shops.csv.gz', SHOP_HEADER, /not gzip/],
    ['Latin-1 text', 'shops.csv', Buffer.concat([Buffer.from(SHOP_HEADER), Buffer.from([0x53, 0x31, 0x2c, 0x55, 0x31, 0x2c, 0xe9, 0x2c])]), /UTF-8/],
    ['an empty file', 'shops.csv', '', /empty/],
    ['CSV posing as NDJSON', 'shops.ndjson', SHOP_HEADER, /does not look like an NDJSON file/],
  ])('fails on %s with a message naming the file', async (_what, name, content, message) => {
    const p = file(name, content);
    const attempt = all(p, 'shops');
    await expect(attempt).rejects.toThrow(FileFormatError);
    await expect(all(p, 'shops')).rejects.toThrow(message);
    await expect(all(p, 'shops')).rejects.toThrow(new RegExp(`^contract: ${name.replace(/\./g, '\\.')}: `));
  });
});

describe('JSON Schema export', () => {
  it('has one schema per kind with its required fields', () => {
    const schemas = contractJsonSchemas();
    expect(Object.keys(schemas)).toEqual([...KINDS]);
    expect(schemas.shops.required).toEqual(expect.arrayContaining(['shop_id', 'seller_id', 'opened_at', 'status']));
  });
});
