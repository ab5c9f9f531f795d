import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadFiles, type GraphWriter, type LoadReport, type RejectEntry, type WriteRowOf } from '@ringwatch/ingest';
import { CypherRegistry } from '@ringwatch/neo4j';
import { fingerprinter } from '@ringwatch/normalise';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ImportsRepository } from '../../apps/api/src/imports/imports.repository';
import { ROOT, testEnv } from '../setup/app';
import { testDriver, wipeMarketplace } from '../setup/graph';

/**
 * Every line accounted for: files holding each kind of bad row the loader has met (impossible dates,
 * stray and unclosed quotes, codes that are no currency, lines that are not JSON, a row the database
 * refuses) load every other row, reject every bad one with its line and reason, and add up per file.
 */

const neo4j = inject('neo4j');
const KEY = 'test-pii-key-0123456789';
const T = '2026-01-01T00:00:00Z';
const CARD = '4111 1111 1111 1111';
const CARD2 = '5500 0000 0000 0004';
const IBAN = 'DE89 3704 0044 0532 0130 00';
const IBAN2 = 'GB82 WEST 1234 5698 7654 32';
const KYC = '440301199001011234';
/** Spellings of the secrets above that must not appear in the rejects file. */
const SECRETS = [CARD, CARD2, IBAN, IBAN2, KYC, '4111111111111111', '5500000000000004', '4111111111111112', 'DE89370400440532013000', 'GB82WEST12345698765432'];

let driver: Driver;
let repo: ImportsRepository;
let dir: string;
let files: string[];
let rejectsPath: string;
let report: LoadReport;
let rejects: RejectEntry[];

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;
const listing = (id: string, over: { title?: string; currency?: string; at?: string } = {}) =>
  `${id},S1,${over.title ?? `Bag ${id}`},Aurel,bags,25.5,${over.currency ?? 'EUR'},${over.at ?? T},active`;
const json = (id: string, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    listing_id: id,
    shop_id: 'S3',
    title: `Watch ${id}`,
    brand: null,
    category: 'watches',
    price: 99,
    currency: 'USD',
    listed_at: T,
    status: 'active',
    ...over,
  });

/**
 * A value the contract lets through and Neo4j refuses: the loader's real writer, except that a listing
 * titled DB-REFUSES reaches the database with the date Neo4j refused in the field ('2024-04-31', which
 * the contract used to pass), so the refusal, its classification and the split are all real.
 */
const refusingWriter = (): GraphWriter => ({
  write: (kind, rows, importId) => {
    if (kind !== 'listings') return repo.write(kind, rows, importId);
    const poisoned = (rows as WriteRowOf['listings'][]).map((r) => (r.title.startsWith('DB-REFUSES') ? { ...r, listedAt: '2024-04-31T00:00:00Z' } : r));
    return repo.write('listings', poisoned, importId);
  },
});

const count = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(cypher, params, { database: neo4j.database })).records.map((r) => r.get(0) as unknown);

beforeAll(async () => {
  driver = await testDriver();
  repo = new ImportsRepository(driver, neo4j.database, CypherRegistry.load(path.join(ROOT, 'cypher')));
  await wipeMarketplace(driver);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-bad-rows-'));
  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  files = [
    write(
      'sellers.csv',
      lines(
        'seller_id,name,country,registered_at,kyc_id,emails,phones,device_ids',
        `U1,Good One,CN,${T},K0001,a@b.com,,`,
        `U2,Bad Date,CN,2025-02-30T00:00:00Z,${KYC},,,`,
        // The edges of what Neo4j takes: a leap day, nine decimals, the widest offset.
        'U3,Good Three,DE,2024-02-29T23:59:59.999999999+18:00,K0003,,,',
      ),
    ),
    write(
      'shops.csv',
      // CRLF line ends, as spreadsheets write them.
      [
        'shop_id,seller_id,name,opened_at,status,category',
        `S1,U1,Monitor 27" IPS Outlet,${T},active,electronics`,
        `S2,U1,"Open quote shop,${T},active,bags`,
        'S3,U3,Plain,2026-01-01T12:00-00:00,active,watches',
        `S4,U3,Cable 12",${T},active,electronics`,
        `S5,U3,"Two`,
        `line name",${T},active,bags`,
        '',
        'S6,U3,Late Night,2026-01-01T24:00:00Z,active,bags',
        '',
      ].join('\r\n'),
    ),
    write(
      'listings.csv',
      lines(
        'listing_id,shop_id,title,brand,category,price,currency,listed_at,status',
        listing('L01'),
        listing('L02', { at: '2024-04-31T10:00:00Z' }),
        listing('L03', { title: 'Monitor 27" IPS' }),
        listing('L04', { currency: 'XYZ' }),
        listing('L05'),
        listing('L06', { currency: 'RMB' }),
        listing('L07', { at: '2023-02-29T00:00:00Z' }),
        listing('L08', { title: 'DB-REFUSES this one' }),
        listing('L09'),
        listing('L10', { title: `paid with ${CARD}`, currency: 'xts' }),
        listing('L11', { title: '"Unclosed title' }),
        listing('L12'),
        listing('L13'),
        listing('L14', { currency: 'eur' }),
      ),
    ),
    write(
      '2026-listings.ndjson',
      lines(
        '{"listing_id": "N1", "shop_id": "S3",',
        json('N2'),
        '[1, 2]',
        json('N3', { listed_at: '2025-02-30T00:00:00Z' }),
        json('N4', { title: 'DB-REFUSES too' }),
        json('N5'),
      ),
    ),
    write(
      'payments.csv',
      lines(
        'payment_id,shop_id,account,account_kind,provider,amount,currency,paid_at',
        `P1,S1,${CARD},card,Visa,10,EUR,${T}`,
        `P2,S1,${CARD},card,Visa,10,XYZ,${T}`,
        `P3,S1,${IBAN},iban,Bank,10,EUR,2024-04-31T00:00:00Z`,
        `P4,S1,${CARD2},card,Acme,10,EUR,${T},extra`,
        `P5,S3,${IBAN2},iban,Barclays,10,GBP,${T}`,
        `P6,S3,4111 1111 1111 1112,card,Visa,10,EUR,${T}`,
      ),
    ),
    write('addresses.csv', lines('shop_id,kind,line1,line2,city,region,postcode,country', 'S1,dispatch,5 Xinhua Rd,,Shenzhen,,,CN')),
    write('brand_reports.csv', lines('report_id,listing_id,brand,reporter,verdict,reported_at', `R1,L01,Aurel,legal@aurel.example,counterfeit,${T}`)),
  ];
  rejectsPath = path.join(dir, 'rejects', 'rejects.ndjson');
  report = await loadFiles({ files, writer: refusingWriter(), ledger: repo, fingerprinter: fingerprinter(KEY), batchSize: 4, rejectsPath });
  rejects = fs
    .readFileSync(rejectsPath, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as RejectEntry);
}, 120_000);

afterAll(async () => {
  await wipeMarketplace(driver);
  await driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a load of files full of bad rows', () => {
  it('completes, and per file every line is blank or in a row, every row accepted or rejected', () => {
    expect(report.status).toBe('completed');
    expect(report.files.map((f) => [f.file, f.lines, f.blank, f.read, f.accepted, f.rejected, f.error])).toEqual([
      ['sellers.csv', 3, 0, 3, 2, 1, null],
      ['shops.csv', 8, 1, 6, 4, 2, null],
      ['listings.csv', 14, 0, 14, 7, 7, null],
      ['2026-listings.ndjson', 6, 0, 6, 2, 4, null],
      ['payments.csv', 6, 0, 6, 2, 4, null],
      ['addresses.csv', 1, 0, 1, 1, 0, null],
      ['brand_reports.csv', 1, 0, 1, 1, 0, null],
    ]);
    for (const f of report.files) expect(f.read, f.file).toBe(f.accepted + f.rejected);
    expect(report.counts).toMatchObject({ read: 37, accepted: 19, rejected: 18 });
  });

  it('rejects every bad row, and only those, with its file, line, field and reason', () => {
    const got = rejects.map((r) => [r.file, r.line, r.field]).sort((a, b) => `${a[0]}`.localeCompare(`${b[0]}`) || Number(a[1]) - Number(b[1]));
    expect(got).toEqual([
      ['2026-listings.ndjson', 1, '(row)'],
      ['2026-listings.ndjson', 3, '(row)'],
      ['2026-listings.ndjson', 4, 'listed_at'],
      ['2026-listings.ndjson', 5, '(database)'],
      ['listings.csv', 3, 'listed_at'],
      ['listings.csv', 5, 'currency'],
      ['listings.csv', 7, 'currency'],
      ['listings.csv', 8, 'listed_at'],
      ['listings.csv', 9, '(database)'],
      ['listings.csv', 11, 'currency'],
      ['listings.csv', 12, '(row)'],
      ['payments.csv', 3, 'currency'],
      ['payments.csv', 4, 'paid_at'],
      ['payments.csv', 5, '(row)'],
      ['payments.csv', 7, 'account'],
      ['sellers.csv', 3, 'registered_at'],
      ['shops.csv', 3, '(row)'],
      ['shops.csv', 9, 'opened_at'],
    ]);
    const reason = (file: string, line: number) => rejects.find((r) => r.file === file && r.line === line)!.reason;
    expect(reason('listings.csv', 3)).toBe('2024-04-31 is not a calendar date: April has 30 days');
    expect(reason('listings.csv', 8)).toBe('2023-02-29 is not a calendar date: 2023 is not a leap year');
    expect(reason('sellers.csv', 3)).toBe('2025-02-30 is not a calendar date: February has 28 days');
    expect(reason('shops.csv', 9)).toMatch(/24:00:00 is not a time of day/);
    expect(reason('listings.csv', 5)).toMatch(/not an ISO 4217 currency/);
    expect(reason('listings.csv', 7)).toMatch(/not an ISO 4217 currency/);
    expect(reason('shops.csv', 3)).toMatch(/^cell 3 \(name\) opens a quote .*\(a stray quote\?\)$/);
    expect(reason('listings.csv', 12)).toMatch(/^cell 3 \(title\) opens a quote .*stray quote/);
    expect(reason('payments.csv', 5)).toBe('has 9 cells, the header has 8');
    expect(reason('2026-listings.ndjson', 1)).toBe('is not valid JSON');
    expect(reason('2026-listings.ndjson', 3)).toBe('is not a JSON object');
    for (const [file, line] of [
      ['listings.csv', 9],
      ['2026-listings.ndjson', 5],
    ] as const) {
      expect(reason(file, line)).toMatch(/^the database refused the row: Neo\.ClientError\.Statement\.SyntaxError: Invalid date 'APRIL 31'/);
    }
  });

  it('loads every other row, later files included, and reads stray quotes and quoted line breaks as written', async () => {
    expect(await count('MATCH (l:Listing) RETURN l.id ORDER BY l.id')).toEqual(['L01', 'L03', 'L05', 'L09', 'L12', 'L13', 'L14', 'N2', 'N5']);
    expect(await count('MATCH (s:Shop) WHERE s.placeholder IS NULL RETURN s.id + "=" + s.name ORDER BY s.id')).toEqual([
      'S1=Monitor 27" IPS Outlet',
      'S3=Plain',
      'S4=Cable 12"',
      'S5=Two\r\nline name',
    ]);
    expect(await count('MATCH (s:Seller) RETURN s.id ORDER BY s.id')).toEqual(['U1', 'U3']);
    expect(await count('MATCH (p:Payment) RETURN p.id ORDER BY p.id')).toEqual(['P1', 'P5']);
    expect(await count('MATCH (l:Listing {id: "L03"}) RETURN l.title')).toEqual(['Monitor 27" IPS']);
    expect(await count('MATCH (l:Listing {id: "L14"}) RETURN l.currency')).toEqual(['EUR']);
    expect((await count('MATCH (:Shop {id: "S1"})-[:HAS_ADDRESS]->(a) RETURN count(a)')).map(Number)).toEqual([1]);
    expect((await count('MATCH (b:BrandReport) RETURN count(b)')).map(Number)).toEqual([1]);
    // The edges of the contract are inside what Neo4j takes.
    expect(await count('MATCH (s:Seller {id: "U3"}) RETURN toString(s.registeredAt)')).toEqual(['2024-02-29T23:59:59.999999999+18:00']);
    expect(await count('MATCH (s:Shop {id: "S3"}) RETURN toString(s.openedAt)')).toEqual(['2026-01-01T12:00:00Z']);
  });

  it('keeps the rejects file private and free of card, bank and identity numbers', () => {
    expect(fs.statSync(rejectsPath).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(rejectsPath)).mode & 0o777).toBe(0o700);
    const text = fs.readFileSync(rejectsPath, 'utf8');
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
    const row = (file: string, line: number) => rejects.find((r) => r.file === file && r.line === line)!;
    expect(row('payments.csv', 3).row).toMatchObject({ payment_id: 'P2', account: 'card …1111' });
    expect(row('payments.csv', 4).row).toMatchObject({ payment_id: 'P3', account: 'iban DE …3000' });
    expect(row('payments.csv', 5).raw).toBe('P4,S1,card …0004,card,Acme,10,EUR,2026-01-01T00:00:00Z,extra');
    expect(row('payments.csv', 7).row).toMatchObject({ payment_id: 'P6', account: 'card …1112' });
    expect(row('listings.csv', 11).row).toMatchObject({ title: 'paid with card …1111' });
    expect(row('sellers.csv', 3).row).toMatchObject({ kyc_id: '…1234' });
  });

  it('stores the per-file figures on the Import record', async () => {
    const record = await repo.get(report.importId);
    expect(record).toMatchObject({ status: 'completed', read: 37, accepted: 19, rejected: 18, rejectsFile: rejectsPath });
    expect(JSON.parse(record!.perFile!)).toEqual(JSON.parse(JSON.stringify(report.files)));
  });

  it('npm run ingest prints the figures per file', async () => {
    const cliRejects = path.join(dir, 'cli-rejects.ndjson');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'apps', 'api', 'src', 'cli', 'ingest.ts'), '--rejects', cliRejects, files[1]!, files[4]!],
      {
        cwd: ROOT,
        env: { ...process.env, ...testEnv({ PII_HMAC_KEY: KEY, INIT_CWD: ROOT }) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^file\s+lines\s+blank\s+read\s+accepted\s+rejected\s+created\s+updated\s+moved$/m);
    expect(stdout).toMatch(/^shops\.csv\s+8\s+1\s+6\s+4\s+2\s+0\s+4\s+0$/m);
    expect(stdout).toMatch(/^payments\.csv\s+6\s+0\s+6\s+2\s+4\s+0\s+2\s+0$/m);
    expect(stdout).toMatch(/^total\s+14\s+1\s+12\s+6\s+6\s+0\s+6\s+0$/m);
    expect(stdout).toContain(`6 rows rejected, each with file, line, field and reason: ${cliRejects}`);
    expect(fs.statSync(cliRejects).mode & 0o777).toBe(0o600);
  }, 120_000);
});
