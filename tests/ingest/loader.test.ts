import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { KINDS } from '@ringwatch/contract';
import { loadFiles } from '@ringwatch/ingest';
import { CypherRegistry } from '@ringwatch/neo4j';
import { fingerprinter } from '@ringwatch/normalise';
import { generateMarketplace, type SynthManifest } from '@ringwatch/synth';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ImportsRepository } from '../../apps/api/src/imports/imports.repository';
import { ROOT, testEnv } from '../setup/app';
import { graphFingerprint, testDriver, wipeMarketplace } from '../setup/graph';

const neo4j = inject('neo4j');
const KEY = 'test-pii-key-0123456789';
let driver: Driver;
let repo: ImportsRepository;
let dir: string;
let manifest: SynthManifest;
let files: string[];
let cleanFingerprint: Record<string, number>;
let firstLoad: Awaited<ReturnType<typeof loadFiles>>;

const load = (paths: string[], extra: Partial<Parameters<typeof loadFiles>[0]> = {}) =>
  loadFiles({
    files: paths,
    writer: repo,
    ledger: repo,
    fingerprinter: fingerprinter(KEY),
    batchSize: 700,
    rejectsPath: path.join(dir, `rejects-${Date.now()}.ndjson`),
    ...extra,
  });
const count = async (cypher: string, params: Record<string, unknown> = {}) =>
  Number((await driver.executeQuery(cypher, params, { database: neo4j.database })).records[0]!.get(0));

beforeAll(async () => {
  driver = await testDriver();
  repo = new ImportsRepository(driver, neo4j.database, CypherRegistry.load(path.join(ROOT, 'cypher')));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-ingest-'));
  manifest = await generateMarketplace({ preset: 'tiny', seed: 5, outDir: dir });
  files = KINDS.map((k) => path.join(dir, manifest.files[k]));
  await wipeMarketplace(driver);
  firstLoad = await load(files);
  cleanFingerprint = await graphFingerprint(driver);
}, 120_000);
afterAll(async () => {
  await wipeMarketplace(driver);
  await driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('loading the generated marketplace', () => {
  it('writes every entity once, with no placeholder left', () => {
    expect(cleanFingerprint['node:Shop']).toBe(manifest.counts.shops);
    expect(cleanFingerprint['node:Seller']).toBe(manifest.counts.sellers);
    expect(cleanFingerprint['node:Listing']).toBe(manifest.counts.listings);
    expect(cleanFingerprint['node:Payment']).toBe(manifest.counts.payments);
    expect(cleanFingerprint['node:BrandReport']).toBe(manifest.counts.brand_reports);
    expect(cleanFingerprint['rel:HAS_ADDRESS']).toBeLessThanOrEqual(manifest.counts.addresses);
    for (const [k, v] of Object.entries(cleanFingerprint)) if (k.startsWith('placeholder:')) expect(v, k).toBe(0);
  });

  it('counts as created what the first load created', () => {
    const created = (kind: string) => firstLoad.files.find((f) => f.kind === kind)!.created;
    expect(created('listings')).toBe(manifest.counts.listings);
    expect(created('payments')).toBe(manifest.counts.payments);
    // Address rows that repeat a shop's link to the same place create it once.
    expect(created('addresses')).toBe(cleanFingerprint['rel:HAS_ADDRESS']);
    expect(created('addresses')).toBeGreaterThan(0);
  });

  it('is idempotent: a second load creates nothing and changes no count', async () => {
    const again = await load(files);
    expect(again.status).toBe('completed');
    expect(again.counts.created).toBe(0);
    expect(again.counts.updated).toBe(again.counts.accepted);
    expect(await graphFingerprint(driver)).toEqual(cleanFingerprint);
  });

  it('records each load as an Import with its counts', async () => {
    const report = await load([files[1]!]);
    const record = await repo.get(report.importId);
    expect(record).toMatchObject({ status: 'completed', read: manifest.counts.shops, accepted: manifest.counts.shops, rejected: 0, created: 0 });
    expect(JSON.parse(record!.perFile!)[0]).toMatchObject({ kind: 'shops', read: manifest.counts.shops });
  });

  it('never stores a raw account number', async () => {
    const lines = fs.readFileSync(path.join(dir, manifest.files.payments), 'utf8').split('\n').slice(1, 40);
    const numbers = lines.map((l) => l.split(',')[2]!.replace(/[\s-]/g, '')).filter((n) => n.length > 8);
    const stored = await driver.executeQuery('MATCH (a:PaymentAccount) RETURN a {.*} AS a', {}, { database: neo4j.database });
    const text = JSON.stringify(stored.records.map((r) => r.get('a'))).toUpperCase();
    for (const n of numbers) expect(text).not.toContain(n.toUpperCase().slice(0, 10));
    expect(await count('MATCH (a:PaymentAccount) WHERE a.key STARTS WITH "card:" AND size(a.last4) = 4 RETURN count(a)')).toBeGreaterThan(0);
  });
});

describe('order independence and interruption', () => {
  beforeEach(async () => wipeMarketplace(driver));

  it('ends with the same graph when files arrive in reverse order, one load each', async () => {
    for (const file of [...files].reverse()) await load([file]);
    expect(await graphFingerprint(driver)).toEqual(cleanFingerprint);
  });

  it('concurrent batches creating the same listings and payments end with one node each', async () => {
    const listing = (i: number) => ({
      id: `L${i}`,
      shopId: `S${i % 3}`,
      title: `Bag ${i}`,
      brand: i % 2 ? 'Aurelio' : null,
      category: 'bags',
      price: 10 + i / 7,
      currency: 'EUR',
      listedAt: '2026-01-01T00:00:00Z',
      status: 'active',
    });
    const payment = (i: number) => ({
      id: `P${i}`,
      shopId: `S${i % 3}`,
      account: { key: `acct-${i % 4}`, last4: '0000', masked: 'iban …0000', kind: 'iban' },
      provider: 'Bank',
      amount: 5 + i,
      currency: 'EUR',
      paidAt: '2026-01-02T00:00:00Z',
    });
    // Overlapping id ranges, all in flight at once: some CREATEs must lose to another batch's.
    const batches = [0, 20, 40, 10, 30].map((from) => Array.from({ length: 30 }, (_, k) => from + k));
    const results = await Promise.all(
      batches.flatMap((ids) => [repo.write('listings', ids.map(listing), 'race'), repo.write('payments', ids.map(payment), 'race')]),
    );
    expect(results.every((r) => r.rows === 30)).toBe(true);
    expect(await count('MATCH (l:Listing) RETURN count(l)')).toBe(70);
    expect(await count('MATCH (:Shop)-[r:LISTS]->(:Listing) RETURN count(r)')).toBe(70);
    expect(await count('MATCH (p:Payment) RETURN count(p)')).toBe(70);
    expect(await count('MATCH (:Payment)-[r:TO]->(:PaymentAccount) RETURN count(r)')).toBe(70);
    expect(await count('MATCH (:Shop)-[r:PAID_TO]->(:PaymentAccount) RETURN count(r)')).toBe(12);
    expect(await count('MATCH (l:Listing {id: "L7"}) RETURN l.price')).toBe(11);
  });

  it('a load killed part-way and run again ends with the same graph as a clean load', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'apps', 'api', 'src', 'cli', 'ingest.ts'), '--batch-size', '20', ...files], {
      cwd: ROOT,
      env: { ...process.env, ...testEnv({ PII_HMAC_KEY: KEY, INIT_CWD: ROOT }) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let done = false;
    const exited = new Promise<void>((resolve) =>
      child.on('exit', () => {
        done = true;
        resolve();
      }),
    );
    const deadline = Date.now() + 60_000;
    // Killed once shops are arriving: sellers are in, shops partly, listings and the rest not yet.
    while (!done && (await count('MATCH (s:Shop) RETURN count(s)')) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(done, `the loader ended before it was killed: ${stderr}`).toBe(false);
    child.kill('SIGKILL');
    await exited;
    const partial = await graphFingerprint(driver);
    expect(partial['node:Seller']).toBeGreaterThan(0);
    expect(partial['node:Listing'] ?? 0).toBeLessThan(manifest.counts.listings);
    expect(partial).not.toEqual(cleanFingerprint);

    const rerun = await load(files);
    expect(rerun.status).toBe('completed');
    expect(await graphFingerprint(driver)).toEqual(cleanFingerprint);
  }, 120_000);
});

describe('normalisation in the graph', () => {
  beforeEach(async () => wipeMarketplace(driver));

  it('makes one Phone, Email and Address node of differently written identifiers', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'norm-'));
    fs.writeFileSync(
      path.join(sub, 'sellers.csv'),
      'seller_id,name,country,registered_at,kyc_id,emails,phones,device_ids\n' +
        'U1,A,CN,2026-01-01T00:00:00Z,K1,Li.Wei88@gmail.com,+86 138-0013-8000,ABCDEF01-2345-6789-ABCD-EF0123456789\n' +
        'U2,B,CN,2026-01-01T00:00:00Z,K2,liwei88+x@googlemail.com,13800138000,abcdef0123456789abcdef0123456789\n' +
        'U3,C,US,2026-01-01T00:00:00Z,K3,LIWEI88@GMAIL.COM,0086 138 0013 8000,\n',
    );
    fs.writeFileSync(
      path.join(sub, 'addresses.csv'),
      'shop_id,kind,line1,line2,city,region,postcode,country\n' +
        'S1,dispatch,"No.5 Xinhua Rd, Rm 301",,Shenzhen,,,CN\n' +
        'S2,dispatch,"Room 301, 5 Xinhua Road",,SHENZHEN,Guangdong,518000,cn\n' +
        'S3,return,5 Xinhua Road,Room 301,shenzhen,,,CN\n',
    );
    const report = await load([path.join(sub, 'sellers.csv'), path.join(sub, 'addresses.csv')]);
    expect(report.counts.rejected).toBe(0);
    expect(await count('MATCH (p:Phone) RETURN count(p)')).toBe(1);
    expect(await count("MATCH (:Phone {key: '+8613800138000'})<-[:HAS_PHONE]-(s) RETURN count(s)")).toBe(3);
    expect(await count('MATCH (e:Email) RETURN count(e)')).toBe(1);
    expect(await count('MATCH (d:Device) RETURN count(d)')).toBe(1);
    expect(await count('MATCH (a:Address) RETURN count(a)')).toBe(1);
    expect(await count('MATCH (:Address)<-[:HAS_ADDRESS]-(s:Shop) RETURN count(s)')).toBe(3);
  });

  it('makes one Address of a warehouse written in several languages, puts the unit on the link and keeps the care-of name out', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'warehouse-'));
    const rows = [
      'S1,dispatch,Hauptstraße 5,"c/o Müller GmbH, Halle 4",München,,80331,DE',
      'S2,dispatch,"Hauptstr. 5, Halle 4",,Muenchen,Bayern,,DE',
      'S3,dispatch,"z. Hd. Anna Schmidt, Haupt-Strasse Nr. 5",3. OG,Munich,,,DE',
      'S4,return,Hauptstrasse 5,,MUNCHEN,,,de',
      // A shop naming the building without and with its hall has one link, with the hall, in either order.
      'S5,dispatch,Hauptstr. 5,,München,,,DE',
      'S5,dispatch,"Hauptstr. 5, Halle 4",,München,,,DE',
      'S6,ship_to,"Hauptstr. 5, Halle 4",,München,,,DE',
      'S6,ship_to,Hauptstr. 5,,München,,,DE',
    ];
    const header = 'shop_id,kind,line1,line2,city,region,postcode,country\n';
    const links = async () =>
      (
        await driver.executeQuery(
          'MATCH (s:Shop)-[h:HAS_ADDRESS]->(a:Address) RETURN s.id AS shop, h.kind AS kind, h.unit AS unit, a.key AS key ORDER BY shop, kind, unit',
          {},
          { database: neo4j.database },
        )
      ).records.map((r) => r.toObject());
    const expected = [
      { shop: 'S1', kind: 'dispatch', unit: 'hall 4' },
      { shop: 'S2', kind: 'dispatch', unit: 'hall 4' },
      { shop: 'S3', kind: 'dispatch', unit: 'floor 3' },
      { shop: 'S4', kind: 'return', unit: null },
      { shop: 'S5', kind: 'dispatch', unit: 'hall 4' },
      { shop: 'S6', kind: 'ship_to', unit: 'hall 4' },
    ].map((l) => ({ ...l, key: 'DE|munchen|5|haupt street' }));

    const inOrder = path.join(sub, 'addresses.csv');
    fs.writeFileSync(inOrder, header + rows.join('\n') + '\n');
    const report = await load([inOrder]);
    expect(report.counts.rejected).toBe(0);
    expect(report.files[0]!.created).toBe(expected.length);
    expect(await count('MATCH (a:Address) RETURN count(a)')).toBe(1);
    expect(await links()).toEqual(expected);
    // The care-of names are personal data and identify nothing: they are in no property of the graph.
    const text = JSON.stringify(
      (
        await driver.executeQuery(
          'MATCH (x)-[h]->(a:Address) RETURN properties(x) AS x, properties(h) AS h, properties(a) AS a',
          {},
          { database: neo4j.database },
        )
      ).records.map((r) => r.toObject()),
    );
    expect(text).not.toMatch(/Müller|Schmidt/);

    // Reversed, one row per batch (batches in parallel): the same links.
    await wipeMarketplace(driver);
    const reversed = path.join(sub, 'reversed', 'addresses.csv');
    fs.mkdirSync(path.dirname(reversed));
    fs.writeFileSync(reversed, header + [...rows].reverse().join('\n') + '\n');
    await load([reversed], { batchSize: 1 });
    expect(await links()).toEqual(expected);
  });
});

describe('bad input', () => {
  beforeEach(async () => wipeMarketplace(driver));

  it('rejects bad rows with file, line, field and reason, and keeps the good ones', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'bad-'));
    const shops = path.join(sub, 'shops.csv');
    fs.writeFileSync(
      shops,
      'shop_id,seller_id,name,opened_at,status,category\n' +
        'S1,U1,Good,2026-01-01T00:00:00Z,active,bags\n' +
        'S2,U1,Bad date,last tuesday,active,bags\n' +
        'S3,U1,"Bad status",2026-01-01T00:00:00Z,banned,bags\n' +
        'S4,U1,Too,many,cells,here,x\n' +
        'S5,U1,Good too,2026-01-02T00:00:00Z,suspended,shoes\n',
    );
    const rejects = path.join(sub, 'rejects.ndjson');
    const report = await load([shops], { rejectsPath: rejects });
    expect(report.counts).toMatchObject({ read: 5, accepted: 2, rejected: 3 });
    const lines = fs
      .readFileSync(rejects, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.file, l.line, l.field])).toEqual([
      ['shops.csv', 3, 'opened_at'],
      ['shops.csv', 4, 'status'],
      ['shops.csv', 5, '(row)'],
    ]);
    expect(lines[0]!.row).toMatchObject({ shop_id: 'S2', opened_at: 'last tuesday' });
    expect(await count('MATCH (s:Shop) RETURN count(s)')).toBe(2);
  });

  it('fails a broken file with a message naming it, and still loads the other files', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'broken-'));
    const broken = path.join(sub, 'listings.csv.gz');
    fs.writeFileSync(broken, zlib.gzipSync(fs.readFileSync(files[2]!)).subarray(0, 5000));
    const shops = path.join(sub, 'shops.csv');
    fs.copyFileSync(files[1]!, shops);
    const report = await load([broken, shops]);
    expect(report.status).toBe('failed');
    const failed = report.files.find((f) => f.kind === 'listings')!;
    expect(failed.error).toMatch(/^contract: listings\.csv\.gz: broken gzip/);
    expect(report.files.find((f) => f.kind === 'shops')!.error).toBeNull();
    expect(await count('MATCH (s:Shop) WHERE s.placeholder IS NULL RETURN count(s)')).toBe(manifest.counts.shops);
    expect((await repo.get(report.importId))!.status).toBe('failed');
  });
});
