import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KINDS, type Kind } from '@ringwatch/contract';
import { LoadError, loadFiles, type LoadReport } from '@ringwatch/ingest';
import { CypherRegistry, freePort } from '@ringwatch/neo4j';
import { fingerprinter } from '@ringwatch/normalise';
import { generateMarketplace } from '@ringwatch/synth';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bulkFirstLoad, ImportsService, type BulkLoadResult } from '../../apps/api/src/cli/context';
import { ImportsRepository } from '../../apps/api/src/imports/imports.repository';
import { ROOT, testConfig } from '../setup/app';
import { graphChecksum, graphFingerprint, testDriver, wipeMarketplace } from '../setup/graph';

/**
 * The bulk path (Neo4j's offline importer) and the transactional path (MERGE batches) give the same graph
 * from the same files, including what makes MERGE differ from CREATE: an id given twice (the last row
 * wins and its links move), identifiers merged over a seller's rows, a unit-less address link that a
 * link with a unit replaces, placeholders for shops, sellers and listings that are named but not loaded,
 * and rejected rows. After a bulk load, deltas load transactionally as after any other.
 */

const neo4j = inject('neo4j');
const KEY = 'test-pii-key-0123456789';
let dir: string;
let files: string[];
let driver: Driver;
let transactional: { report: LoadReport; fingerprint: Record<string, number>; checksum: Awaited<ReturnType<typeof graphChecksum>> };
let bulk: {
  result: BulkLoadResult;
  fingerprint: Record<string, number>;
  checksum: Awaited<ReturnType<typeof graphChecksum>>;
  imports: { id: string; read: number; accepted: number; rejected: number; status: string }[];
  delta: { moved: number; shop: string; listings: number; title: string };
};
let dataDir: string;
let port: number;

/** The bulk load's own local server, in the test's folder. */
const localTarget = () =>
  ({ mode: 'local', port, dataDir, heap: '1g', pageCache: '256m', startTimeoutMs: 600_000, user: 'neo4j', password: undefined, database: 'neo4j' }) as const;

/** Appends lines to a data file of the preset. */
const append = (kind: Kind, lines: string[]) => fs.appendFileSync(path.join(dir, `${kind}.csv`), `${lines.join('\n')}\n`);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-bulk-'));
  const manifest = await generateMarketplace({ preset: 'small', seed: 7, outDir: dir });
  files = KINDS.map((k) => path.join(dir, manifest.files[k]));
  // What MERGE does that CREATE would not: the same ids again (in later batches), links to things never
  // loaded, a seller's second row with another phone, a unit-less address link and one with a unit.
  append('sellers', [
    'U00000001,Hui Demir-Kaya,TR,2024-03-11T00:00:00Z,KYC-734998186672,hui_demir692716@qq.com,+90 532 0909 999,79A8500D-37F5-6829-3AF7-3435AE5FBAA0',
    'U00000003,Bad Date,TR,2024-02-30T00:00:00Z,KYC-1,a@b.example,+90 532 0909 998,',
  ]);
  append('shops', [
    'S00000001,U00000002,Smart Happy Bags Two,2023-11-03T11:49:02Z,active,bags',
    'S09999999,U09999999,Shop Of Nobody,2023-11-03T11:49:02Z,active,bags',
  ]);
  append('listings', [
    'L0000000001,S00000002,"Homely Mug, ""moved""",Homely,home,41.25,USD,2026-05-28T02:52:39Z,active',
    'L0999999998,S08888888,Unknown Shop Mug,,home,9.5,EUR,2026-05-28T02:52:39Z,active',
  ]);
  append('payments', ['P000000001,S00000002,NL51WERN3344647686,iban,Bank of China,99.5,EUR,2025-04-27T22:10:14Z']);
  append('addresses', [
    'S00000003,dispatch,1 Test Road,,Paris,,75001,FR',
    'S00000003,dispatch,1 Test Road,Floor 3,Paris,,75001,FR',
    'S00000003,dispatch,1 Test Road,,Paris,,75001,FR',
    'S00000004,return,2 Test Road,,Paris,,75001,FR',
  ]);
  append('brand_reports', [
    'BR00000001,L0000000002,Maison Lune,Maison Lune Brand Protection,genuine,2026-08-07T08:11:38Z',
    'BR09999999,L0999999999,Kestrel,Kestrel Brand Protection,counterfeit,2026-09-26T08:03:28Z',
  ]);

  driver = await testDriver();
  await wipeMarketplace(driver);
  const repo = new ImportsRepository(driver, neo4j.database, CypherRegistry.load(path.join(ROOT, 'cypher')));
  // Small batches: the repeated ids land in later batches than their first rows, as in a real export. One
  // batch at a time: a keyed node (an address, an account) takes the values of the first row that creates
  // it, which with two batches in flight is whichever commits first; the bulk writer takes file order.
  const report = await loadFiles({
    files,
    writer: repo,
    ledger: repo,
    fingerprinter: fingerprinter(KEY),
    batchSize: 500,
    concurrency: 1,
    rejectsPath: path.join(dir, 'rejects-tx.ndjson'),
  });
  transactional = { report, fingerprint: await graphFingerprint(driver), checksum: await graphChecksum(driver) };
  await wipeMarketplace(driver);

  // The bulk load into a local server of its own, in an empty folder.
  dataDir = path.join(dir, 'neo4j');
  port = await freePort();
  const config = testConfig();
  const target = localTarget();
  const delta = path.join(dir, 'delta', 'listings.csv');
  fs.mkdirSync(path.dirname(delta));
  fs.writeFileSync(
    delta,
    'listing_id,shop_id,title,brand,category,price,currency,listed_at,status\n' +
      'L0000000002,S00000005,Trailmate Mat 2027,Trailmate,sports,52,USD,2025-05-26T02:51:25Z,active\n' +
      'L0999999997,S00000005,New Mat,Trailmate,sports,10,USD,2025-05-26T02:51:25Z,active\n',
  );
  let observed: Omit<typeof bulk, 'result'> | undefined;
  const result = await bulkFirstLoad(config, {
    files,
    target,
    rejectsPath: path.join(dir, 'rejects-bulk.ndjson'),
    log: () => {},
    onLoaded: async (context) => {
      const d = context.database.driver;
      const fingerprint = await graphFingerprint(d);
      const checksum = await graphChecksum(d);
      const after = await context.app.get(ImportsService).load([delta], 'test', undefined, path.join(dir, 'rejects-delta.ndjson'));
      const q = async (cypher: string) => (await d.executeQuery(cypher, {}, { database: 'neo4j' })).records.map((r) => r.toObject());
      const [moved] = await q("MATCH (s:Shop)-[:LISTS]->(l:Listing {id: 'L0000000002'}) RETURN s.id AS shop, l.title AS title");
      const [shop] = await q("MATCH (:Shop {id: 'S00000005'})-[:LISTS]->(l) RETURN count(l) AS listings");
      const imports = await q(
        'MATCH (i:Import) RETURN i.id AS id, i.read AS read, i.accepted AS accepted, i.rejected AS rejected, i.status AS status ORDER BY i.startedAt',
      );
      observed = {
        fingerprint,
        checksum,
        imports: imports as typeof bulk.imports,
        delta: { moved: after.counts.moved, shop: moved!['shop'] as string, title: moved!['title'] as string, listings: Number(shop!['listings']) },
      };
    },
  });
  bulk = { result, ...observed! };
}, 1_200_000);

afterAll(async () => {
  await driver?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a bulk first load', () => {
  it('reads, validates and rejects exactly as the transactional loader does', () => {
    const perFile = (r: LoadReport) => r.files.map((f) => ({ file: f.file, lines: f.lines, read: f.read, accepted: f.accepted, rejected: f.rejected }));
    expect(perFile(bulk.result.report)).toEqual(perFile(transactional.report));
    expect(bulk.result.report.counts.rejected).toBe(1);
    for (const f of bulk.result.report.files) expect(f.read).toBe(f.accepted + f.rejected);
  });

  it('gives the same graph: counts per label and type, placeholders, and a checksum over ids and properties', () => {
    expect(bulk.fingerprint).toEqual(transactional.fingerprint);
    expect(bulk.checksum).toEqual(transactional.checksum);
    expect(bulk.checksum.nodes).toBeGreaterThan(10_000);
    // S08888888 (named by a listing), U09999999 (by a shop), L0999999999 (by a brand report).
    expect(bulk.fingerprint['placeholder:Shop']).toBe(1);
    expect(bulk.fingerprint['placeholder:Seller']).toBe(1);
    expect(bulk.fingerprint['placeholder:Listing']).toBe(1);
  });

  it('records an Import like any other, and takes a transactional delta afterwards', () => {
    expect(bulk.result.outcome).toBe('imported');
    expect(bulk.imports).toHaveLength(2);
    expect(bulk.imports[0]).toMatchObject({ id: bulk.result.report.importId, status: 'completed', read: bulk.result.report.counts.read, rejected: 1 });
    expect(bulk.imports[0]!.read).toBe(bulk.imports[0]!.accepted + bulk.imports[0]!.rejected);
    expect(bulk.imports[1]).toMatchObject({ status: 'completed', read: 2, accepted: 2 });
    expect(bulk.delta).toMatchObject({ moved: 1, shop: 'S00000005', title: 'Trailmate Mat 2027' });
    expect(bulk.delta.listings).toBeGreaterThanOrEqual(2);
  });

  it('refuses a database that is not empty, saying what it holds', async () => {
    const config = testConfig();
    const target = localTarget();
    const refused = bulkFirstLoad(config, { files, target, log: () => {} });
    await expect(refused).rejects.toThrow(LoadError);
    await expect(refused).rejects.toThrow(/only for an empty database, and this one holds .*Listing/);
  }, 600_000);

  it('against a server of ones own, writes the files and gives the operator the command', async () => {
    const config = testConfig();
    const out = path.join(dir, 'for-the-operator');
    const result = await bulkFirstLoad(config, { files, outDir: out, log: () => {} });
    expect(result.outcome).toBe('written');
    expect(result.command).toMatch(/^neo4j-admin database import full neo4j --overwrite-destination=false /);
    expect(result.command).toContain(`--nodes=Listing=${path.join(out, 'nodes-Listing.csv')}`);
    expect(result.command).toContain(`--relationships=HAS_ADDRESS=${path.join(out, 'rels-HAS_ADDRESS.csv')}`);
    const listings = fs.readFileSync(path.join(out, 'nodes-Listing.csv'), 'utf8').trimEnd().split('\n');
    expect(listings[0]).toBe('id:ID(Listing),title,brand,category,price:double,currency,listedAt:datetime,status,createdBy,placeholder:boolean');
    // One line per listing: the repeated id once, with its last row's values; the placeholder too.
    expect(listings.filter((l) => l.startsWith('"L0000000001"'))).toEqual([
      `"L0000000001","Homely Mug, ""moved""","Homely","home",41.25,"USD","2026-05-28T02:52:39Z","active","${result.report.importId}",`,
    ]);
    expect(listings.filter((l) => l.startsWith('"L0999999999"'))).toEqual([`"L0999999999",,,,,,,,"${result.report.importId}",true`]);
  });
});
