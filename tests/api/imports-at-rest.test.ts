import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportsService } from '../../apps/api/src/imports/imports.service';
import { ROOT, startTestServer, testConfig, type TestServer, tokenFor } from '../setup/app';
import { testDriver, wipeMarketplace } from '../setup/graph';

let server: TestServer;
let driver: Driver;
let supervisor: string;
const uploads: string[] = [];
const UPLOADS = path.join(ROOT, '.data', 'uploads');
const REPORTS = testConfig().report.dir;

/** The fixture's raw account numbers: none may be found on disk once its loads are over. */
const CARDS = ['4111 1111 1111 1111', '5500-0000-0000-0004', 'DE89 3704 0044 0532 0130 00', '4000 0566 5566 5556'];
const PAYMENTS = 'payment_id,shop_id,account,account_kind,provider,amount,currency,paid_at\n';
const payment = (id: string, account: string, amount = '12.5') =>
  `${id},AR1,${account},${account.startsWith('DE') ? 'iban' : 'card'},Visa,${amount},EUR,2026-01-01T00:00:00Z`;

type Record_ = Record<string, any>;
const get = async (id: string): Promise<Record_> =>
  (await (await fetch(`${server.baseUrl}/imports/${id}`, { headers: { authorization: `Bearer ${supervisor}` } })).json()) as Record_;
async function upload(file: string, body: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/imports?file=${encodeURIComponent(file)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${supervisor}` },
    body,
  });
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  uploads.push(id);
  return id;
}
async function finished(id: string): Promise<Record_> {
  let record: Record_ = {};
  for (let i = 0; i < 300 && (record.status === undefined || record.status === 'running'); i++) {
    await new Promise((r) => setTimeout(r, 100));
    record = await get(id);
  }
  return record;
}
/** Every file under the folders, with each raw number (as written, and as bare digits) it holds. */
function findNumbers(dirs: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const text = fs.readFileSync(full, 'latin1');
        for (const card of CARDS) for (const form of [card, card.replace(/[\s-]/g, '')]) if (text.includes(form)) found.push(`${full}: ${form}`);
      }
    }
  };
  for (const dir of dirs) walk(dir);
  return found;
}
const mode = (p: string) => fs.statSync(p).mode & 0o777;
/** The record says how the load ended a moment before the service has tidied up after it. */
async function eventually<T>(probe: () => T, done: (value: T) => boolean): Promise<T> {
  let value = probe();
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = probe();
  }
  return value;
}

beforeAll(async () => {
  driver = await testDriver();
  await wipeMarketplace(driver);
  // A failed upload is kept an hour; one rejected row stops a file (the failure below).
  server = await startTestServer({ INGEST_FAILED_UPLOAD_RETENTION_HOURS: '1', INGEST_MAX_REJECTS_PER_FILE: '1', INGEST_BATCH_SIZE: '100' });
  supervisor = await tokenFor(server, { sub: 'test.supervisor', roles: ['supervisor'], brands: [] });
});
afterAll(async () => {
  await wipeMarketplace(driver);
  await driver.close();
  await server?.close();
  for (const id of uploads) fs.rmSync(path.join(UPLOADS, id), { recursive: true, force: true });
});

describe('nothing sensitive at rest outside Neo4j', () => {
  it('deletes an upload once loaded, keeps its masked rejects owner-only, and the folders are owner-only', async () => {
    const id = await upload(
      'payments.csv',
      PAYMENTS + [payment('AP1', CARDS[0]!), payment('AP2', CARDS[2]!), payment('AP3', CARDS[1]!, 'lots')].join('\n') + '\n',
    );
    expect(await finished(id)).toMatchObject({ status: 'completed', accepted: 2, rejected: 1 });
    const dir = path.join(UPLOADS, id);
    expect(
      await eventually(
        () => fs.readdirSync(dir),
        (files) => files.length === 1,
      ),
    ).toEqual(['rejects.ndjson']);
    expect(mode(path.join(dir, 'rejects.ndjson'))).toBe(0o600);
    for (const d of [path.join(ROOT, '.data'), UPLOADS, dir, REPORTS]) expect(mode(d), d).toBe(0o700);
    expect(findNumbers([UPLOADS, REPORTS])).toEqual([]);
  });

  it('keeps a failed upload for the retention only: the sweep deletes it, the masked rejects stay', async () => {
    const id = await upload(
      'payments.csv',
      PAYMENTS + [payment('AF1', CARDS[3]!, 'x'), payment('AF2', CARDS[3]!, 'y'), payment('AF3', CARDS[0]!)].join('\n') + '\n',
    );
    expect(await finished(id)).toMatchObject({ status: 'failed' });
    const dir = path.join(UPLOADS, id);
    // Within the retention the raw file is there for a second look, owner-only.
    expect(fs.readdirSync(dir).sort()).toEqual(['payments.csv', 'rejects.ndjson']);
    expect(mode(path.join(dir, 'payments.csv'))).toBe(0o600);
    const imports = server.app.get(ImportsService);
    expect(imports.sweepUploads()).not.toContain(id);
    // Once the service is done with the load, a sweep past the retention deletes the raw file.
    expect(
      await eventually(
        () => imports.sweepUploads(Date.now() + 2 * 3_600_000),
        (swept) => swept.includes(id),
      ),
    ).toContain(id);
    expect(fs.readdirSync(dir)).toEqual(['rejects.ndjson']);
    expect(findNumbers([UPLOADS, REPORTS])).toEqual([]);
  });
});

describe('progress of a running import', () => {
  it('shows read, accepted and rejected growing as batches commit, read = accepted + rejected each time', async () => {
    const rows = Array.from({ length: 4_000 }, (_, i) => `PL${i},PS${i % 50},Bag ${i},,bags,${10 + (i % 90)},EUR,2026-01-01T00:00:00Z,active`);
    const id = await upload('listings.csv', `listing_id,shop_id,title,brand,category,price,currency,listed_at,status\n${rows.join('\n')}\n`);
    const seen: Record_[] = [];
    for (let i = 0; i < 600; i++) {
      const record = await get(id);
      seen.push(record);
      // 404 until the load has created its record.
      if (record.status !== undefined && record.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen.at(-1)).toMatchObject({ status: 'completed', read: 4_000, accepted: 4_000 });
    const running = seen.filter((r) => r.status === 'running' && r.read !== null && r.read > 0 && r.read < 4_000);
    expect(running.length, `records seen: ${seen.map((r) => `${r.status}:${r.read}`).join(' ')}`).toBeGreaterThan(0);
    for (const r of running) expect(r.read).toBe(r.accepted + r.rejected);
  });
});
