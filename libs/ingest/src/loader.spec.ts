import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kind } from '@ringwatch/contract';
import { fingerprinter } from '@ringwatch/normalise';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFiles, SYSTEMIC_REFUSALS, type LoadOptions, type RejectEntry } from './loader';
import { formatLoadReport } from './report';
import { RowsRefusedError, type GraphWriter, type ImportCounts, type ImportLedger } from './ports';
import type { WriteRowOf } from './rows';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-loader-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => fs.mkdtempSync(path.join(root, `${n++}-`));

const T = '2026-01-01T00:00:00Z';
const LISTINGS = 'listing_id,shop_id,title,brand,category,price,currency,listed_at,status\n';
const listing = (i: number, title = `Bag ${i}`) => `L${i},S${i % 7},${title},Aurel,bags,${10 + i},EUR,${T},active`;

/** The graph as a map per kind; refuses (as the database would) any batch holding a row it is told to. */
class MemoryWriter implements GraphWriter {
  readonly rows = new Map<string, unknown>();
  calls = 0;
  constructor(private readonly refuse: (row: { id?: string }) => boolean = () => false) {}
  async write<K extends Kind>(kind: K, rows: WriteRowOf[K][]): Promise<{ rows: number; created: number; moved: number }> {
    this.calls++;
    await Promise.resolve();
    const bad = rows.find((r) => this.refuse(r as { id?: string }));
    if (bad) throw new RowsRefusedError(`Neo.ClientError.Statement.SyntaxError: Invalid date 'APRIL 31' (${(bad as { id?: string }).id})`);
    for (const r of rows) this.rows.set(`${kind}:${(r as { id?: string }).id}`, r);
    return { rows: rows.length, created: rows.length, moved: 0 };
  }
}

class MemoryLedger implements ImportLedger {
  finished: Parameters<ImportLedger['finish']>[1] | null = null;
  abandonStale = () => Promise.resolve(0);
  create = () => Promise.resolve();
  /** Every progress write, in order, as the record would have shown it. */
  readonly progressed: ImportCounts[] = [];
  progress(_id: string, counts: ImportCounts) {
    this.progressed.push(counts);
    return Promise.resolve();
  }
  finish(_id: string, outcome: Parameters<ImportLedger['finish']>[1]) {
    this.finished = outcome;
    return Promise.resolve();
  }
}

function load(files: string[], writer: GraphWriter, extra: Partial<LoadOptions> = {}) {
  const ledger = new MemoryLedger();
  const run = loadFiles({ files, writer, ledger, fingerprinter: fingerprinter('test-key-0123456789abcdef'), batchSize: 50, ...extra });
  return { run, ledger };
}
const readRejects = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as RejectEntry);

describe('a batch the database refuses', () => {
  it('is split until the refused rows are alone: they are rejected with line and reason, every other row is written', async () => {
    const dir = folder();
    const file = path.join(dir, 'listings.csv');
    fs.writeFileSync(file, LISTINGS + Array.from({ length: 400 }, (_, i) => listing(i)).join('\n') + '\n');
    const poison = new Set(['L7', 'L123', 'L124', 'L399']);
    const writer = new MemoryWriter((r) => poison.has(r.id ?? ''));
    const rejectsPath = path.join(dir, 'rejects.ndjson');
    const { run, ledger } = load([file], writer, { rejectsPath });
    const report = await run;
    expect(report.status).toBe('completed');
    expect(report.files[0]).toMatchObject({ lines: 400, blank: 0, read: 400, accepted: 396, rejected: 4, created: 396, error: null });
    expect(writer.rows.size).toBe(396);
    expect([...poison].some((id) => writer.rows.has(`listings:${id}`))).toBe(false);
    const rejects = readRejects(rejectsPath);
    expect(rejects.map((r) => [r.line, r.field, r.row?.listing_id]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [9, '(database)', 'L7'],
      [125, '(database)', 'L123'],
      [126, '(database)', 'L124'],
      [401, '(database)', 'L399'],
    ]);
    expect(rejects[0]!.reason).toMatch(/^the database refused the row: Neo\.ClientError\.Statement\.SyntaxError: Invalid date 'APRIL 31'/);
    // Halving: about 2 log2(50) writes per refused row on top of one per batch, not one per row.
    expect(writer.calls).toBeLessThan(8 + 4 * 2 * Math.ceil(Math.log2(50)) + 4);
    expect(ledger.finished).toMatchObject({ status: 'completed', counts: { read: 400, accepted: 396, rejected: 4 } });
  });

  it('that is refused whatever it holds stops the load after a few rows, not after splitting it to every row', async () => {
    const dir = folder();
    const listings = path.join(dir, 'listings.csv');
    const brandReports = path.join(dir, 'brand_reports.csv');
    fs.writeFileSync(listings, LISTINGS + Array.from({ length: 400 }, (_, i) => listing(i)).join('\n'));
    fs.writeFileSync(brandReports, `report_id,listing_id,brand,reporter,verdict,reported_at\nR1,L1,Aurel,x,counterfeit,${T}\n`);
    const writer = new MemoryWriter(() => true);
    const { run, ledger } = load([listings, brandReports], writer, { batchSize: 200, concurrency: 1 });
    await expect(run).rejects.toThrow(/listings\.csv: the database refused 32 rows in a row and took none/);
    expect(writer.calls).toBeLessThan(3 * SYSTEMIC_REFUSALS);
    // The record keeps what happened to the file that failed, and says the load failed.
    expect(ledger.finished).toMatchObject({ status: 'failed', error: expect.stringMatching(/refused 32 rows/) });
    const perFile = JSON.parse(ledger.finished!.perFile) as { file: string; read: number; accepted: number; rejected: number; error: string }[];
    expect(perFile).toEqual([expect.objectContaining({ file: 'listings.csv', error: expect.stringMatching(/refused/) })]);
    expect(perFile[0]!.read).toBe(perFile[0]!.accepted + perFile[0]!.rejected);
  });

  it('an error that is not a refusal (the database unreachable after retries) stops the load with the counts so far', async () => {
    const dir = folder();
    const listings = path.join(dir, 'listings.csv');
    fs.writeFileSync(listings, LISTINGS + Array.from({ length: 120 }, (_, i) => listing(i)).join('\n'));
    let calls = 0;
    const writer: GraphWriter = {
      write: async () => {
        if (++calls > 1) throw new Error('Neo.TransientError.General.DatabaseUnavailable: out of retries');
        return { rows: 50, created: 50 };
      },
    };
    const { run, ledger } = load([listings], writer, { concurrency: 1 });
    await expect(run).rejects.toThrow(/out of retries/);
    expect(calls).toBe(2);
    expect(ledger.finished).toMatchObject({ status: 'failed', counts: { read: 100, accepted: 100, rejected: 0, created: 50 } });
  });
});

describe('progress on the Import record', () => {
  it('shows the counts of the batches committed so far while the load runs, read = accepted + rejected each time', async () => {
    const dir = folder();
    const file = path.join(dir, 'listings.csv');
    // Every tenth row is broken (no price), so rejects count as their batch settles too.
    const lines = Array.from({ length: 200 }, (_, i) => (i % 10 === 3 ? `L${i},S1,Bag,Aurel,bags,,EUR,${T},active` : listing(i)));
    fs.writeFileSync(file, LISTINGS + lines.join('\n') + '\n');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const writer: GraphWriter = {
      write: async (_kind, rows) => {
        // The third batch waits until the test has looked at the record.
        if (++calls === 3) await gate;
        return { rows: rows.length, created: rows.length, moved: 1 };
      },
    };
    const { run, ledger } = load([file], writer, { concurrency: 1 });
    const deadline = Date.now() + 5_000;
    while (ledger.progressed.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    // Two batches of 50 committed, the third held: the record says so before the load ends.
    expect(ledger.finished).toBeNull();
    expect(ledger.progressed.at(-1)).toEqual({ read: 100, accepted: 90, rejected: 10, created: 90, updated: 0, moved: 2 });
    release();
    const report = await run;
    expect(report.counts).toMatchObject({ read: 200, accepted: 180, rejected: 20 });
    for (const p of ledger.progressed) expect(p.read).toBe(p.accepted + p.rejected);
    expect(ledger.progressed.map((p) => p.read)).toEqual([...ledger.progressed.map((p) => p.read)].sort((a, b) => a - b));
    expect(ledger.progressed.at(-1)).toMatchObject({ read: 200, accepted: 180, rejected: 20, moved: 4 });
  });
});

describe('the rejects file', () => {
  const PAYMENTS = 'payment_id,shop_id,account,account_kind,provider,amount,currency,paid_at\n';
  const CARD = '4111 1111 1111 1111';
  const CARD2 = '5500-0000-0000-0004';
  const IBAN = 'DE89 3704 0044 0532 0130 00';

  it('is readable by its owner only, in a folder of its own, and holds no card or bank number', async () => {
    const dir = folder();
    const payments = path.join(dir, 'payments.csv');
    fs.writeFileSync(
      payments,
      PAYMENTS +
        [
          `P1,S1,${CARD},card,Visa,10,XYZ,${T}`, // a good card, rejected for its currency
          `P2,S1,4111 1111 1111 1112,card,Visa,10,EUR,${T}`, // fails the Luhn check: still masked
          `P3,S1,${IBAN},iban,Bank,10,EUR,2024-04-31T00:00:00Z`,
          `P4,S1,wallet:abc,wallet,paid via ${CARD2},10,RMB,${T}`, // a card number in another cell
          `P5,S1,${CARD},bitcoin,Visa,10,EUR,${T}`, // an unknown account kind
          `P6,S1,"${CARD},card,Visa,10,EUR,${T}`, // a stray quote: an unsplit line
          `P7,S1,${IBAN},iban,Bank,10,EUR`, // too few cells
          `P8,S1,${CARD},card,Visa,10,EUR,${T}`, // good
        ].join('\n'),
    );
    const sellers = path.join(dir, 'sellers.csv');
    fs.writeFileSync(
      sellers,
      'seller_id,name,country,registered_at,kyc_id,emails,phones,device_ids\n' + `U1,Li ${IBAN},CN,2025-02-30T00:00:00Z,440301199001011234,,,\n`,
    );
    const rejectsPath = path.join(dir, 'private', 'deeper', 'rejects.ndjson');
    const writer = new MemoryWriter();
    const report = await load([payments, sellers], writer, { rejectsPath }).run;
    expect(report.files.map((f) => [f.file, f.read, f.accepted, f.rejected])).toEqual([
      ['sellers.csv', 1, 0, 1],
      ['payments.csv', 8, 1, 7],
    ]);
    expect(fs.statSync(rejectsPath).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(rejectsPath)).mode & 0o777).toBe(0o700);
    const text = fs.readFileSync(rejectsPath, 'utf8');
    for (const secret of [
      CARD,
      CARD2,
      IBAN,
      '4111111111111111',
      '411111111111111',
      '5500000000000004',
      'DE89370400440532013000',
      '440301199001011234',
      '3704 0044',
    ]) {
      expect(text).not.toContain(secret);
    }
    const byId = Object.fromEntries(readRejects(rejectsPath).map((r) => [r.row?.payment_id ?? r.row?.seller_id ?? `line ${r.line}`, r]));
    expect(byId.P1!.row!.account).toBe('card …1111');
    expect(byId.P2!.row!.account).toBe('card …1112');
    expect(byId.P3!.row!.account).toBe('iban DE …3000');
    expect(byId.P4!.row!.provider).toBe('paid via card …0004');
    expect(byId.P5!.row!.account).toBe('…1111');
    expect(byId['line 7']).toMatchObject({ field: '(row)', raw: expect.stringMatching(/^P6,S1,"card …1111,card,Visa/) });
    expect(byId['line 8']).toMatchObject({ field: '(row)', raw: 'P7,S1,iban DE …3000,iban,Bank,10,EUR' });
    expect(byId.U1!.row).toMatchObject({ kyc_id: '…1234', name: 'Li iban DE …3000' });
  });

  it('an existing rejects file is made private too', async () => {
    const dir = folder();
    const shops = path.join(dir, 'shops.csv');
    fs.writeFileSync(shops, `shop_id,seller_id,name,opened_at,status,category\nS1,U1,x,2026-04-31T00:00:00Z,active,bags\n`);
    const rejectsPath = path.join(dir, 'rejects.ndjson');
    fs.writeFileSync(rejectsPath, 'old\n', { mode: 0o644 });
    fs.chmodSync(rejectsPath, 0o644);
    await load([shops], new MemoryWriter(), { rejectsPath }).run;
    expect(fs.statSync(rejectsPath).mode & 0o777).toBe(0o600);
    expect(readRejects(rejectsPath)).toEqual([
      expect.objectContaining({ line: 2, field: 'opened_at', reason: '2026-04-31 is not a calendar date: April has 30 days' }),
    ]);
  });
});

describe('formatLoadReport', () => {
  it('prints per file the lines and what became of the rows, then the totals', async () => {
    const dir = folder();
    const file = path.join(dir, 'listings.csv');
    fs.writeFileSync(file, `${LISTINGS}${listing(1)}\n\n${listing(2, '"open')}\n${listing(3)}\n`);
    const report = await load([file], new MemoryWriter(), { rejectsPath: path.join(dir, 'r.ndjson') }).run;
    const text = formatLoadReport(report);
    expect(text.split('\n').slice(0, 4)).toEqual([
      'file          lines  blank  read  accepted  rejected  created  updated  moved',
      'listings.csv      4      1     3         2         1        2        0      0',
      '------------  -----  -----  ----  --------  --------  -------  -------  -----',
      'total             4      1     3         2         1        2        0      0',
    ]);
    expect(text).toContain(`1 rows rejected, each with file, line, field and reason: ${path.join(dir, 'r.ndjson')}`);
  });
});

describe('a file of mostly rejects', () => {
  it('stops at the rejects cap with a reason: the rows before are kept, the import fails, the other files load', async () => {
    const dir = folder();
    const bad = path.join(dir, 'listings.csv');
    const good = path.join(dir, 'brand_reports.csv');
    const lines = Array.from({ length: 1000 }, (_, i) => (i < 30 ? listing(i) : `L${i},broken`));
    fs.writeFileSync(bad, LISTINGS + lines.join('\n') + '\n');
    fs.writeFileSync(good, 'report_id,listing_id,brand,reporter,verdict,reported_at\nR1,L1,Aurel,Aurel legal,counterfeit,2026-01-02T00:00:00Z\n');
    const writer = new MemoryWriter();
    const rejectsPath = path.join(dir, 'rejects.ndjson');
    const { run, ledger } = load([bad, good], writer, { rejectsPath, maxRejectsPerFile: 100 });
    const report = await run;
    expect(report.status).toBe('failed');
    const listings = report.files.find((f) => f.kind === 'listings')!;
    expect(listings).toMatchObject({ accepted: 30, rejected: 100, read: 130 });
    expect(listings.error).toMatch(/stopped at line 132 after 100 rejected rows/);
    expect(report.files.find((f) => f.kind === 'brand_reports')).toMatchObject({ accepted: 1, error: null });
    expect(readRejects(rejectsPath)).toHaveLength(100);
    expect([...writer.rows.keys()].filter((k) => k.startsWith('listings:'))).toHaveLength(30);
    expect(ledger.finished).toMatchObject({ status: 'failed', error: expect.stringMatching(/after 100 rejected rows/) });
  });
});

describe('pace', () => {
  /** A writer whose writes take a while, counting how many were in flight at once. */
  class SlowWriter extends MemoryWriter {
    inFlight = 0;
    most = 0;
    override async write<K extends Kind>(kind: K, rows: WriteRowOf[K][]) {
      this.most = Math.max(this.most, ++this.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      this.inFlight--;
      return super.write(kind, rows);
    }
  }
  const file = () => {
    const f = path.join(folder(), 'listings.csv');
    fs.writeFileSync(f, LISTINGS + Array.from({ length: 500 }, (_, i) => listing(i)).join('\n') + '\n');
    return f;
  };

  it('keeps two writes in flight while nothing else waits, and one at a time while other work does', async () => {
    const free = new SlowWriter();
    let asked = 0;
    expect((await load([file()], free, { pace: () => Promise.resolve(++asked < 0) }).run).counts.accepted).toBe(500);
    expect(asked).toBe(10);
    expect(free.most).toBe(2);
    const busy = new SlowWriter();
    expect((await load([file()], busy, { pace: () => Promise.resolve(true) }).run).counts.accepted).toBe(500);
    expect(busy.most).toBe(1);
    expect(busy.rows.size).toBe(500);
  });
});
