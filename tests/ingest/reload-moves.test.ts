import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KINDS } from '@ringwatch/contract';
import { loadFiles, type LoadReport } from '@ringwatch/ingest';
import { CypherRegistry } from '@ringwatch/neo4j';
import { fingerprinter } from '@ringwatch/normalise';
import { generateMarketplace, type SynthManifest } from '@ringwatch/synth';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ImportsRepository } from '../../apps/api/src/imports/imports.repository';
import { ROOT } from '../setup/app';
import { testDriver, wipeMarketplace } from '../setup/graph';

const neo4j = inject('neo4j');
const KEY = 'test-pii-key-0123456789';
let driver: Driver;
let repo: ImportsRepository;
let dir: string;
let manifest: SynthManifest;
let second: LoadReport;
/** What the second data set changed: entity id → the owner (shop, seller or listing id) it had before. */
const changed: Record<'shops' | 'listings' | 'payments' | 'brand_reports', Map<string, string>> = {
  shops: new Map(),
  listings: new Map(),
  payments: new Map(),
  brand_reports: new Map(),
};
/** Payouts the second data set credits to another account (the raw number it had before). */
const accountChanged = new Map<string, string>();

const load = (paths: string[]) =>
  loadFiles({ files: paths, writer: repo, ledger: repo, fingerprinter: fingerprinter(KEY), batchSize: 50, rejectsPath: path.join(dir, 'rejects.ndjson') });
const rows = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(cypher, params, { database: neo4j.database })).records.map((r) => r.toObject());
const count = async (cypher: string, params: Record<string, unknown> = {}) => Number((await rows(cypher, params))[0]!['n']);

/**
 * The same CSV with the second column (the owner's id: shop, seller or listing) of every `every`-th row
 * replaced by the next row's, so the entity now belongs elsewhere; an entity id is the first column.
 */
function reassign(file: string, every: number, moves: Map<string, string>, column = 1, width = 1): string {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  // An account written another way (spaces, case) is the same account.
  const owner = (line: string) => line.split(',')[column]!.replace(/[\s-]/g, '').toUpperCase();
  const out = lines.map((line, i) => {
    const next = lines[(i + 1) % lines.length]!;
    if (i % every !== 0 || owner(next) === owner(line)) return line;
    const cells = line.split(',');
    moves.set(cells[0]!, cells[column]!);
    cells.splice(column, width, ...next.split(',').slice(column, column + width));
    return cells.join(',');
  });
  const target = path.join(dir, 'second', path.basename(file));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${[header, ...out].join('\n')}\n`);
  return target;
}

beforeAll(async () => {
  driver = await testDriver();
  repo = new ImportsRepository(driver, neo4j.database, CypherRegistry.load(path.join(ROOT, 'cypher')));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-reload-'));
  manifest = await generateMarketplace({ preset: 'tiny', seed: 11, outDir: dir });
  const files = KINDS.map((k) => path.join(dir, manifest.files[k]));
  await wipeMarketplace(driver);
  const first = await load(files);
  expect(first.status).toBe('completed');
  // The second data set: the same marketplace a month on, in which shops changed hands and listings,
  // payouts and brand verdicts were re-attributed. Batches of 50 put some of the same ids in flight at once.
  const moved = [
    reassign(path.join(dir, manifest.files.shops), 5, changed.shops),
    reassign(path.join(dir, manifest.files.listings), 4, changed.listings),
    reassign(path.join(dir, manifest.files.payments), 3, changed.payments),
    reassign(path.join(dir, manifest.files.brand_reports), 2, changed.brand_reports),
  ];
  // Some payouts also went to another account (the payments file edited again, in place).
  // Account, its kind and provider together, as the next row has them.
  reassign(path.join(dir, 'second', manifest.files.payments), 7, accountChanged, 2, 3);
  second = await load(moved);
  expect(second).toMatchObject({ status: 'completed', counts: { rejected: 0 } });
}, 120_000);
afterAll(async () => {
  await wipeMarketplace(driver);
  await driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a second data set over the first', () => {
  it('leaves every listing one selling shop, every shop one owner, every payout one shop and one account', async () => {
    expect(changed.listings.size).toBeGreaterThan(20);
    expect(changed.shops.size).toBeGreaterThan(10);
    expect(changed.payments.size).toBeGreaterThan(20);
    expect(await count('MATCH (l:Listing) WHERE COUNT { (l)<-[:LISTS]-() } <> 1 AND l.placeholder IS NULL RETURN count(l) AS n')).toBe(0);
    expect(await count('MATCH (s:Shop) WHERE COUNT { (s)<-[:OWNS]-() } <> 1 RETURN count(s) AS n')).toBe(0);
    expect(await count('MATCH (p:Payment) WHERE COUNT { (p)<-[:RECEIVED]-() } <> 1 OR COUNT { (p)-[:TO]->() } <> 1 RETURN count(p) AS n')).toBe(0);
    expect(await count('MATCH (b:BrandReport) WHERE COUNT { (b)-[:ABOUT]->() } <> 1 OR COUNT { (b)-[:FOR_BRAND]->() } <> 1 RETURN count(b) AS n')).toBe(0);
    expect(await count('MATCH (l:Listing) RETURN count(l) AS n')).toBe(manifest.counts.listings);
  });

  it('links each to the owner the second data set names', async () => {
    const listings = await rows('UNWIND $ids AS id MATCH (s:Shop)-[:LISTS]->(l:Listing {id: id}) RETURN l.id AS id, s.id AS shop', {
      ids: [...changed.listings.keys()],
    });
    for (const { id, shop } of listings) expect(shop, String(id)).not.toBe(changed.listings.get(id as string));
    const shops = await rows('UNWIND $ids AS id MATCH (u:Seller)-[:OWNS]->(s:Shop {id: id}) RETURN s.id AS id, u.id AS seller', {
      ids: [...changed.shops.keys()],
    });
    for (const { id, seller } of shops) expect(seller, String(id)).not.toBe(changed.shops.get(id as string));
  });

  it('keeps a payout account link only where a payout stands behind it', async () => {
    expect(await count('MATCH (s:Shop)-[:PAID_TO]->(a:PaymentAccount) WHERE NOT EXISTS { (s)-[:RECEIVED]->(:Payment)-[:TO]->(a) } RETURN count(*) AS n')).toBe(
      0,
    );
    expect(await count('MATCH (s:Shop)-[:RECEIVED]->(:Payment)-[:TO]->(a:PaymentAccount) WHERE NOT EXISTS { (s)-[:PAID_TO]->(a) } RETURN count(*) AS n')).toBe(
      0,
    );
  });

  it('counts the moves in the import report and on the Import record', async () => {
    const moved = (kind: string) => second.files.find((f) => f.kind === kind)!.moved;
    expect(moved('listings')).toBe(changed.listings.size);
    expect(moved('shops')).toBe(changed.shops.size);
    expect(accountChanged.size).toBeGreaterThan(10);
    expect(moved('payments')).toBe(new Set([...changed.payments.keys(), ...accountChanged.keys()]).size);
    expect(moved('brand_reports')).toBe(changed.brand_reports.size);
    const total = Object.values(changed).reduce((s, m) => s + m.size, 0) + moved('payments') - changed.payments.size;
    expect(second.counts.moved).toBe(total);
    expect((await repo.get(second.importId))!.moved).toBe(total);
  });

  it('says on each moved link where it came from and which import moved it', async () => {
    const trail = await rows(
      'UNWIND $ids AS id MATCH (:Shop)-[r:LISTS]->(l:Listing {id: id}) RETURN l.id AS id, r.movedFrom AS movedFrom, r.movedBy AS movedBy, r.movedAt IS NOT NULL AS at',
      { ids: [...changed.listings.keys()] },
    );
    expect(trail).toHaveLength(changed.listings.size);
    for (const t of trail) expect(t).toEqual({ id: t['id'], movedFrom: [changed.listings.get(t['id'] as string)], movedBy: second.importId, at: true });
    const owners = await rows('UNWIND $ids AS id MATCH (:Seller)-[r:OWNS]->(s:Shop {id: id}) RETURN s.id AS id, r.movedFrom AS movedFrom', {
      ids: [...changed.shops.keys()],
    });
    for (const o of owners) expect(o['movedFrom']).toEqual([changed.shops.get(o['id'] as string)]);
    expect(await count('MATCH ()-[r:LISTS]->() WHERE r.movedFrom IS NOT NULL RETURN count(r) AS n')).toBe(changed.listings.size);
    // An account is named by its fingerprint key, never by its number.
    expect(await count('MATCH ()-[r:TO]->() WHERE r.movedFrom IS NOT NULL RETURN count(r) AS n')).toBe(accountChanged.size);
    expect(
      await count(
        'MATCH ()-[r:TO]->() WHERE r.movedFrom IS NOT NULL AND NOT all(k IN r.movedFrom WHERE EXISTS { MATCH (:PaymentAccount {key: k}) }) RETURN count(r) AS n',
      ),
    ).toBe(0);
  });

  it('moves nothing when the same data set is loaded again', async () => {
    const again = await load(['shops', 'listings', 'payments', 'brand_reports'].map((k) => path.join(dir, 'second', manifest.files[k as 'shops'])));
    expect(again.counts.moved).toBe(0);
    expect(await count('MATCH ()-[r:LISTS]->() WHERE r.movedFrom IS NOT NULL RETURN count(r) AS n')).toBe(changed.listings.size);
  });
});
