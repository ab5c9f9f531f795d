import fs from 'node:fs';
import path from 'node:path';
import { ReportPageSchema, ReportSchema } from '@ringwatch/wire';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ImportsService } from '../../apps/api/src/imports/imports.service';
import { ReportsService } from '../../apps/api/src/reports/reports.service';
import { ShutdownsService } from '../../apps/api/src/shutdowns/shutdowns.service';
import { startTestServer, type TestServer, tokenFor } from '../setup/app';
import { startSeededServer, type SeededServer } from '../setup/marketplace';
import { expectWire } from '../setup/wire';

const neo4j = inject('neo4j');
let suite: SeededServer;
let server: TestServer;
let driver: Driver;
let dir: string;
const token: Record<string, string> = {};

const reports = async () =>
  (
    await driver.executeQuery(
      'MATCH (r:Report) RETURN r.id AS id, r.status AS status, r.trigger AS trigger, r.attempt AS attempt, r.error AS error ORDER BY r.startedAt',
      {},
      { database: neo4j.database },
    )
  ).records.map((r) => r.toObject() as { id: string; status: string; trigger: string; attempt: number; error: string | null });

async function call(method: string, pathname: string, who: string | null, body?: unknown) {
  const response = await fetch(`${server.baseUrl}${pathname}`, {
    method,
    headers: { ...(who ? { authorization: `Bearer ${token[who]}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (HTML, CSV)
  }
  return { status: response.status, type: response.headers.get('content-type'), body: parsed };
}

beforeAll(async () => {
  suite = await startSeededServer(9);
  ({ server, driver, dir } = suite);
  token.analyst = await tokenFor(server, { sub: 'rep.analyst', roles: ['analyst'], brands: [] });
  token.supervisor = await tokenFor(server, { sub: 'rep.supervisor', roles: ['supervisor'], brands: [] });
  token.brand = await tokenFor(server, { sub: 'rep.brand', roles: ['brand_owner'], brands: ['Aurelio'] });
}, 180_000);
afterAll(async () => {
  await suite?.close();
});

describe('nightly report', () => {
  let reportId: string;

  it('the cron handler, called directly, reports new clusters and executed shutdowns since the last run', async () => {
    // Overnight: a new ring of three shops appears and an analyst's shutdown is executed.
    fs.writeFileSync(
      path.join(dir, 'sellers.csv'),
      'seller_id,name,country,registered_at,kyc_id,emails,phones,device_ids\nNR-U1,A,CN,2026-11-01T00:00:00Z,NR-K1,,,nr-dev-1\nNR-U2,B,CN,2026-11-01T00:00:00Z,NR-K2,,,nr-dev-1\nNR-U3,C,CN,2026-11-01T00:00:00Z,NR-K3,,,nr-dev-1\n',
    );
    fs.writeFileSync(
      path.join(dir, 'shops.csv'),
      'shop_id,seller_id,name,opened_at,status,category\nNR-S1,NR-U1,Night One,2026-11-20T00:00:00Z,active,bags\nNR-S2,NR-U2,Night Two,2026-11-20T00:00:00Z,active,bags\nNR-S3,NR-U3,Night Three,2026-11-21T00:00:00Z,active,bags\n',
    );
    await server.app.get(ImportsService).load([path.join(dir, 'sellers.csv'), path.join(dir, 'shops.csv')], 'test');
    const top = (await call('GET', '/clusters?flagged=true&limit=1', 'analyst')).body.items[0];
    const proposal = await call('POST', '/shutdowns', 'analyst', { clusterId: top.id, reason: 'Executed before the nightly report' });
    await call('POST', `/shutdowns/${proposal.body.id}/approve`, 'supervisor');
    await server.app.get(ShutdownsService).settled(proposal.body.id);

    const outcome = await server.app.get(ReportsService).nightly('schedule');
    expect(outcome.status).toBe('completed');
    reportId = (outcome as { id: string }).id;
    const report = await call('GET', `/reports/${reportId}`, 'analyst');
    expect(report.status).toBe(200);
    expectWire(ReportSchema, report.body);
    expect(report.body).toMatchObject({ status: 'completed', trigger: 'schedule', attempt: 1 });
    const content = report.body.content;
    const newRing = content.newClusters.find((c: { size: number }) => c.size === 3);
    expect(newRing).toBeDefined();
    const [members] = (
      await driver.executeQuery(
        'MATCH (s:Shop)-[:MEMBER_OF]->(:Cluster {clusterId: $id, runId: $run}) RETURN collect(s.id) AS ids',
        { id: newRing.id, run: content.runId },
        { database: neo4j.database },
      )
    ).records;
    expect([...(members!.get('ids') as string[])].sort()).toEqual(['NR-S1', 'NR-S2', 'NR-S3']);
    expect(content.shutdownsExecuted.map((s: { id: string }) => s.id)).toContain(proposal.body.id);
    expect(content.topByRisk.length).toBeGreaterThan(0);
    expect(report.body.summary).toMatchObject({ new: content.newClusters.length, shutdownsExecuted: content.shutdownsExecuted.length });
  });

  it('serves the HTML and CSV, lists reports, and refuses what it should', async () => {
    const html = await call('GET', `/reports/${reportId}/report.html`, 'analyst');
    expect(html.type).toMatch(/text\/html/);
    expect(html.body).toContain('Ringwatch nightly report');
    const csv = await call('GET', `/reports/${reportId}/clusters.csv`, 'analyst');
    expect(String(csv.body).split('\n')[0]).toBe('section,cluster_id,risk,size,size_before,lineage,lineage_from,flagged,brands');
    const list = await call('GET', '/reports', 'analyst');
    expectWire(ReportPageSchema, list.body);
    expect(list.body.items[0]).toMatchObject({ id: reportId, status: 'completed' });
    expect((await call('GET', `/reports/${reportId}/secrets.txt`, 'analyst')).status).toBe(400);
    expect((await call('GET', '/reports/00000000-0000-4000-8000-000000000000', 'analyst')).status).toBe(404);
    expect((await call('GET', '/reports', 'brand')).status).toBe(403);
    expect((await call('POST', '/reports', 'analyst')).status).toBe(403);
  });

  it('two concurrent triggers make one run, in one process and across two', async () => {
    const service = server.app.get(ReportsService);
    const other = await startTestServer();
    try {
      const outcomes = await Promise.all([service.nightly('manual'), service.nightly('manual'), other.app.get(ReportsService).nightly('manual')]);
      expect(outcomes.filter((o) => o.status === 'completed')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'skipped')).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it('a failed run is recorded with its error and retried once', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'reports cannot be written under a file');
    const failing = await startTestServer({ REPORTS_DIR: blocker, REPORT_RETRY_DELAY_SECONDS: '0' });
    try {
      const before = (await reports()).length;
      const outcome = await failing.app.get(ReportsService).nightly('schedule');
      expect(outcome.status).toBe('failed');
      for (let i = 0; i < 200 && (await reports()).length < before + 2; i++) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 300));
      while (failing.app.get(ReportsService).isRunning()) await new Promise((r) => setTimeout(r, 100));
      const after = (await reports()).slice(before);
      expect(after.map((r) => [r.status, Number(r.attempt)])).toEqual([
        ['failed', 1],
        ['failed', 2],
      ]);
      expect(after[0]!.error).toMatch(/ENOTDIR|EEXIST|not a directory/i);
    } finally {
      await failing.close();
    }
  });

  it('runs on a short schedule end to end, without piling up', async () => {
    const before = (await reports()).length;
    const scheduled = await startTestServer({ REPORT_SCHEDULE: 'on', REPORT_CRON: '*/1 * * * * *' });
    try {
      for (let i = 0; i < 300; i++) {
        const mine = (await reports()).slice(before);
        if (mine.some((r) => r.trigger === 'schedule' && r.status === 'completed')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await scheduled.close();
    }
    const mine = (await reports()).slice(before);
    expect(mine.some((r) => r.trigger === 'schedule' && r.status === 'completed')).toBe(true);
    // Ticks every second while a run takes longer: they are skipped, never run side by side.
    const overlapping = (
      await driver.executeQuery(
        'MATCH (a:Report), (b:Report) WHERE a.id < b.id AND a.startedAt < b.finishedAt AND b.startedAt < a.finishedAt RETURN count(*) AS n',
        {},
        { database: neo4j.database },
      )
    ).records[0]!.get('n');
    expect(Number(overlapping)).toBe(0);
  });
});
