import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startTestServer, type TestServer, tokenFor } from '../setup/app';
import { testDriver, wipeMarketplace } from '../setup/graph';

let server: TestServer;
let driver: Driver;
let supervisor: string;
const uploads: string[] = [];

async function upload(file: string, body: string, token: string | null = supervisor) {
  const response = await fetch(`${server.baseUrl}/imports?file=${encodeURIComponent(file)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

beforeAll(async () => {
  driver = await testDriver();
  await wipeMarketplace(driver);
  server = await startTestServer();
  supervisor = await tokenFor(server, { sub: 'test.supervisor', roles: ['supervisor'], brands: [] });
});
afterAll(async () => {
  await wipeMarketplace(driver);
  await driver.close();
  await server?.close();
  for (const id of uploads) fs.rmSync(path.join(ROOT, '.data', 'uploads', id), { recursive: true, force: true });
});

describe('POST /imports and GET /imports/:id', () => {
  it('streams a file in, loads it, and reports the outcome with rejected rows', async () => {
    const csv = 'shop_id,seller_id,name,opened_at,status,category\nT1,TU1,One,2026-01-01T00:00:00Z,active,bags\nT2,TU1,Two,not a date,active,bags\n';
    const started = await upload('shops.csv', csv);
    expect(started.status).toBe(202);
    uploads.push(started.body.id);
    // The record exists as soon as the 202 names it: a client reading it back at once must not get a 404.
    const first = await fetch(`${server.baseUrl}/imports/${started.body.id}`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(first.status).toBe(200);
    expect(((await first.json()) as Record<string, unknown>).files).toEqual(['shops.csv']);
    let record: Record<string, any> = {};
    for (let i = 0; i < 100 && record.status !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      record = (await (await fetch(`${server.baseUrl}/imports/${started.body.id}`, { headers: { authorization: `Bearer ${supervisor}` } })).json()) as Record<
        string,
        any
      >;
    }
    expect(record).toMatchObject({ status: 'completed', read: 2, accepted: 1, rejected: 1, source: 'test.supervisor' });
    const rejects = fs.readFileSync(path.join(ROOT, '.data', 'uploads', started.body.id, 'rejects.ndjson'), 'utf8');
    expect(JSON.parse(rejects.trim())).toMatchObject({ line: 3, field: 'opened_at' });
  });

  it('refuses unsigned uploads, odd file names and unknown ids', async () => {
    expect((await upload('shops.csv', 'x', null)).status).toBe(401);
    expect((await upload('../shops.csv', 'x')).status).toBe(400);
    expect((await upload('notes.txt', 'x')).status).toBe(400);
    expect((await fetch(`${server.baseUrl}/imports/00000000-0000-4000-8000-000000000000`, { headers: { authorization: `Bearer ${supervisor}` } })).status).toBe(
      404,
    );
  });
});
