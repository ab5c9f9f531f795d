import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { contractJsonSchemas } from './json-schema';
import { accountProblem, CURRENCIES, ibanValid, KINDS, luhnValid, timestampProblem } from './kinds';
import { CsvRecordSplitter, FileFormatError, MAX_RECORD_LINES, parseCsvRecord, readRecords, type RawRecord, type ReadStats } from './reader';
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

describe('parseCsvRecord', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,', ['a', '', '']],
    ['', ['']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi""",c', ['say "hi"', 'c']],
    ['a,""', ['a', '']],
    ['"a"\r', ['a']],
    ['a,b\r', ['a', 'b']],
    ['"x\r\ny",b', ['x\r\ny', 'b']],
    // Relaxed quoting: a quote not at a cell's start is a character, and so is a quote that does not close a cell.
    ['L1,Monitor 27" IPS,c', ['L1', 'Monitor 27" IPS', 'c']],
    ['oak,2",4"', ['oak', '2"', '4"']],
    ['"Best" bag,c', ['"Best" bag', 'c']],
    ['a,"b" c,d', ['a', '"b" c', 'd']],
  ])('splits %j', (text, cells) => {
    expect(parseCsvRecord(text)).toEqual({ ok: true, cells });
  });
  it('says when a record ends inside a quoted cell, and in which column', () => {
    expect(parseCsvRecord('a,"open, still')).toEqual({ ok: false, open: true, column: 2 });
    expect(parseCsvRecord('a,"b ""quoted"" and')).toEqual({ ok: false, open: true, column: 2 });
  });
  it('refuses a quote that crossed a line break without closing a cell', () => {
    expect(parseCsvRecord('a,"x\ny" z,b')).toEqual({ ok: false, open: false, column: 2 });
    expect(parseCsvRecord('a,"x\ny",b\nc')).toEqual({ ok: false, open: false, column: 3 });
  });
});

describe('readRecords: every line accounted for', () => {
  const T = '2026-01-01T00:00:00Z';
  const row = (i: number, name = `Shop ${i}`) => `S${i},U${i},${name},${T},active,bags`;
  async function read(content: string): Promise<{ rows: RawRecord[]; stats: ReadStats }> {
    const stats: ReadStats = { lines: 0, blank: 0 };
    const rows: RawRecord[] = [];
    for await (const batch of readRecords(file('shops.csv', content), 'shops', 2, stats)) rows.push(...batch);
    // The accounting the loader relies on: every physical line after the header is blank or in one record.
    expect(stats.lines).toBe(stats.blank + rows.reduce((n, r) => n + r.lines, 0));
    return { rows, stats };
  }
  const ids = (rows: RawRecord[]) => rows.map((r) => [r.line, r.record ? r.record.shop_id : 'rejected']);

  it('keeps a quote inside an unquoted cell as a character: no line is swallowed', async () => {
    const lines = [row(1, 'Monitor 27" IPS'), ...[2, 3, 4, 5, 6, 7, 8].map((i) => row(i)), row(9, 'Cable 2" x 3"'), row(10)];
    const { rows } = await read(`${SHOP_HEADER}${lines.join('\n')}\n`);
    expect(rows.map((r) => r.record?.shop_id)).toEqual(lines.map((_, i) => `S${i + 1}`));
    expect(rows.map((r) => r.line)).toEqual(lines.map((_, i) => i + 2));
    expect(rows[0]!.record).toMatchObject({ name: 'Monitor 27" IPS', category: 'bags' });
    expect(rows[8]!.record).toMatchObject({ name: 'Cable 2" x 3"' });
  });

  it('a quote that opens a cell and never closes costs its own row, and reading resumes on the next line', async () => {
    const lines = [row(1), row(2, '"Gucci bag'), row(3), row(4), row(5), row(6), row(7), row(8), row(9, 'Bag 12"'), row(10)];
    const { rows, stats } = await read(`${SHOP_HEADER}${lines.join('\n')}\n`);
    expect(ids(rows)).toEqual([[2, 'S1'], [3, 'rejected'], ...[3, 4, 5, 6, 7, 8, 9, 10].map((i) => [i + 1, `S${i}`])]);
    expect(rows[1]).toMatchObject({ record: null, problem: expect.stringMatching(/^cell 3 \(name\) opens a quote .*stray quote/), raw: row(2, '"Gucci bag') });
    expect(rows[8]!.record).toMatchObject({ name: 'Bag 12"' });
    expect(stats).toEqual({ lines: 10, blank: 0 });
  });

  it('does not merge a stray quote with a later one in the same column into one row', async () => {
    // Joined, lines 3 and 4 would have the header's six cells: line 4 being a row of its own gives it away.
    const { rows } = await read(`${SHOP_HEADER}${row(1)}\n${row(2, '"Gucci bag')}\n${row(3, 'Bag 12"')}\n${row(4)}\n`);
    expect(ids(rows)).toEqual([
      [2, 'S1'],
      [3, 'rejected'],
      [4, 'S3'],
      [5, 'S4'],
    ]);
    expect(rows[1]!.problem).toMatch(/would take in line 4, a row of its own/);
  });

  it('a quote still open at the end of the file costs its own row', async () => {
    const { rows } = await read(`${SHOP_HEADER}${row(1)}\n${row(2, '"Open')}\n${row(3)}\n${row(4)}`);
    expect(ids(rows)).toEqual([
      [2, 'S1'],
      [3, 'rejected'],
      [4, 'S3'],
      [5, 'S4'],
    ]);
    expect(rows[1]!.problem).toMatch(/never closes/);
  });

  it('gives up on a quote that stays open past the limit, and reads the lines it held', async () => {
    const filler = Array.from({ length: MAX_RECORD_LINES + 20 }, (_, i) => `note ${i}`);
    const { rows } = await read(`${SHOP_HEADER}${row(1, '"Open')}\n${filler.join('\n')}\n${row(2)}\n`);
    expect(rows[0]).toMatchObject({ line: 2, problem: expect.stringMatching(/does not close within 100 lines/) });
    expect(rows.slice(1, -1).every((r) => r.record === null && /has 1 cells/.test(r.problem!))).toBe(true);
    expect(rows.at(-1)).toMatchObject({ line: MAX_RECORD_LINES + 23, record: { shop_id: 'S2' } });
  });

  it('reads a quoted cell holding line breaks as one record spanning its lines', async () => {
    const { rows, stats } = await read(`${SHOP_HEADER}${row(1, '"two\nlines, one cell"')}\n${row(2, '"three\n\nlines"')}\n\n${row(3)}\n`);
    expect(rows.map((r) => [r.line, r.lines, r.record?.name])).toEqual([
      [2, 2, 'two\nlines, one cell'],
      [4, 3, 'three\n\nlines'],
      [8, 1, 'Shop 3'],
    ]);
    expect(stats).toEqual({ lines: 7, blank: 1 });
  });

  it('reads CRLF files: line ends stripped, a CRLF inside a quoted cell kept', async () => {
    const { rows } = await read(`${SHOP_HEADER.replace('\n', '\r\n')}${row(1)}\r\n${row(2, '"a\r\nb"')}\r\n${row(3, '"c"')}\r\n`);
    expect(rows.map((r) => [r.line, r.record?.name, r.record?.category])).toEqual([
      [2, 'Shop 1', 'bags'],
      [3, 'a\r\nb', 'bags'],
      [5, 'c', 'bags'],
    ]);
  });

  it('rejects a row of the wrong width with its text', async () => {
    const { rows } = await read(`${SHOP_HEADER}S1,U1,x\n${row(2)}\n`);
    expect(rows[0]).toMatchObject({ line: 2, record: null, problem: 'has 3 cells, the header has 6', raw: 'S1,U1,x' });
  });

  it('reads the same records however the text is cut into chunks', () => {
    const text =
      `${SHOP_HEADER.replace('\n', '\r\n')}${row(1, 'Monitor 27" IPS')}\r\n${row(2, '"Gucci bag')}\r\n${row(3, '"two\r\nlines"')}\r\n\r\n` +
      `${row(4, '"a ""b"", c"')}\n${row(5, '"Open')}\n${row(6, 'Bag 12"')}\nS7,x\n${row(8)}`;
    const split = (size: number) => {
      const out: unknown[] = [];
      const splitter = new CsvRecordSplitter(
        (cells, line) => out.push(['header', line, cells.length]),
        (cells, line, lines) => out.push([line, lines, cells]),
        (line, problem, raw) => out.push([line, problem, raw]),
        () => out.push('blank'),
      );
      for (let i = 0; i < text.length; i += size) splitter.pushChunk(text.slice(i, i + size));
      splitter.end();
      return { out, lines: splitter.line };
    };
    const whole = split(text.length);
    expect(whole.lines).toBe(11);
    expect(whole.out.filter((r) => Array.isArray(r) && Array.isArray(r[2])).map((r) => (r as [number, number, string[]])[2][0])).toEqual([
      'S1',
      'S3',
      'S4',
      'S6',
      'S8',
    ]);
    for (const size of [1, 2, 3, 5, 7, 13, 64]) expect(split(size), `chunks of ${size}`).toEqual(whole);
  });

  it('NDJSON: a line that is not JSON is one reject, even the first', async () => {
    const rows: RawRecord[] = [];
    const stats: ReadStats = { lines: 0, blank: 0 };
    for await (const batch of readRecords(file('shops.ndjson', '{"shop_id": "S0",\n{"shop_id":"S1"}\n\n{"shop_id":"S2"}\n'), 'shops', 1, stats))
      rows.push(...batch);
    expect(rows.map((r) => [r.line, r.problem ?? r.record?.shop_id, r.raw])).toEqual([
      [1, 'is not valid JSON', '{"shop_id": "S0",'],
      [2, 'S1', undefined],
      [4, 'S2', undefined],
    ]);
    expect(stats).toEqual({ lines: 4, blank: 1 });
  });
});

describe('JSON Schema export', () => {
  it('has one schema per kind with its required fields', () => {
    const schemas = contractJsonSchemas();
    expect(Object.keys(schemas)).toEqual([...KINDS]);
    expect(schemas.shops.required).toEqual(expect.arrayContaining(['shop_id', 'seller_id', 'opened_at', 'status']));
  });
});
