import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KINDS } from '@ringwatch/contract';
import { generateMarketplace } from '@ringwatch/synth';
import {
  ClusterDetailSchema,
  ClusterGraphSchema,
  ClusterPageSchema,
  EvidenceSchema,
  NeighbourhoodSchema,
  SearchResultSchema,
  ShopDetailSchema,
} from '@ringwatch/wire';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DetectionSummary } from '@ringwatch/detection';
import { DetectionService } from '../../apps/api/src/detection/detection.service';
import { ImportsService } from '../../apps/api/src/imports/imports.service';
import { startTestServer, type TestServer, tokenFor } from '../setup/app';
import { testDriver, wipeMarketplace } from '../setup/graph';
import { expectWire } from '../setup/wire';

const neo4j = inject('neo4j');
let server: TestServer;
let driver: Driver;
let dir: string;
let run: DetectionSummary;
let analyst: string;

const wipeRuns = (d: Driver) => d.executeQuery('MATCH (n) WHERE n:DetectionRun OR n:Cluster OR n:Sequence DETACH DELETE n', {}, { database: neo4j.database });
async function get(pathname: string, token: string | null = analyst) {
  const response = await fetch(`${server.baseUrl}${pathname}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

beforeAll(async () => {
  driver = await testDriver();
  await wipeMarketplace(driver);
  await wipeRuns(driver);
  server = await startTestServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-clusters-'));
  const manifest = await generateMarketplace({ preset: 'small', seed: 5, outDir: dir });
  await server.app.get(ImportsService).load(
    KINDS.map((k) => path.join(dir, manifest.files[k])),
    'test',
    undefined,
    path.join(dir, 'rejects.ndjson'),
  );
  run = await server.app.get(DetectionService).run({}, 'test');
  analyst = await tokenFor(server, { sub: 'test.analyst', roles: ['analyst'], brands: [] });
}, 120_000);
afterAll(async () => {
  await wipeMarketplace(driver);
  await wipeRuns(driver);
  await driver.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('GET /clusters', () => {
  it('lists the latest run’s clusters by risk, with the total', async () => {
    const { status, body } = await get('/clusters?limit=200');
    expect(status).toBe(200);
    expectWire(ClusterPageSchema, body);
    expect(body.runId).toBe(run.runId);
    expect(body.total).toBe(run.clusters.length);
    const risks = body.items.map((c: { risk: number }) => c.risk);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
  });

  it('lists each cluster’s brands and filters by brand', async () => {
    const all = await get('/clusters?limit=200');
    const branded = all.body.items.find((c: { brands: string[] }) => c.brands.length > 0);
    expect(branded).toBeDefined();
    const brand = branded.brands[0] as string;
    const filtered = await get(`/clusters?limit=200&brand=${encodeURIComponent(brand)}`);
    expect(filtered.body.total).toBe(all.body.items.filter((c: { brands: string[] }) => c.brands.includes(brand)).length);
    expect(filtered.body.items.every((c: { brands: string[] }) => c.brands.includes(brand))).toBe(true);
    // The brands really are what the members list.
    const [row] = (
      await driver.executeQuery(
        'MATCH (c:Cluster {clusterId: $id, runId: $run})<-[:MEMBER_OF]-(:Shop)-[:LISTS]->(l:Listing) WHERE l.brand IS NOT NULL RETURN collect(DISTINCT l.brand) AS brands',
        { id: branded.id, run: run.runId },
        { database: neo4j.database },
      )
    ).records;
    expect([...branded.brands].sort()).toEqual([...(row!.get('brands') as string[])].sort());
  });

  it('filters, sorts by size and pages', async () => {
    const flagged = await get('/clusters?flagged=true&limit=200');
    expect(flagged.body.total).toBe(run.clusters.filter((c) => c.flagged).length);
    expect(flagged.body.items.every((c: { flagged: boolean }) => c.flagged)).toBe(true);
    const bySize = await get('/clusters?sort=size&limit=200');
    const sizes = bySize.body.items.map((c: { size: number }) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const page = await get('/clusters?sort=size&skip=1&limit=2');
    expect(page.body.items.map((c: { id: string }) => c.id)).toEqual(bySize.body.items.slice(1, 3).map((c: { id: string }) => c.id));
  });

  it('rejects bad queries field by field', async () => {
    const bad = await get('/clusters?minRisk=80&maxRisk=20&limit=1000&colour=red');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(expect.arrayContaining(['limit']));
    expect((await get('/clusters?minRisk=80&maxRisk=20')).body.error.details[0].field).toBe('minRisk');
  });

  it('is for analysts, supervisors, liaisons and admins only', async () => {
    expect((await get('/clusters', null)).status).toBe(401);
    const brandOwner = await tokenFor(server, { sub: 'test.brand', roles: ['brand_owner'], brands: ['Aurelio'] });
    expect((await get('/clusters', brandOwner)).status).toBe(403);
  });
});

describe('GET /clusters/:id', () => {
  it('shows members, explained risk factors and lineage', async () => {
    const top = run.clusters.find((c) => c.flagged)!;
    const { status, body } = await get(`/clusters/${top.id}`);
    expect(status).toBe(200);
    expectWire(ClusterDetailSchema, body);
    expect(body.members.map((m: { id: string }) => m.id).sort()).toEqual([...top.members].sort());
    expect(body.size).toBe(top.members.length);
    expect(body.factors.map((f: { name: string }) => f.name)).toEqual(['discount', 'reports', 'strongSharing', 'burst', 'suspended', 'size']);
    expect(body.lineage).toBe('new');
  });

  it('answers 404 for an unknown cluster and 400 for a malformed id', async () => {
    expect((await get('/clusters/C999999999')).status).toBe(404);
    expect((await get('/clusters/robert')).status).toBe(400);
  });
});

describe('GET /evidence', () => {
  it('explains why the shops of a flagged cluster are linked', async () => {
    const top = run.clusters.find((c) => c.flagged && c.members.length >= 3)!;
    const { status, body } = await get(`/evidence?shops=${top.members.slice(0, 3).join(',')}`);
    expect(status).toBe(200);
    expectWire(EvidenceSchema, body);
    expect(body.identifiers.length).toBeGreaterThan(0);
    for (const id of body.identifiers) {
      expect(id.shops.length).toBeGreaterThanOrEqual(2);
      expect(['account', 'dispatch', 'return', 'ship_to', 'phone', 'email', 'device', 'kyc']).toContain(id.kind);
      if (id.kind === 'account') expect(id.label).toMatch(/…\d{4}$/);
    }
    expect(body.pairs[0].weight).toBeGreaterThan(0);
  });

  it('needs two to fifty well-formed shop ids', async () => {
    expect((await get('/evidence?shops=S1')).status).toBe(400);
    expect((await get('/evidence?shops=S1,bad id')).status).toBe(400);
    expect((await get('/evidence')).status).toBe(400);
  });
});

describe('GET /shops/:id and GET /search', () => {
  it('shows a shop with its seller, activity and cluster', async () => {
    const top = run.clusters.find((c) => c.flagged)!;
    const { status, body } = await get(`/shops/${top.members[0]}`);
    expect(status).toBe(200);
    expectWire(ShopDetailSchema, body);
    expect(body).toMatchObject({ id: top.members[0], clusterId: top.id, placeholder: false, sellerId: expect.any(String) });
    expect(body.listings).toBeGreaterThan(0);
    expect((await get('/shops/S99999999')).status).toBe(404);
  });

  it('shows a shop’s neighbourhood as the explorer reads it', async () => {
    const top = run.clusters.find((c) => c.flagged)!;
    const { status, body } = await get(`/shops/${top.members[0]}/neighbourhood`);
    expect(status).toBe(200);
    expectWire(NeighbourhoodSchema, body);
    expect(body.nodes.some((n: { type: string; depth: number }) => n.type === 'shop' && n.depth === 1)).toBe(true);
  });

  it('finds shops by id and by name words, grouped by kind, with Lucene syntax taken literally', async () => {
    const shop = (await get(`/shops/${run.clusters[0]!.members[0]}`)).body;
    const byId = await get(`/search?q=${shop.id}`);
    expect(byId.status).toBe(200);
    expectWire(SearchResultSchema, byId.body);
    expect(byId.body.groups.shop[0]).toMatchObject({ id: shop.id });
    const word = String(shop.name).split(' ')[0]!;
    const byName = await get(`/search?q=${encodeURIComponent(word)}`);
    expect(byName.body.groups.shop.length).toBeGreaterThan(0);
    for (const q of ['name:(*', 'AND', 'OR', 'NOT', 'a AND', "' OR 1=1 //", 'x || y && !z']) {
      expect((await get(`/search?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    }
    expect((await get('/search?q=a')).status).toBe(400);
  });
});

describe('GET /clusters/:id/graph', () => {
  it('gives shops and the identifiers they share, ready for sigma', async () => {
    const top = run.clusters.find((c) => c.flagged && c.members.length >= 3)!;
    const { status, body } = await get(`/clusters/${top.id}/graph`);
    expect(status).toBe(200);
    expectWire(ClusterGraphSchema, body);
    expect(body.truncated).toBe(false);
    const shops = body.nodes.filter((n: { type: string }) => n.type === 'shop');
    expect(shops.map((n: { id: string }) => n.id).sort()).toEqual([...top.members].sort());
    const ids = new Set(body.nodes.map((n: { id: string }) => n.id));
    expect(body.edges.length).toBeGreaterThan(0);
    for (const e of body.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('caps the nodes and says so', async () => {
    const top = run.clusters.find((c) => c.members.length >= 3)!;
    const { body } = await get(`/clusters/${top.id}/graph?limit=2`);
    expect(body.nodes).toHaveLength(2);
    expect(body.truncated).toBe(true);
    expect((await get(`/clusters/${top.id}/graph?limit=1`)).status).toBe(400);
  });
});

describe('GET /evidence', () => {
  it('counts a shop once for an address it uses for dispatch and for returns', async () => {
    const file = path.join(dir, 'addresses.csv');
    fs.writeFileSync(
      file,
      'shop_id,kind,line1,line2,city,region,postcode,country\n' +
        'EV-S1,dispatch,12 Evidence Road,,Lyon,,69001,FR\nEV-S1,return,12 Evidence Road,,Lyon,,69001,FR\nEV-S2,dispatch,12 Evidence Road,,Lyon,,69001,FR\n',
    );
    await server.app.get(ImportsService).load([file], 'test');
    const { body } = await get('/evidence?shops=EV-S1,EV-S2');
    const address = body.identifiers.find((i: { kind: string }) => i.kind === 'dispatch');
    expect(address).toMatchObject({ shopCount: 2, shops: ['EV-S1', 'EV-S2'] });
  });
});
