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
import { callApi, rowsOf } from '../setup/client';

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

const call = (method: string, pathname: string, who: string | null, body?: unknown) => callApi(server.baseUrl, method, pathname, who ? token[who] : null, body);

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
    expect(report.body.summary).toMatchObject({ newClusters: content.newClusters.length, shutdownsExecuted: content.shutdownsExecuted.length });
  });

  it('serves the HTML and CSV, lists reports, and refuses what it should', async () => {
    const html = await call('GET', `/reports/${reportId}/report.html`, 'analyst');
    expect(html.type).toMatch(/text\/html/);
    expect(html.body).toContain('Ringwatch nightly report');
    const csv = await call('GET', `/reports/${reportId}/clusters.csv`, 'analyst');
    expect(String(csv.body).split('\n')[0]).toBe(
      'section,case_id,cluster_id,shop_id,risk,risk_before,size,size_before,lineage,lineage_from,flagged,brands,who,at,detail',
    );
    const text = await call('GET', `/reports/${reportId}/summary.txt`, 'analyst');
    expect(text.type).toMatch(/text\/plain/);
    expect(String(text.body)).toMatch(/^Ringwatch morning report, /);
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

describe('the morning report as a to-do list', { timeout: 240_000 }, () => {
  const rows = rowsOf(() => driver, neo4j.database);
  const completed = async (trigger: 'manual' | 'schedule' = 'manual') => {
    const outcome = await server.app.get(ReportsService).nightly(trigger);
    expect(outcome.status).toBe('completed');
    const report = await call('GET', `/reports/${(outcome as { id: string }).id}`, 'analyst');
    expectWire(ReportSchema, report.body);
    return report.body as { id: string; startedAt: string; runId: string; content: any };
  };
  const ids = (items: { caseId?: string | null; shutdownId?: string; shopId?: string; brand?: string }[], key: 'caseId' | 'shutdownId' | 'shopId' | 'brand') =>
    items.map((i) => i[key]);

  it('lists exactly what needs a person, grouped, then says when nothing is new', async () => {
    // Last night's report: the next one counts from here.
    const baseline = await completed();

    // Overnight: a new ring of three shops on one device, opened together, selling goods of a brand
    // (in a category of their own, so no other network's price comparison moves) whose owner confirms
    // them counterfeit.
    const night = path.join(dir, 'todo');
    fs.mkdirSync(night, { recursive: true });
    fs.writeFileSync(
      path.join(night, 'sellers.csv'),
      'seller_id,name,country,registered_at,kyc_id,emails,phones,device_ids\nTD-U1,D,CN,2026-11-01T00:00:00Z,TD-K1,,,td-dev-1\nTD-U2,E,CN,2026-11-01T00:00:00Z,TD-K2,,,td-dev-1\nTD-U3,F,CN,2026-11-01T00:00:00Z,TD-K3,,,td-dev-1\n',
    );
    fs.writeFileSync(
      path.join(night, 'shops.csv'),
      'shop_id,seller_id,name,opened_at,status,category\nTD-S1,TD-U1,Todo One,2026-11-20T00:00:00Z,active,bags\nTD-S2,TD-U2,Todo Two,2026-11-21T00:00:00Z,active,bags\nTD-S3,TD-U3,Todo Three,2026-11-22T00:00:00Z,active,bags\n',
    );
    fs.writeFileSync(
      path.join(night, 'listings.csv'),
      `listing_id,shop_id,title,brand,category,price,currency,listed_at,status\n${[1, 2, 3]
        .map((i) => `TD-L${i},TD-S${i},Nightjar travel bag,Nightjar,report-test,120,EUR,2026-11-23T00:00:00Z,active`)
        .join('\n')}\n`,
    );
    await server.app.get(ImportsService).load(
      ['sellers.csv', 'shops.csv', 'listings.csv'].map((f) => path.join(night, f)),
      'test',
    );
    // Brand owners are bound to known brands only: Nightjar is known once its listings are loaded.
    token.owner = await tokenFor(server, { sub: 'rep.owner', roles: ['brand_owner'], brands: ['Aurelio', 'Nightjar'] });
    for (const listingId of ['TD-L1', 'TD-L2', 'TD-L3']) {
      expect((await call('POST', '/brands/Nightjar/reports', 'owner', { listingId, verdict: 'counterfeit', note: 'Test purchase' })).status).toBe(201);
    }

    // A network with an open case whose risk a brand verdict raises: the smallest flagged one with an
    // Aurelio listing in a shop nobody has reported yet.
    const [rising] = await rows<{ clusterId: string; caseId: string; listing: string }>(
      `MATCH (:DetectionRun {id: $run})-[:FOUND]->(c:Cluster {flagged: true})
       MATCH (k:Case {id: c.caseId}) WHERE k.status IN ['new', 'triage', 'investigating'] AND c.size <= 20
       MATCH (s:Shop {status: 'active'})-[:MEMBER_OF]->(c)
       WHERE NOT EXISTS { (s)-[:LISTS]->(:Listing)<-[:ABOUT]-(:BrandReport {verdict: 'counterfeit'}) }
       MATCH (s)-[:LISTS]->(l:Listing {brand: 'Aurelio'})
       RETURN c.clusterId AS clusterId, k.id AS caseId, l.id AS listing ORDER BY c.size, c.clusterId, l.id LIMIT 1`,
      { run: baseline.runId },
    );
    expect(rising).toBeDefined();
    expect((await call('POST', '/brands/Aurelio/reports', 'owner', { listingId: rising!.listing, verdict: 'counterfeit' })).status).toBe(201);

    // A network an analyst dismissed as benign, whose risk verdicts then raise by CASE_REOPEN_RISK_RISE
    // (10) or more: half its shops or more are confirmed counterfeit overnight, so the system re-opens it.
    const [dismissed] = await rows<{ clusterId: string; caseId: string; listings: string[] }>(
      `MATCH (:DetectionRun {id: $run})-[:FOUND]->(c:Cluster {flagged: true})
       MATCH (k:Case {id: c.caseId}) WHERE k.status IN ['new', 'triage'] AND c.clusterId <> $rising
       MATCH (s:Shop {status: 'active'})-[:MEMBER_OF]->(c)
       WHERE NOT EXISTS { (s)-[:LISTS]->(:Listing)<-[:ABOUT]-(:BrandReport {verdict: 'counterfeit'}) }
       MATCH (s)-[:LISTS]->(l:Listing {brand: 'Aurelio'})
       WITH c, k, s, min(l.id) AS listing
       WITH c, k, collect(listing) AS listings
       WHERE size(listings) * 20.0 / c.size >= 10.5
       RETURN c.clusterId AS clusterId, k.id AS caseId, listings ORDER BY c.size, c.clusterId LIMIT 1`,
      { run: baseline.runId, rising: rising!.clusterId },
    );
    expect(dismissed).toBeDefined();
    expect((await call('POST', `/cases/${dismissed!.caseId}/status`, 'analyst', { to: 'dismissed', reason: 'A family business, checked' })).status).toBe(200);
    for (const listingId of dismissed!.listings) {
      expect((await call('POST', '/brands/Aurelio/reports', 'owner', { listingId, verdict: 'counterfeit' })).status).toBe(201);
    }

    // An analyst proposes a shutdown of another network; nobody decides yet.
    const [target] = await rows<{ clusterId: string; caseId: string }>(
      `MATCH (:DetectionRun {id: $run})-[:FOUND]->(c:Cluster {flagged: true, status: 'open'})
       MATCH (k:Case {id: c.caseId}) WHERE k.status IN ['new', 'triage', 'investigating'] AND NOT c.clusterId IN [$rising, $dismissed]
       RETURN c.clusterId AS clusterId, k.id AS caseId ORDER BY c.size DESC, c.clusterId LIMIT 1`,
      { run: baseline.runId, rising: rising!.clusterId, dismissed: dismissed!.clusterId },
    );
    const proposal = await call('POST', '/shutdowns', 'analyst', { clusterId: target!.clusterId, reason: 'Waiting for the morning report' });
    expect(proposal.status).toBe(201);

    // A supervisor upholds an appeal of a shop the first test's shutdown suspended.
    const [suspended] = await rows<{ id: string }>(
      "MATCH (s:Shop {status: 'suspended'}) WHERE s.suspendedBy IS NOT NULL RETURN s.id AS id ORDER BY s.id LIMIT 1",
    );
    expect((await call('POST', `/shops/${suspended!.id}/reinstate`, 'supervisor', { reason: 'Appeal upheld: a reseller with receipts' })).status).toBe(200);

    const report = await completed();
    const { todo } = report.content;
    const [ring] = await rows<{ clusterId: string; caseId: string }>(
      "MATCH (:Shop {id: 'TD-S1'})-[:MEMBER_OF]->(c:Cluster {runId: $run}) RETURN c.clusterId AS clusterId, c.caseId AS caseId",
      { run: report.runId },
    );
    expect(ring?.caseId).toBeTruthy();
    expect(todo.newCases).toEqual([expect.objectContaining({ caseId: ring!.caseId, clusterId: ring!.clusterId, size: 3, brands: ['Nightjar'] })]);
    expect(ids(todo.riskRises, 'caseId').sort()).toEqual([rising!.caseId, dismissed!.caseId].sort());
    const rise = todo.riskRises.find((r: { caseId: string }) => r.caseId === rising!.caseId);
    expect(rise.risk).toBeGreaterThan(rise.riskBefore);
    expect(rise.factors[0]).toMatchObject({ name: 'reports', label: 'brand reports' });
    expect(rise.factors[0].points).toBeGreaterThan(rise.factors[0].pointsBefore);
    expect(rise.because).toEqual(['1 brand verdict from Aurelio: counterfeit confirmed']);
    const reopened = todo.riskRises.find((r: { caseId: string }) => r.caseId === dismissed!.caseId);
    expect(reopened).toMatchObject({ status: 'triage', statusLabel: 'Triage' });
    expect(reopened.because).toEqual([`${dismissed!.listings.length} brand verdicts from Aurelio: counterfeit confirmed`]);
    expect(todo.reopened).toEqual([expect.objectContaining({ caseId: dismissed!.caseId, clusterId: dismissed!.clusterId, status: 'triage' })]);
    expect(todo.reopened[0].reason).toMatch(/^its risk rose from [\d.]+ to [\d.]+$/);
    expect(todo.proposals).toEqual([
      expect.objectContaining({ shutdownId: proposal.body.id, clusterId: target!.clusterId, caseId: target!.caseId, proposedBy: 'rep.analyst' }),
    ]);
    expect(todo.proposals[0].waitingHours).toBeLessThan(1);
    expect(todo.alerts).toEqual([]);
    // The most verdicts first, ties by brand: compared in brand order.
    expect([...todo.brandVerdicts].sort((a: { brand: string }, b: { brand: string }) => a.brand.localeCompare(b.brand))).toEqual([
      {
        brand: 'Aurelio',
        total: 1 + dismissed!.listings.length,
        verdicts: [{ verdict: 'counterfeit', label: 'counterfeit confirmed', count: 1 + dismissed!.listings.length }],
        clusters: [rising!.clusterId, dismissed!.clusterId].sort(),
      },
      { brand: 'Nightjar', total: 3, verdicts: [{ verdict: 'counterfeit', label: 'counterfeit confirmed', count: 3 }], clusters: [ring!.clusterId] },
    ]);
    expect(todo.reinstatements).toEqual([
      expect.objectContaining({ shopId: suspended!.id, by: 'rep.supervisor', reason: 'Appeal upheld: a reseller with receipts' }),
    ]);
    expect(report.content.countLabels.proposals).toBe('Shutdown proposals waiting for a decision');

    // The files say the same, the empty groups left out.
    const html = String((await call('GET', `/reports/${report.id}/report.html`, 'supervisor')).body);
    const titles = [...html.matchAll(/<h3>([^<(]+) \(/g)].map((m) => m[1]);
    expect(titles.slice(0, 6)).toEqual([
      'New flagged networks, unassigned',
      'Cases whose risk rose',
      'Re-opened cases',
      'Shutdown proposals waiting for a decision',
      'Brand verdicts',
      'Reinstatements',
    ]);
    expect(html).not.toContain('Recidivism and regrowth alerts');
    const csv = String((await call('GET', `/reports/${report.id}/clusters.csv`, 'analyst')).body);
    expect(csv).toContain(`"New flagged networks, unassigned",${ring!.caseId},${ring!.clusterId},`);
    expect(csv).toContain(`Shutdown proposals waiting for a decision,${target!.caseId},${target!.clusterId},`);
    const summary = String((await call('GET', `/reports/${report.id}/summary.txt`, 'analyst')).body);
    expect(summary.trim().split('\n').length).toBeLessThanOrEqual(15);
    expect(summary).toContain(`- New flagged networks, unassigned (1): ${ring!.caseId} ${ring!.clusterId}`);
    expect(summary).toContain(`- Cases whose risk rose (2): `);
    expect(summary).toContain(`- Re-opened cases (1): ${dismissed!.caseId} ${dismissed!.clusterId}: its risk rose from`);
    expect(summary).toContain(`- Reinstatements (1): ${suspended!.id} by rep.supervisor`);

    // The supervisor decides; the next report has nothing new and says so in one line.
    expect((await call('POST', `/shutdowns/${proposal.body.id}/reject`, 'supervisor', { note: 'Not yet' })).status).toBe(200);
    const quiet = await completed();
    expect(quiet.content.since).toBe(report.startedAt);
    for (const group of Object.values(quiet.content.todo)) expect(group).toEqual([]);
    const since = `${report.startedAt.slice(0, 16).replace('T', ' ')} UTC`;
    const quietHtml = String((await call('GET', `/reports/${quiet.id}/report.html`, 'analyst')).body);
    expect(quietHtml).toContain(`Nothing new since ${since}.`);
    expect(quietHtml).not.toContain('<h3>New flagged networks, unassigned');
    expect(String((await call('GET', `/reports/${quiet.id}/summary.txt`, 'analyst')).body).split('\n')[1]).toBe(`To do: Nothing new since ${since}.`);
  });
});
