import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KINDS } from '@ringwatch/contract';
import type { DetectionSummary } from '@ringwatch/detection';
import { generateMarketplace } from '@ringwatch/synth';
import { NeighbourhoodSchema, ShopActivitySchema, ShopListingsPageSchema, ShopMetricsSchema, ShopPathSchema } from '@ringwatch/wire';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DetectionService } from '../../apps/api/src/detection/detection.service';
import { ImportsService } from '../../apps/api/src/imports/imports.service';
import { startTestServer, type TestServer, tokenFor } from '../setup/app';
import { testDriver, wipeMarketplace } from '../setup/graph';
import { expectWire } from '../setup/wire';

/** The routes behind the explorer's evidence path, shop page and sizing (issue 21). */
const neo4j = inject('neo4j');
let server: TestServer;
let driver: Driver;
let dir: string;
let run: DetectionSummary;
let analyst: string;
let brand: string;

const wipeRuns = (d: Driver) => d.executeQuery('MATCH (n) WHERE n:DetectionRun OR n:Cluster OR n:Sequence DETACH DELETE n', {}, { database: neo4j.database });
async function get(pathname: string, token: string = analyst) {
  const response = await fetch(`${server.baseUrl}${pathname}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

beforeAll(async () => {
  driver = await testDriver();
  await wipeMarketplace(driver);
  await wipeRuns(driver);
  server = await startTestServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-shop-graph-'));
  const manifest = await generateMarketplace({ preset: 'small', seed: 5, outDir: dir });
  await server.app.get(ImportsService).load(
    KINDS.map((k) => path.join(dir, manifest.files[k])),
    'test',
    undefined,
    path.join(dir, 'rejects.ndjson'),
  );
  run = await server.app.get(DetectionService).run({}, 'test');
  analyst = await tokenFor(server, { sub: 'test.analyst', roles: ['analyst'], brands: [] });
  brand = await tokenFor(server, { sub: 'test.brand', roles: ['brand_owner'], brands: ['Aurelio'] });
}, 600_000);
afterAll(async () => {
  await wipeMarketplace(driver);
  await wipeRuns(driver);
  await driver.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const largest = () => [...run.clusters].sort((a, b) => b.members.length - a.members.length)[0]!;

describe('GET /shops/:id/path', () => {
  it('finds the shortest evidence path: shops and the identifiers each pair of neighbours shares', async () => {
    const members = largest().members;
    let longest: any = null;
    // From one member to the others: every path alternates shop, identifier, shop and each identifier is shared by its two shops.
    for (const other of members.slice(1, 12)) {
      const { status, body } = await get(`/shops/${members[0]}/path?to=${other}`);
      expect(status).toBe(200);
      expectWire(ShopPathSchema, body);
      expect(body.path.length).toBeGreaterThan(0);
      expect(body.path[0]).toBe(members[0]);
      expect(body.path.at(-1)).toBe(other);
      expect(body.steps).toBe((body.path.length - 1) / 2);
      expect(body.steps).toBeLessThanOrEqual(4);
      const nodes = new Map(body.nodes.map((n: { id: string }) => [n.id, n]));
      for (let i = 1; i < body.path.length; i += 2) {
        const [a, x, b] = [body.path[i - 1], body.path[i], body.path[i + 1]];
        expect(nodes.get(x)).toMatchObject({ type: 'identifier', hub: false });
        const shared = (await get(`/evidence?shops=${a},${b}`)).body.identifiers.map((s: { kind: string; key: string }) => `${s.kind}:${s.key}`);
        expect(shared).toContain(x);
        expect(body.edges).toEqual(
          expect.arrayContaining([expect.objectContaining({ source: a, target: x }), expect.objectContaining({ source: b, target: x })]),
        );
      }
      if (!longest || body.steps > longest.steps) longest = body;
    }
    // Shortest: a path of n steps is not found when fewer are allowed.
    if (longest.steps > 1) {
      const short = await get(`/shops/${longest.from}/path?to=${longest.to}&maxSteps=${longest.steps - 1}`);
      expect(short.body).toMatchObject({ path: [], steps: 0 });
    }
    expect((await get(`/shops/${members[0]}/path?to=${members[0]}`)).body).toMatchObject({ path: [members[0]], steps: 0 });
    expect((await get(`/shops/${members[0]}/path?to=NO-SUCH-SHOP`)).status).toBe(404);
    expect((await get(`/shops/${members[0]}/path?to=${members[1]}&maxSteps=9`)).status).toBe(400);
    expect((await get(`/shops/${members[0]}/path?to=${members[1]}`, brand)).status).toBe(403);
  });
});

describe('GET /shops/:id/neighbourhood with perIdentifier', () => {
  it('draws at most perIdentifier other shops through one identifier and says which were cut', async () => {
    const shop = largest().members[0]!;
    const whole = await get(`/shops/${shop}/neighbourhood?depth=2&limit=2000&perIdentifier=2000`);
    const capped = await get(`/shops/${shop}/neighbourhood?depth=2&limit=2000&perIdentifier=1`);
    expectWire(NeighbourhoodSchema, capped.body);
    expect(whole.body.cut).toEqual([]);
    expect(capped.body.cut.length).toBeGreaterThan(0);
    for (const cut of capped.body.cut) {
      expect(cut.shown).toBeLessThanOrEqual(1);
      expect(cut.of).toBeGreaterThan(cut.shown);
    }
    expect(capped.body.nodes.length).toBeLessThan(whole.body.nodes.length);
  });
});

describe('shop page routes', () => {
  it('pages a shop’s listings with each price against its brand’s typical price', async () => {
    const [row] = (
      await driver.executeQuery(
        'MATCH (s:Shop)-[:LISTS]->(l:Listing) WHERE l.brand IS NOT NULL WITH s, count(l) AS n WHERE n >= 3 RETURN s.id AS id, n ORDER BY n DESC, id LIMIT 1',
        {},
        { database: neo4j.database },
      )
    ).records;
    const id = row!.get('id') as string;
    const first = await get(`/shops/${id}/listings?limit=2`);
    expect(first.status).toBe(200);
    expectWire(ShopListingsPageSchema, first.body);
    expect(first.body.total).toBe((await get(`/shops/${id}`)).body.listings);
    expect(first.body.items).toHaveLength(2);
    const second = await get(`/shops/${id}/listings?skip=2&limit=2`);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    const priced = first.body.items.find((l: { typicalPrice: number | null; price: number | null }) => l.typicalPrice && l.price !== null);
    expect(priced).toBeDefined();
    expect(priced.priceRatio).toBeCloseTo(priced.price / priced.typicalPrice, 1);
    expect((await get('/shops/NO-SUCH-SHOP/listings')).status).toBe(404);
  });

  it('gives payouts per currency and a dated timeline with the shop’s cluster in the run', async () => {
    const shop = largest().members[0]!;
    const { status, body } = await get(`/shops/${shop}/activity`);
    expect(status).toBe(200);
    expectWire(ShopActivitySchema, body);
    const dates = body.timeline.map((e: { at: string }) => e.at);
    expect(dates).toEqual([...dates].sort());
    expect(body.timeline.some((e: { kind: string }) => e.kind === 'opened')).toBe(true);
    expect(body.timeline.find((e: { kind: string }) => e.kind === 'cluster')).toMatchObject({ link: `#/clusters/${largest().id}?run=${run.runId}` });
  });

  it('gives listings and payout volume per shop for sizing the drawing', async () => {
    const ids = largest().members.slice(0, 5);
    const { status, body } = await get(`/shops/metrics?ids=${ids.join(',')}`);
    expect(status).toBe(200);
    expectWire(ShopMetricsSchema, body);
    expect(body.shops.map((s: { id: string }) => s.id).sort()).toEqual([...ids].sort());
    const detail = (await get(`/shops/${ids[0]}`)).body;
    expect(body.shops.find((s: { id: string }) => s.id === ids[0]).listings).toBe(detail.listings);
    expect((await get('/shops/metrics?ids=')).status).toBe(400);
  });
});
