import fs from 'node:fs';
import path from 'node:path';
import { CaseDetailSchema, CasePageSchema } from '@ringwatch/wire';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DetectionSummary } from '@ringwatch/detection';
import { DetectionService } from '../../apps/api/src/detection/detection.service';
import { ImportsService } from '../../apps/api/src/imports/imports.service';
import { ShutdownsService } from '../../apps/api/src/shutdowns/shutdowns.service';
import { type TestServer, tokenFor } from '../setup/app';
import { startSeededServer, type SeededServer } from '../setup/marketplace';
import { expectWire } from '../setup/wire';
import { callApi, rowsOf } from '../setup/client';

/**
 * Cases outlive detection runs: people act on three networks (one shut down, one dismissed, one
 * proposed), more data arrives (the shut-down ring regrows, a new shop reuses its payout account, the
 * dismissed network grows, two networks are bridged), detection runs twice more, and every case keeps
 * what people did while following its network.
 */
const neo4j = inject('neo4j');
let suite: SeededServer;
let server: TestServer;
let driver: Driver;
let dir: string;
let run: DetectionSummary;
const token: Record<string, string> = {};

const query = rowsOf(() => driver, neo4j.database);

const call = (method: string, pathname: string, who: string, body?: unknown) => callApi(server.baseUrl, method, pathname, token[who], body);

const caseOf = async (id: string) => {
  const answer = await call('GET', `/cases/${id}`, 'analyst');
  expect(answer.status).toBe(200);
  expectWire(CaseDetailSchema, answer.body);
  return answer.body;
};

/** Two device keys used by the sellers of these shops (a device is strong evidence: sharing it links). */
async function devicesOf(shops: string[]): Promise<string[]> {
  const rows = await query<{ key: string }>(
    'MATCH (s:Shop)<-[:OWNS]-(:Seller)-[:USES_DEVICE]->(d:Device) WHERE s.id IN $shops RETURN DISTINCT d.key AS key ORDER BY key LIMIT 2',
    { shops },
  );
  expect(rows.length).toBeGreaterThan(0);
  return rows.map((r) => r.key);
}

function writeCsv(name: string, header: string, rows: string[]): string {
  const file = path.join(dir, 'more', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
  return file;
}

const SELLERS = 'seller_id,name,country,registered_at,kyc_id,emails,phones,device_ids';
const SHOPS = 'shop_id,seller_id,name,opened_at,status,category';

async function detectAgain(): Promise<DetectionSummary> {
  return server.app.get(DetectionService).run({}, 'test');
}

let shutDown: Record<string, any>;
let dismissed: Record<string, any>;
let proposed: Record<string, any>;
let shutdownId: string;
/** The network the merge test joined: its case, and the shops of its two former parts. */
let joined: { survivor: string; small: string[]; large: string[] } | undefined;

beforeAll(async () => {
  suite = await startSeededServer(17);
  ({ server, driver, dir, run } = suite);
  token.analyst = await tokenFor(server, { sub: 'case.analyst', roles: ['analyst'], brands: [] });
  token.supervisor = await tokenFor(server, { sub: 'case.supervisor', roles: ['supervisor'], brands: [] });
  token.liaison = await tokenFor(server, { sub: 'case.liaison', roles: ['liaison'], brands: [] });
  token.brand = await tokenFor(server, { sub: 'case.brand', roles: ['brand_owner'], brands: ['Aurelio'] });
}, 180_000);
afterAll(async () => {
  await suite?.close();
});

// Each step loads data and runs detection over a whole marketplace: minutes on a busy two-core machine.
describe('cases through detection runs', { timeout: 240_000 }, () => {
  it('every flagged network of the first run has a new case, most urgent first', async () => {
    const flagged = run.clusters.filter((c) => c.flagged);
    const page = await call('GET', '/cases?status=new&limit=200', 'analyst');
    expectWire(CasePageSchema, page.body);
    expect(page.body.total).toBe(flagged.length);
    expect(new Set(page.body.items.map((c: { clusterId: string }) => c.clusterId))).toEqual(new Set(flagged.map((c) => c.id)));
    expect((await call('GET', '/cases', 'brand')).status).toBe(403);
    expect((await call('GET', '/cases', 'liaison')).status).toBe(200);
    expect((await call('POST', `/cases/${page.body.items[0].id}/status`, 'liaison', { to: 'triage' })).status).toBe(403);
  });

  it('people assign, annotate and move cases along the status machine, and the four-eyes flow moves them too', async () => {
    const big = run.clusters.filter((c) => c.flagged && c.members.length >= 3).sort((a, b) => b.members.length - a.members.length || a.id.localeCompare(b.id));
    const byCluster = async (clusterId: string) =>
      (await query<{ id: string }>('MATCH (k:Case {clusterId: $clusterId}) RETURN k.id AS id', { clusterId }))[0]!.id;
    const [a, b, c] = [await byCluster(big[0]!.id), await byCluster(big[1]!.id), await byCluster(big[2]!.id)];
    // Case ids start again in every test file (the suite wipes its work), the audit trail does not: count this test's entries.
    const since = new Date(Date.now() - 1000).toISOString();

    // A: assigned, annotated, investigated, proposed, approved, executed: shut down.
    expect((await call('POST', `/cases/${a}/assignee`, 'analyst', { assignee: 'case.analyst', expected: null })).status).toBe(200);
    expect((await call('POST', `/cases/${a}/assignee`, 'supervisor', { assignee: 'case.supervisor', expected: null })).status).toBe(409);
    expect((await call('POST', `/cases/${a}/assignee`, 'analyst', { assignee: 'case.brand' })).status).toBe(400);
    const member = big[0]!.members[0]!;
    const note = await call('POST', `/cases/${a}/notes`, 'analyst', { text: `Same devices across the ring; ${member} opened first.` });
    expect(note.status).toBe(201);
    expect(note.body.mentions).toEqual([member]);
    expect((await call('POST', `/cases/${a}/status`, 'analyst', { to: 'shut_down' })).status).toBe(409);
    expect((await call('POST', `/cases/${a}/status`, 'analyst', { to: 'investigating' })).status).toBe(200);
    const proposal = await call('POST', '/shutdowns', 'analyst', { clusterId: big[0]!.id, reason: 'Shared devices and payout accounts', exclude: [] });
    expect(proposal.status).toBe(201);
    shutdownId = proposal.body.id;
    expect((await caseOf(a)).status).toBe('shutdown_proposed');
    expect((await call('POST', `/shutdowns/${shutdownId}/approve`, 'supervisor', {})).status).toBe(200);
    await server.app.get(ShutdownsService).settled(shutdownId);
    shutDown = await caseOf(a);
    expect(shutDown).toMatchObject({ status: 'shut_down', assignee: 'case.analyst' });
    expect(shutDown.shutdowns).toEqual([expect.objectContaining({ id: shutdownId, status: 'executed' })]);
    expect(shutDown.notes).toHaveLength(1);
    expect(shutDown.moves).toEqual(['monitoring', 'referred']);
    // The dossier handed to the police is attached to the case, with the digest of what left.
    const dossier = await call('GET', `/clusters/${big[0]!.id}/dossier?format=json`, 'liaison');
    expect(dossier.status).toBe(200);
    const attached = (await caseOf(a)).dossiers;
    expect(attached).toEqual([expect.objectContaining({ actor: 'case.liaison', format: 'json', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);

    // B: dismissed, which needs a reason.
    expect((await call('POST', `/cases/${b}/status`, 'analyst', { to: 'dismissed' })).status).toBe(400);
    expect((await call('POST', `/cases/${b}/status`, 'analyst', { to: 'dismissed', reason: 'A family business with three shops' })).status).toBe(200);
    dismissed = await caseOf(b);
    // The inbox answers from rows it re-reads after every change: each change shows at once, the four-eyes flow's too.
    const inbox = async (q: string) => (await call('GET', `/cases?${q}&limit=200`, 'supervisor')).body.items.map((k: { id: string }) => k.id);
    expect(await inbox('status=dismissed')).toContain(b);
    expect(await inbox('status=shut_down')).toContain(a);
    expect(await inbox('assignee=case.analyst')).toEqual([a]);
    expect(await inbox('assignee=none')).not.toContain(a);

    // C: a proposal left waiting for a decision.
    expect(
      (await call('POST', '/shutdowns', 'analyst', { clusterId: big[2]!.id, reason: 'Burst of openings, shared payout account', exclude: [] })).status,
    ).toBe(201);
    proposed = await caseOf(c);
    expect(proposed.status).toBe('shutdown_proposed');

    const audited = await query<{ action: string; n: number }>(
      "MATCH (e:AuditEvent) WHERE e.target IN $targets AND e.action STARTS WITH 'case.' AND e.at >= datetime($since) RETURN e.action AS action, count(e) AS n ORDER BY action",
      { targets: [a, b, c].map((id) => `case:${id}`), since },
    );
    expect(Object.fromEntries(audited.map((r) => [r.action, Number(r.n)]))).toMatchObject({ 'case.assignee': 1, 'case.note': 1, 'case.status': 5 });
  });

  it('a detection run resets nothing: shut down, dismissed and proposed stay, and the cluster list says so', async () => {
    const again = await detectAgain();
    expect((await caseOf(shutDown.id)).status).toBe('shut_down');
    expect((await caseOf(dismissed.id)).status).toBe('dismissed');
    expect((await caseOf(proposed.id)).status).toBe('shutdown_proposed');
    expect((await call('GET', `/clusters/${shutDown.clusterId}`, 'analyst')).body).toMatchObject({ caseId: shutDown.id, caseStatus: 'shut_down' });
    const shut = await call('GET', '/clusters?status=shut_down&limit=200', 'analyst');
    expect(shut.body.items.map((c: { id: string }) => c.id)).toContain(shutDown.clusterId);
    const waiting = await call('GET', '/clusters?status=proposed&limit=200', 'analyst');
    expect(waiting.body.items.map((c: { id: string }) => c.id)).toContain(proposed.clusterId);
    // No second case for a network that has one.
    const [dupes] = await query<{ n: number }>(
      'MATCH (k:Case) WHERE k.status <> "merged" WITH k.clusterId AS id, count(*) AS n WHERE n > 1 RETURN count(*) AS n',
    );
    expect(Number(dupes!.n)).toBe(0);
    expect(again.clusters.filter((c) => c.flagged).length).toBeGreaterThan(0);
  });

  it('new data: the shut-down ring regrows and a shop reuses its payout account (alerts on the case), the dismissed network grows (re-opened)', async () => {
    const ringDevices = await devicesOf(shutDown.members);
    const familyDevices = await devicesOf(dismissed.members);
    const payment = fs
      .readFileSync(path.join(dir, 'payments.csv'), 'utf8')
      .split('\n')
      .find((line) => !line.includes('"') && shutDown.members.includes(line.split(',')[1]));
    expect(payment).toBeDefined();
    const [, , account, kind, provider, , currency] = payment!.split(',');
    const files = [
      writeCsv('sellers.csv', SELLERS, [
        `RG-U1,Regrowth Seller,CN,2026-11-20T00:00:00Z,RG-KYC-1,,,${ringDevices.join('|')}`,
        `RG-U2,Reuse Seller,CN,2026-11-21T00:00:00Z,RG-KYC-2,,,`,
        `RB-U1,Family Newcomer,DE,2026-11-22T00:00:00Z,RB-KYC-1,,,${familyDevices.join('|')}`,
      ]),
      writeCsv('shops.csv', SHOPS, [
        'RG-S1,RG-U1,Regrowth Outlet One,2026-11-20T00:00:00Z,active,bags',
        'RG-S2,RG-U1,Regrowth Outlet Two,2026-11-20T00:00:00Z,active,bags',
        'RG-S3,RG-U2,Reuse Outlet,2026-11-21T00:00:00Z,active,bags',
        'RB-S1,RB-U1,Family Newcomer Shop,2026-11-22T00:00:00Z,active,home',
      ]),
      writeCsv('payments.csv', 'payment_id,shop_id,account,account_kind,provider,amount,currency,paid_at', [
        `RG-P1,RG-S3,${account},${kind},${provider},120.00,${currency},2026-11-25T00:00:00Z`,
      ]),
    ];
    const report = await server.app.get(ImportsService).load(files, 'test');
    expect(report.counts.rejected).toBe(0);

    await detectAgain();
    const regrown = await caseOf(shutDown.id);
    expect(regrown.status).toBe('shut_down');
    const alertShops = new Set(regrown.alerts.map((a: { shopId: string }) => a.shopId));
    expect(alertShops.has('RG-S3')).toBe(true); // the recidivism watch, through the case's shutdown
    expect(regrown.alerts.some((a: { kind: string; shopId: string }) => a.kind === 'regrowth' && a.shopId.startsWith('RG-S'))).toBe(true);
    expect(regrown.events.some((e: { type: string }) => e.type === 'regrowth')).toBe(true);
    const reopened = await caseOf(dismissed.id);
    expect(reopened.status).toBe('triage');
    expect(reopened.statusReason).toMatch(/grew from \d+ to \d+ shops/);
    expect((await caseOf(proposed.id)).status).toBe('shutdown_proposed');

    // A third run changes nothing people did and raises nothing twice.
    const alertsBefore = regrown.alerts.length;
    await detectAgain();
    const third = await caseOf(shutDown.id);
    expect(third.alerts).toHaveLength(alertsBefore);
    expect(third.events.filter((e: { type: string }) => e.type === 'regrowth')).toHaveLength(1);
    expect((await caseOf(dismissed.id)).status).toBe('triage');
    const [reopens] = await query<{ n: number }>(
      "MATCH (e:AuditEvent {target: $t, action: 'case.reopen'}) WHERE e.at >= datetime($since) RETURN count(e) AS n",
      { t: `case:${dismissed.id}`, since: dismissed.updatedAt },
    );
    expect(Number(reopens!.n)).toBe(1);
  });

  it('two networks whose sellers come to share devices merge: one case carries on, the other is merged into it', async () => {
    const taken = new Set([shutDown.clusterId, dismissed.clusterId, proposed.clusterId]);
    const open = (await call('GET', '/cases?status=new&limit=200', 'analyst')).body.items.filter((c: { clusterId: string }) => !taken.has(c.clusterId));
    const [left, right] = open.sort((x: { size: number }, y: { size: number }) => y.size - x.size) as { id: string; size: number }[];
    const [l, r] = [await caseOf(left!.id), await caseOf(right!.id)];
    const devices = [...(await devicesOf(l.members)), ...(await devicesOf(r.members))];
    // A new export: every seller of both networks now also uses the other network's devices.
    const sellers = await query<{ id: string }>('MATCH (s:Shop)<-[:OWNS]-(u:Seller) WHERE s.id IN $shops RETURN DISTINCT u.id AS id ORDER BY id', {
      shops: [...l.members, ...r.members],
    });
    const files = [
      writeCsv(
        'sellers.csv',
        SELLERS,
        sellers.map((u, i) => `${u.id},Shared Device Seller ${i},CN,2026-01-01T00:00:00Z,MG-KYC-${i},,,${devices.join('|')}`),
      ),
    ];
    expect((await server.app.get(ImportsService).load(files, 'test')).counts.rejected).toBe(0);
    await detectAgain();
    const [after] = [await caseOf(l.id), await caseOf(r.id)].sort((x, y) => (x.status === 'merged' ? 1 : 0) - (y.status === 'merged' ? 1 : 0));
    const merged = after!.id === l.id ? await caseOf(r.id) : await caseOf(l.id);
    expect(merged.status).toBe('merged');
    expect(merged.mergedInto).toBe(after!.id);
    expect(after!.absorbed).toContain(merged.id);
    expect(after!.members).toEqual(expect.arrayContaining([...l.members, ...r.members]));
    expect(after!.events.some((e: { type: string }) => e.type === 'absorbed')).toBe(true);
    const [large, small] = [l.members as string[], r.members as string[]].sort((x, y) => y.length - x.length);
    joined = { survivor: after!.id, small: small!, large: large! };
  });

  it('the joined network splits again: the case stays with the larger part, the other part gets a new case that links back', async () => {
    expect(joined).toBeDefined();
    const { survivor, small, large } = joined!;
    // The smaller part's shops change hands: new sellers who share devices only among themselves, so
    // nothing ties the two parts any more (shop names and dates as they were, only the owner changes).
    const shops = await query<{ id: string; name: string; openedAt: string; status: string; category: string }>(
      'MATCH (s:Shop) WHERE s.id IN $ids RETURN s.id AS id, s.name AS name, toString(s.openedAt) AS openedAt, s.status AS status, s.category AS category ORDER BY id',
      { ids: small },
    );
    const files = [
      writeCsv(
        'sellers.csv',
        SELLERS,
        shops.map((_, i) => `SP-U${i},Split Seller ${i},CN,2026-01-01T00:00:00Z,SP-KYC-${i},,,SP-DEV-1|SP-DEV-2`),
      ),
      writeCsv(
        'shops.csv',
        SHOPS,
        shops.map((s, i) => `${s.id},SP-U${i},"${s.name.replace(/"/g, '""')}",${s.openedAt},${s.status},${s.category}`),
      ),
    ];
    const loaded = await server.app.get(ImportsService).load(files, 'test');
    expect(loaded.counts.rejected).toBe(0);
    const split = await detectAgain();
    const kept = await caseOf(survivor);
    expect(kept.status).not.toBe('merged');
    expect(kept.members).toEqual(expect.arrayContaining(large));
    expect(kept.members.some((m: string) => small.includes(m))).toBe(false);
    // The part that left is a network of its own; flagged, it has a new case that says where it came from.
    const part = split.clusters.find((c) => c.members.includes(small[0]!));
    expect(part).toBeDefined();
    expect(part!.lineage).toBe('split');
    expect(part!.flagged).toBe(true);
    const [opened] = await query<{ id: string }>("MATCH (k:Case {clusterId: $clusterId}) WHERE k.status <> 'merged' RETURN k.id AS id", {
      clusterId: part!.id,
    });
    expect(opened).toBeDefined();
    const child = await caseOf(opened!.id);
    expect(child).toMatchObject({ status: 'new', splitFrom: survivor });
    expect(child.members).toEqual(expect.arrayContaining(small));
    expect((await caseOf(survivor)).splitInto).toContain(child.id);
    expect(kept.events.some((e: { type: string }) => e.type === 'split')).toBe(true);
  });
});
