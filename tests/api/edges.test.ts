import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startTestServer, tokenFor, type TestServer } from '../setup/app';
import { testDriver, wipeMarketplace } from '../setup/graph';

let server: TestServer;
let driver: Driver;
let supervisor: string;
const uploads: string[] = [];
const STALE_ID = '00000000-0000-4000-8000-00000000057a';

const auth = () => ({ authorization: `Bearer ${supervisor}` });
const post = (route: string, body: string) =>
  fetch(`${server.baseUrl}${route}`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body });

async function uploadAndWait(file: string, body: string): Promise<Record<string, any>> {
  const response = await fetch(`${server.baseUrl}/imports?file=${file}`, {
    method: 'POST',
    headers: { ...auth(), 'content-type': 'application/octet-stream' },
    body,
  });
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  uploads.push(id);
  let record: Record<string, any> = { status: 'running' };
  for (let i = 0; i < 150 && record.status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    record = (await (await fetch(`${server.baseUrl}/imports/${id}`, { headers: auth() })).json()) as Record<string, any>;
  }
  return record;
}

beforeAll(async () => {
  driver = await testDriver();
  await wipeMarketplace(driver);
  // An import whose process died long ago: start-up must not leave it `running`.
  await driver.executeQuery(
    `MERGE (i:Import {id: $id}) SET i.status = 'running', i.source = 'test', i.files = ['shops.csv'],
       i.startedAt = datetime() - duration('PT2H'), i.heartbeatAt = datetime() - duration('PT2H')`,
    { id: STALE_ID },
  );
  server = await startTestServer({ INGEST_MAX_REJECTS_PER_FILE: '5' });
  supervisor = await tokenFor(server, { sub: 'test.supervisor', roles: ['supervisor'], brands: [] });
});
afterAll(async () => {
  await driver.executeQuery('MATCH (i:Import {id: $id}) DETACH DELETE i', { id: STALE_ID });
  await wipeMarketplace(driver);
  await driver.close();
  await server?.close();
  for (const id of uploads) fs.rmSync(path.join(ROOT, '.data', 'uploads', id), { recursive: true, force: true });
});

describe('request bodies and error bodies', () => {
  it('answers a JSON body over the limit with a short 413', async () => {
    const response = await post('/shutdowns', JSON.stringify({ clusterId: 'C000001', reason: 'x'.repeat(1_100_000) }));
    const text = await response.text();
    expect(response.status).toBe(413);
    expect(text.length).toBeLessThan(500);
    expect(JSON.parse(text)).toMatchObject({ error: { status: 413, code: 'payload_too_large' } });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await post('/shutdowns', '{"clusterId": ');
    expect(response.status).toBe(400);
  });

  it('keeps a validation error small whatever the request: 60,000 unknown keys, or many bad fields', async () => {
    const body = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, i]));
    const response = await post('/shutdowns', JSON.stringify({ clusterId: 'C000001', reason: 'long enough reason', ...body }));
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text.length).toBeLessThan(4_000);
    const details = (JSON.parse(text) as { error: { details: { field: string; reason: string }[] } }).error.details;
    expect(details.length).toBeGreaterThan(0);
    for (const d of details) expect(d.reason.length).toBeLessThan(400);

    // Query strings are bounded by the header limit (16 KB): long unknown names still make one long issue.
    const query = Array.from({ length: 40 }, (_, i) => `x${i}${'y'.repeat(200)}=1`).join('&');
    const many = await fetch(`${server.baseUrl}/clusters?${query}&minRisk=abc&limit=0&sort=zzz`, { headers: auth() });
    const manyText = await many.text();
    expect(many.status).toBe(400);
    expect(manyText.length).toBeLessThan(3_000);
  });
});

describe('headers', () => {
  it('sends no-store and the security headers on API answers, errors included', async () => {
    for (const response of [
      await fetch(`${server.baseUrl}/clusters`, { headers: auth() }),
      await fetch(`${server.baseUrl}/clusters`),
      await fetch(`${server.baseUrl}/docs/openapi.json`),
      await post('/shutdowns', '{'),
    ]) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get('x-powered-by')).toBeNull();
      await response.arrayBuffer();
    }
  });
});

describe('OpenAPI document', () => {
  it('declares query and path parameters and bodies from the zod shapes', async () => {
    const doc = (await (await fetch(`${server.baseUrl}/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[]; requestBody?: any }>>;
    };
    const clusters = doc.paths['/clusters']!.get!.parameters ?? [];
    const query = clusters.filter((p) => p.in === 'query').map((p) => p.name);
    expect(query).toEqual(expect.arrayContaining(['skip', 'limit', 'minRisk', 'sort', 'brand']));
    expect(clusters.find((p) => p.name === 'limit')).toMatchObject({ required: false });
    expect(doc.paths['/imports']!.post!.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'file', in: 'query', required: true })]));
    expect(doc.paths['/shutdowns']!.post!.requestBody.content['application/json'].schema.properties).toHaveProperty('clusterId');

    let withPathParameters = 0;
    for (const [route, item] of Object.entries(doc.paths)) {
      const names = [...route.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const [method, operation] of Object.entries(item)) {
        if (names.length > 0) withPathParameters++;
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared.sort(), `${method} ${route}`).toEqual([...names].sort());
      }
    }
    expect(withPathParameters).toBeGreaterThan(5);
  });
});

describe('imports', () => {
  it('shows no server paths, and stops a file at the rejects cap saying so, the rows before kept', async () => {
    const good = (i: number) => `E${i},EU1,Shop ${i},2026-01-01T00:00:00Z,active,bags`;
    const bad = (i: number) => `E${i},EU1,Shop ${i},not a date,active,bags`;
    const rows = [good(1), good(2), ...Array.from({ length: 20 }, (_, i) => bad(10 + i)), good(3)];
    const record = await uploadAndWait('shops.csv', `shop_id,seller_id,name,opened_at,status,category\n${rows.join('\n')}\n`);
    expect(record).toMatchObject({ status: 'failed', accepted: 2, rejected: 5 });
    expect(record.error).toMatch(/stopped at line 9 after 5 rejected rows/);
    expect(record.rejectsFile).toBe('rejects.ndjson');
    const text = JSON.stringify(record);
    expect(text).not.toContain(ROOT);
    expect(text).not.toContain('/.data/');
  });

  it('shows a completed import without server paths either', async () => {
    const record = await uploadAndWait(
      'shops.csv',
      'shop_id,seller_id,name,opened_at,status,category\nF1,FU1,One,2026-01-01T00:00:00Z,active,bags\nF2,FU1,Two,bad,active,bags\n',
    );
    expect(record).toMatchObject({ status: 'completed', accepted: 1, rejected: 1, rejectsFile: 'rejects.ndjson' });
    expect(JSON.stringify(record)).not.toContain(ROOT);
  });

  it('marks an import whose process died as abandoned at start-up, saying why', async () => {
    const record = (await (await fetch(`${server.baseUrl}/imports/${STALE_ID}`, { headers: auth() })).json()) as Record<string, any>;
    expect(record).toMatchObject({ status: 'abandoned' });
    expect(record.error).toMatch(/no heartbeat/);
    expect(record.finishedAt).not.toBeNull();
  });
});

describe('other answers that could carry paths', () => {
  it('health, reports and the report list name no server folder', async () => {
    for (const route of ['/health', '/reports', '/imports/00000000-0000-4000-8000-000000000000']) {
      const text = await (await fetch(`${server.baseUrl}${route}`, { headers: auth() })).text();
      expect(text, route).not.toContain(ROOT);
      expect(text, route).not.toMatch(/\/tmp\/|\/home\/|\/work\//);
    }
  });
});
