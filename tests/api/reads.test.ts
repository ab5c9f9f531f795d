import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KINDS } from '@ringwatch/contract';
import type { DetectionSummary } from '@ringwatch/detection';
import type { Role } from '@ringwatch/permissions';
import { generateMarketplace } from '@ringwatch/synth';
import { ClusterPageSchema, SearchResultSchema } from '@ringwatch/wire';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ClustersService } from '../../apps/api/src/clusters/clusters.service';
import type { Actor } from '../../apps/api/src/common/actor';
import { ReadCache } from '../../apps/api/src/common/read-cache';
import { DetectionService } from '../../apps/api/src/detection/detection.service';
import { ImportsService } from '../../apps/api/src/imports/imports.service';
import { startTestServer, tokenFor, type TestServer } from '../setup/app';
import { testDriver, wipeMarketplace } from '../setup/graph';
import { expectWire } from '../setup/wire';

/**
 * First reads served from what a detection run wrote (each cluster's shared identifiers, the list's
 * brand shares), held equal to the same reads worked out live; and search that normalises what is
 * typed as the loader normalised what was loaded.
 */
const neo4j = inject('neo4j');
let server: TestServer;
let driver: Driver;
let dir: string;
let run: DetectionSummary;
const tokens: Partial<Record<Role, string>> = {};

const wipeRuns = (d: Driver) => d.executeQuery('MATCH (n) WHERE n:DetectionRun OR n:Cluster OR n:Sequence DETACH DELETE n', {}, { database: neo4j.database });
const actor = (role: Role): Actor => ({ name: `test.${role}`, roles: [role], brands: [], requestId: null });
async function get(pathname: string, role: Role = 'analyst') {
  const response = await fetch(`${server.baseUrl}${pathname}`, { headers: { authorization: `Bearer ${tokens[role]}` } });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}
const query = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(cypher, params, { database: neo4j.database })).records.map((r) => r.toObject());

beforeAll(async () => {
  driver = await testDriver();
  await wipeMarketplace(driver);
  await wipeRuns(driver);
  server = await startTestServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-reads-'));
  const manifest = await generateMarketplace({ preset: 'small', seed: 11, outDir: dir });
  await server.app.get(ImportsService).load(
    KINDS.map((k) => path.join(dir, manifest.files[k])),
    'test',
    undefined,
    path.join(dir, 'rejects.ndjson'),
  );
  run = await server.app.get(DetectionService).run({}, 'test');
  for (const role of ['analyst', 'supervisor'] as const) tokens[role] = await tokenFor(server, { sub: `test.${role}`, roles: [role], brands: [] });
}, 180_000);
afterAll(async () => {
  await wipeMarketplace(driver);
  await wipeRuns(driver);
  await driver.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('reads written with the run', () => {
  it('stores every cluster’s shared identifiers, equal to the ones worked out live', async () => {
    const stored = await query('MATCH (c:Cluster {runId: $run}) RETURN c.clusterId AS id, c.identifiers AS identifiers', { run: run.runId });
    expect(stored).toHaveLength(run.clusters.length);
    expect(stored.every((c) => typeof c.identifiers === 'string')).toBe(true);
    const clusters = server.app.get(ClustersService);
    let compared = 0;
    for (const c of run.clusters) {
      const fromRun = await clusters.sharedIdentifiers(c.id, undefined);
      const live = await clusters.sharedIdentifiers(c.id, undefined, true);
      expect(fromRun.shared, c.id).toEqual(live.shared);
      compared += live.shared.length;
    }
    // Not vacuous: the run's clusters do share identifiers.
    expect(compared).toBeGreaterThan(run.clusters.length);
  });

  it('serves the cluster graph from them exactly as the live graph, per view', async () => {
    const clusters = server.app.get(ClustersService);
    const sample = [...run.clusters].sort((a, b) => b.members.length - a.members.length).slice(0, 5);
    for (const role of ['analyst', 'supervisor'] as const) {
      for (const c of sample) {
        for (const limit of [5000, Math.max(2, c.members.length + 1)]) {
          const { status, body } = await get(`/clusters/${c.id}/graph?limit=${limit}`, role);
          expect(status).toBe(200);
          expect(body, `${role} ${c.id} ${limit}`).toEqual(await clusters.graph(c.id, undefined, limit, actor(role), true));
        }
      }
    }
    // The redacted view shows no identifier key in the clear.
    const { body } = await get(`/clusters/${sample[0]!.id}/graph`, 'analyst');
    const identifiers = body.nodes.filter((n: { type: string }) => n.type === 'identifier');
    expect(identifiers.length).toBeGreaterThan(0);
    expect(identifiers.every((n: { id: string }) => n.id.split(':')[1]!.startsWith('~'))).toBe(true);
  });

  it('falls back to the live read for a cluster written without them', async () => {
    const c = run.clusters.find((x) => x.members.length >= 3)!;
    const clusters = server.app.get(ClustersService);
    const before = await clusters.graph(c.id, undefined, 5000, actor('supervisor'), true);
    const [kept] = await query('MATCH (c:Cluster {runId: $run, clusterId: $id}) WITH c, c.identifiers AS kept REMOVE c.identifiers RETURN kept', {
      run: run.runId,
      id: c.id,
    });
    server.app.get(ReadCache).invalidate();
    try {
      expect((await get(`/clusters/${c.id}/graph`, 'supervisor')).body).toEqual(before);
    } finally {
      await query('MATCH (c:Cluster {runId: $run, clusterId: $id}) SET c.identifiers = $kept', { run: run.runId, id: c.id, kept: kept!.kept });
      server.app.get(ReadCache).invalidate();
    }
  });

  it('lists each cluster’s top brands with the share of its shops listing them', async () => {
    const { status, body } = await get('/clusters?limit=200');
    expect(status).toBe(200);
    expectWire(ClusterPageSchema, body);
    const branded = body.items.filter((c: { brands: string[] }) => c.brands.length > 0);
    expect(branded.length).toBeGreaterThan(0);
    for (const c of branded.slice(0, 10)) {
      expect(c.topBrands.length).toBe(Math.min(3, c.brands.length));
      const rows = await query(
        `MATCH (c:Cluster {clusterId: $id, runId: $run})<-[:MEMBER_OF]-(s:Shop)
         RETURN count(DISTINCT s) AS size, [b IN $brands | COUNT { MATCH (s2:Shop)-[:MEMBER_OF]->(c) WHERE EXISTS { (s2)-[:LISTS]->(:Listing {brand: b}) } }] AS counts`,
        { id: c.id, run: body.runId, brands: c.topBrands.map((t: { brand: string }) => t.brand) },
      );
      const { size, counts } = rows[0] as { size: { toNumber(): number }; counts: { toNumber(): number }[] };
      c.topBrands.forEach((t: { brand: string; share: number }, i: number) => {
        expect(t.brand).toBe(c.brands[i]);
        expect(t.share).toBeCloseTo(counts[i]!.toNumber() / size.toNumber(), 3);
      });
    }
  });
});

describe('search normalised like the loader', () => {
  it('finds a phone written as the explorer shows it, nationally or internationally, with the shops using it', async () => {
    const [row] = await query(
      `MATCH (p:Phone)<-[:HAS_PHONE]-(:Seller)-[:OWNS]->(s:Shop) WHERE p.key STARTS WITH '+49'
       WITH p, collect(s.id) AS shops ORDER BY size(shops) DESC, p.key LIMIT 1 RETURN p.key AS key, shops`,
    );
    expect(row).toBeDefined();
    const key = row!.key as string;
    const national = parsePhoneNumberFromString(key)!.formatNational();
    const international = parsePhoneNumberFromString(key)!.formatInternational();
    for (const q of [national, international, national.replace(/\s/g, ''), key]) {
      const { status, body } = await get(`/search?q=${encodeURIComponent(q)}`, 'supervisor');
      expect(status).toBe(200);
      expectWire(SearchResultSchema, body);
      const hit = body.groups.phone?.find((h: { id: string }) => h.id === key);
      expect(hit, q).toBeDefined();
      expect(hit.shopCount).toBe(new Set(row!.shops as string[]).size);
      expect(hit.shops.map((s: { id: string }) => s.id)).toEqual([...new Set(row!.shops as string[])].sort().slice(0, 10));
    }
    // Redacted for a role without identities.read: the phone's id is opaque, its shops are not personal data.
    const { body } = await get(`/search?q=${encodeURIComponent(national)}`, 'analyst');
    expect(body.groups.phone[0].id).toMatch(/^~/);
    expect(body.groups.phone[0].shops.length).toBeGreaterThan(0);
  });

  it('finds an address by another spelling of its street, as the loader keys it', async () => {
    const rows = await query(
      `MATCH (a:Address)<-[:HAS_ADDRESS]-(s:Shop) WHERE a.text =~ '^\\\\d+ [A-Za-z]+ (Road|Street|Avenue),.*'
       WITH a, collect(DISTINCT s.id) AS shops ORDER BY a.key LIMIT 3 RETURN a.key AS key, a.text AS text, shops`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const short: Record<string, string> = { Road: 'RD', Street: 'ST', Avenue: 'AVE' };
    for (const row of rows) {
      const [house, name, kind] = (row.text as string).split(',')[0]!.split(' ');
      // "913 Garten Road" is found as "GARTEN RD" and as "913 garten rd".
      for (const q of [`${name!.toUpperCase()} ${short[kind!]}`, `${house} ${name!.toLowerCase()} ${short[kind!]!.toLowerCase()}`]) {
        const { body } = await get(`/search?q=${encodeURIComponent(q)}&limit=100`, 'supervisor');
        const hit = body.groups.address?.find((h: { id: string }) => h.id === row.key);
        expect(hit, `${q} → ${row.text as string}`).toBeDefined();
        expect(hit.shops.map((s: { id: string }) => s.id)).toEqual([...(row.shops as string[])].sort().slice(0, 10));
      }
    }
  });

  it('finds names with or without their diacritics', async () => {
    const [shop] = await query(`MATCH (s:Shop) WITH s ORDER BY s.id LIMIT 1 SET s.name = 'Zürcher Ärmelhaus Ñandú' RETURN s.id AS id`);
    for (const q of ['zurcher armelhaus', 'Zürcher', 'NANDU', 'ärmelhaus ñandú']) {
      const { body } = await get(`/search?q=${encodeURIComponent(q)}`, 'analyst');
      expect(
        body.groups.shop?.map((h: { id: string }) => h.id),
        q,
      ).toContain(shop!.id);
    }
    expect((await get(`/search?q=${encodeURIComponent('zurcher mantel')}`)).body.groups.shop ?? []).toEqual([]);
  });
});
