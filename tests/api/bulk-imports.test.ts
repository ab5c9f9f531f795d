import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KINDS } from '@ringwatch/contract';
import { loadFiles, type LoadReport } from '@ringwatch/ingest';
import { CypherRegistry, freePort } from '@ringwatch/neo4j';
import { fingerprinter } from '@ringwatch/normalise';
import { generateMarketplace } from '@ringwatch/synth';
import type { Import } from '@ringwatch/wire';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportsRepository } from '../../apps/api/src/imports/imports.repository';
import { ROOT, startTestServer, tokenFor, type TestServer } from '../setup/app';
import { graphChecksum, graphFingerprint, testDriver, wipeMarketplace, wipeWork } from '../setup/graph';

/**
 * The bulk first load over HTTP: an administrator stages the small preset's files, starts the load, and
 * follows it with GET /imports/:id. Against the API's own local server (supervised, as `npm start` runs
 * it) the server goes offline for Neo4j's importer and comes back with the graph the transactional loader
 * gives from the same files, the accounts and audit trail kept; against a server of one's own the
 * importer's files are written and the operator is given the command. Either way the raw files go.
 */

const KEY = 'test-pii-key-0123456789';
const STAGING = path.join(ROOT, '.data', 'uploads', 'bulk');
let dir: string;
let files: string[];
let driver: Driver;
let transactional: { report: LoadReport; fingerprint: Record<string, number>; checksum: Awaited<ReturnType<typeof graphChecksum>> };

type Answer<T = Record<string, unknown>> = { status: number; body: T };

async function call<T = Record<string, unknown>>(server: TestServer, token: string, method: string, url: string, body?: string): Promise<Answer<T>> {
  const response = await fetch(`${server.baseUrl}${url}`, { method, headers: { authorization: `Bearer ${token}` }, body });
  return { status: response.status, body: (await response.json()) as T };
}

/** Stages every file of the preset; answers the last staging answer. */
async function stageAll(server: TestServer, token: string): Promise<Answer<{ files: { file: string; kind: string; bytes: number }[] }>> {
  let last: Answer<{ files: { file: string; kind: string; bytes: number }[] }> | undefined;
  for (const file of files) last = await call(server, token, 'POST', `/imports?file=${path.basename(file)}&bulk=true`, fs.readFileSync(file, 'utf8'));
  return last!;
}

/** Polls the import until it has ended; every answer's status is kept (503 while the database is offline). */
async function waitForImport(server: TestServer, token: string, id: string, statuses: number[]): Promise<Import> {
  const until = Date.now() + 600_000;
  while (Date.now() < until) {
    const answer = await call<Import>(server, token, 'GET', `/imports/${id}`).catch(() => ({ status: 0, body: null }) as const);
    statuses.push(answer.status);
    if (answer.status === 200 && answer.body && answer.body.status !== 'running') return answer.body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`import ${id} did not end within 10 minutes`);
}

/** Waits until no bulk load runs (its record is written a moment before the load's last steps end). */
async function waitForIdle(server: TestServer, token: string): Promise<void> {
  const until = Date.now() + 120_000;
  while ((await call<{ running: string | null }>(server, token, 'GET', '/imports/bulk')).body.running !== null) {
    if (Date.now() > until) throw new Error('the bulk load did not end');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-bulk-api-'));
  const manifest = await generateMarketplace({ preset: 'small', seed: 7, outDir: path.join(dir, 'data') });
  files = KINDS.map((k) => path.join(dir, 'data', manifest.files[k]));
  fs.rmSync(STAGING, { recursive: true, force: true });
  // The reference: the same files through the transactional loader, into the run's database.
  driver = await testDriver();
  await wipeMarketplace(driver);
  const repo = new ImportsRepository(driver, 'neo4j', CypherRegistry.load(path.join(ROOT, 'cypher')));
  const report = await loadFiles({ files, writer: repo, ledger: repo, fingerprinter: fingerprinter(KEY), batchSize: 500, concurrency: 1 });
  transactional = { report, fingerprint: await graphFingerprint(driver), checksum: await graphChecksum(driver) };
  await wipeMarketplace(driver);
}, 600_000);

afterAll(async () => {
  await driver?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(STAGING, { recursive: true, force: true });
});

describe('a bulk first load over HTTP, into the API own local server', () => {
  let server: TestServer;
  let admin: string;
  let supervisor: string;
  let staged: Answer<{ files: { file: string; kind: string; bytes: number }[] }>;
  let started: Answer<{ id: string; status: string }>;
  let record: Import;
  const statuses: number[] = [];

  beforeAll(async () => {
    const neo4j = {
      mode: 'local',
      port: await freePort(),
      dataDir: path.join(dir, 'neo4j'),
      heap: '1g',
      pageCache: '256m',
      startTimeoutMs: 600_000,
      user: 'neo4j',
      password: undefined,
      database: 'neo4j',
    } as const;
    server = await startTestServer({}, { neo4j });
    admin = await tokenFor(server, { sub: 'test.bulk-admin', roles: ['admin'], brands: [] });
    supervisor = await tokenFor(server, { sub: 'test.bulk-supervisor', roles: ['supervisor'], brands: [] });
    staged = await stageAll(server, admin);
    started = await call(server, admin, 'POST', '/imports/bulk');
    record = await waitForImport(server, admin, started.body.id, statuses);
    await waitForIdle(server, admin);
  }, 1_200_000);

  afterAll(async () => {
    await server?.close();
  });

  it('stages the files over HTTP, for admins only', async () => {
    expect(staged.status).toBe(201);
    expect(staged.body.files.map((f) => f.kind).sort()).toEqual([...KINDS].sort());
    for (const f of staged.body.files) expect(f.bytes).toBe(fs.statSync(path.join(dir, 'data', f.file)).size);
    const refused = await call(server, supervisor, 'POST', '/imports?file=shops.csv&bulk=true', 'shop_id\n');
    expect(refused.status).toBe(403);
    expect((await call(server, supervisor, 'POST', '/imports/bulk')).status).toBe(403);
  });

  it('answers 202, is followed with GET /imports/:id, and the database was offline meanwhile (503)', () => {
    expect(started).toMatchObject({ status: 202, body: { status: 'running' } });
    expect(statuses).toContain(503);
    // Never a 401 (the account not yet written back) nor a 500: the database is held at 503 until it is.
    expect([...new Set(statuses)].sort()).toEqual([200, 503]);
    expect(record).toMatchObject({ id: started.body.id, status: 'completed', source: 'test.bulk-admin', read: transactional.report.counts.read });
    expect(record.accepted).toBe(transactional.report.counts.accepted);
    expect(record.bulk).toMatchObject({ outcome: 'imported', folder: null });
    expect(record.bulk!.command).toMatch(/^neo4j-admin database import full neo4j --overwrite-destination=true /);
  });

  it('gives the graph the transactional loader gives from the same files', async () => {
    const d = server.database.driver;
    expect(await graphFingerprint(d)).toEqual(transactional.fingerprint);
    expect(await graphChecksum(d)).toEqual(transactional.checksum);
  });

  it('keeps the accounts and the audit trail, and audits the load', async () => {
    // The admin's token still works: the account, token version and all, came through the importer.
    expect((await call(server, admin, 'GET', '/imports/bulk')).status).toBe(200);
    const { records } = await server.database.driver.executeQuery(
      "MATCH (e:AuditEvent) WHERE e.action IN ['user.create', 'data.bulk', 'data.load'] RETURN e.action AS action, e.target AS target, e.after AS after",
      {},
      { database: 'neo4j' },
    );
    const actions = records.map((r) => r.get('action') as string);
    expect(actions.filter((a) => a === 'user.create')).toHaveLength(2);
    const bulk = records.find((r) => r.get('action') === 'data.bulk')!;
    expect(bulk.get('target')).toBe(`import:${started.body.id}`);
    const after = JSON.parse(bulk.get('after') as string) as { outcome: string; files: string[]; counts: { read: number } };
    expect(after).toMatchObject({ outcome: 'imported', counts: { read: transactional.report.counts.read } });
    expect(after.files.sort()).toEqual(files.map((f) => path.basename(f)).sort());
  });

  it('deletes the staged raw files, and refuses a second bulk load on the now non-empty database with 409', async () => {
    expect(fs.existsSync(STAGING)).toBe(false);
    expect((await call(server, admin, 'GET', '/imports/bulk')).body).toEqual({ files: [], running: null });
    const again = await call<{ error: { message: string } }>(server, admin, 'POST', '/imports/bulk');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/^ingest: a bulk load is only for an empty database, and this one holds .*Listing.*POST \/imports/);
  });
});

describe('a bulk first load over HTTP, with a server of ones own', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    await wipeMarketplace(driver);
    await wipeWork(driver);
    server = await startTestServer();
    admin = await tokenFor(server, { sub: 'test.bulk-admin', roles: ['admin'], brands: [] });
  }, 600_000);

  afterAll(async () => {
    await server?.close();
  });

  it('lists and discards staged files', async () => {
    await stageAll(server, admin);
    expect((await call<{ files: unknown[] }>(server, admin, 'GET', '/imports/bulk')).body.files).toHaveLength(KINDS.length);
    expect(await call(server, admin, 'DELETE', '/imports/bulk')).toMatchObject({ status: 200, body: { files: [], running: null } });
    expect(fs.existsSync(STAGING)).toBe(false);
  });

  it('writes the importer files, gives the operator the command, and deletes the raw files', async () => {
    await stageAll(server, admin);
    const started = await call<{ id: string }>(server, admin, 'POST', '/imports/bulk');
    expect(started.status).toBe(202);
    const record = await waitForImport(server, admin, started.body.id, []);
    await waitForIdle(server, admin);
    try {
      expect(record).toMatchObject({ status: 'completed', read: transactional.report.counts.read, bulk: { outcome: 'written' } });
      const folder = record.bulk!.folder!;
      expect(record.bulk!.command).toMatch(/^neo4j-admin database import full neo4j --overwrite-destination=false /);
      expect(record.bulk!.command).toContain(`--nodes=Listing=${path.join(folder, 'nodes-Listing.csv')}`);
      const listings = fs.readFileSync(path.join(folder, 'nodes-Listing.csv'), 'utf8').trimEnd().split('\n');
      expect(listings.length - 1).toBe(transactional.fingerprint['node:Listing']);
      expect(fs.existsSync(STAGING)).toBe(false);
      // The database was not touched: the rows wait for the operator.
      expect(await graphFingerprint(driver)).toEqual({});
    } finally {
      if (record.bulk?.folder) fs.rmSync(record.bulk.folder, { recursive: true, force: true });
    }
  }, 600_000);
});
