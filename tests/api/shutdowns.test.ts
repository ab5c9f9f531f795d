import fs from 'node:fs';
import path from 'node:path';
import { AlertAcknowledgedSchema, AlertPageSchema, ShutdownPageSchema, ShutdownSchema } from '@ringwatch/wire';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DetectionSummary } from '@ringwatch/detection';
import { ImportsService } from '../../apps/api/src/imports/imports.service';
import { ShutdownsService } from '../../apps/api/src/shutdowns/shutdowns.service';
import { startTestServer, type TestServer, tokenFor } from '../setup/app';
import { clusterTaker, startSeededServer, type SeededServer } from '../setup/marketplace';
import { expectWire } from '../setup/wire';
import { callApi, rowsOf } from '../setup/client';

const neo4j = inject('neo4j');
let suite: SeededServer;
let server: TestServer;
let driver: Driver;
let dir: string;
let files: string[];
let run: DetectionSummary;
const token: Record<string, string> = {};

const query = rowsOf(() => driver, neo4j.database);

const call = (method: string, pathname: string, who: string | null, body?: unknown, on: TestServer = server) =>
  callApi(on.baseUrl, method, pathname, who ? token[who] : null, body);

/** Flagged clusters of the test run, largest first, that no earlier test has taken. */
const clusters = clusterTaker(() => run);
const takeCluster = (minSize?: number) => clusters.take(minSize);

async function waitFor(id: string, status: string, on: TestServer = server) {
  await on.app.get(ShutdownsService).settled(id);
  for (let i = 0; i < 100; i++) {
    const current = await call('GET', `/shutdowns/${id}`, 'analyst', undefined, on);
    if (current.body.status === status) return current.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`shutdown ${id} never reached ${status}`);
}

beforeAll(async () => {
  suite = await startSeededServer(11);
  ({ server, driver, dir, files, run } = suite);
  token.analyst = await tokenFor(server, { sub: 'ana.lyst', roles: ['analyst'], brands: [] });
  token.supervisor = await tokenFor(server, { sub: 'sue.pervisor', roles: ['supervisor'], brands: [] });
  token.supervisor2 = await tokenFor(server, { sub: 'sam.pervisor', roles: ['supervisor'], brands: [] });
  token.liaison = await tokenFor(server, { sub: 'lee.aison', roles: ['liaison'], brands: [] });
  token.brand = await tokenFor(server, { sub: 'brand.aurelio', roles: ['brand_owner'], brands: ['Aurelio'] });
}, 180_000);
afterAll(async () => {
  await suite?.close();
});

describe('bulk shutdown with four eyes', () => {
  let shutdownId: string;
  let targets: string[];
  let excluded: string;

  it('an analyst proposes: the member list is frozen and the dry run counts what it affects', async () => {
    const cluster = takeCluster(4);
    const detail = await call('GET', `/clusters/${cluster.id}`, 'analyst');
    excluded = detail.body.members.at(-1).id;
    const proposed = await call('POST', '/shutdowns', 'analyst', {
      clusterId: cluster.id,
      reason: 'Shared payout accounts and devices across the ring',
      exclude: [excluded],
    });
    expect(proposed.status).toBe(201);
    expectWire(ShutdownSchema, proposed.body);
    expectWire(ShutdownPageSchema, (await call('GET', '/shutdowns', 'analyst')).body);
    shutdownId = proposed.body.id;
    targets = proposed.body.shops;
    expect(proposed.body).toMatchObject({
      status: 'proposed',
      proposedBy: 'ana.lyst',
      clusterId: cluster.id,
      excluded: [excluded],
      shopsTotal: cluster.members.length - 1,
      shopsDone: 0,
    });
    expect(targets).not.toContain(excluded);
    const [truth] = await query<{ listings: number }>(
      "UNWIND $ids AS id MATCH (:Shop {id: id})-[:LISTS]->(l:Listing {status: 'active'}) RETURN count(l) AS listings",
      { ids: targets },
    );
    expect(proposed.body.preview.shops).toBe(targets.length);
    expect(proposed.body.preview.activeListings).toBe(Number(truth!.listings));
    expect(proposed.body.preview.payouts.length).toBeGreaterThan(0);
    expect((await call('GET', `/clusters/${cluster.id}`, 'analyst')).body.status).toBe('proposed');
  });

  it('refuses a second proposal for the same cluster, bad bodies and strangers to the cluster', async () => {
    const proposal = await call('GET', `/shutdowns/${shutdownId}`, 'analyst');
    const again = await call('POST', '/shutdowns', 'analyst', { clusterId: proposal.body.clusterId, reason: 'Another try at the same ring' });
    expect(again.status).toBe(409);
    const bad = await call('POST', '/shutdowns', 'analyst', { clusterId: 'nope', reason: 'short', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['(body)', 'clusterId', 'reason']);
    const other = takeCluster(2);
    const stranger = await call('POST', '/shutdowns', 'analyst', { clusterId: other.id, reason: 'Excluding a shop from elsewhere', exclude: [excluded] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details[0]).toMatchObject({ field: 'exclude' });
    clusters.release(other.id);
    expect((await call('POST', '/shutdowns', 'analyst', { clusterId: 'C999999', reason: 'A cluster that does not exist' })).status).toBe(404);
    expect((await call('POST', '/shutdowns', 'liaison', { clusterId: proposal.body.clusterId, reason: 'Liaisons do not propose' })).status).toBe(403);
  });

  it('the proposer cannot approve, an analyst cannot approve, a supervisor can', async () => {
    expect((await call('POST', `/shutdowns/${shutdownId}/approve`, 'analyst', {})).status).toBe(403);
    const own = takeCluster(2);
    const selfProposed = await call('POST', '/shutdowns', 'supervisor', { clusterId: own.id, reason: 'Proposed by a supervisor this time' });
    expect(selfProposed.status).toBe(201);
    const selfApproved = await call('POST', `/shutdowns/${selfProposed.body.id}/approve`, 'supervisor', {});
    expect(selfApproved.status).toBe(403);
    expect(selfApproved.body.error.message).toMatch(/four eyes/);
    const rejected = await call('POST', `/shutdowns/${selfProposed.body.id}/reject`, 'supervisor2', { note: 'Not enough evidence yet' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decidedBy: 'sam.pervisor' });
    expect((await call('POST', `/shutdowns/${selfProposed.body.id}/approve`, 'supervisor2')).status).toBe(409);
    expect((await call('GET', `/clusters/${own.id}`, 'analyst')).body.status).toBe('open');

    const approved = await call('POST', `/shutdowns/${shutdownId}/approve`, 'supervisor', { note: 'Evidence checked' });
    expect(approved.status).toBe(200);
    expect(['approved', 'executing', 'executed']).toContain(approved.body.status);
  });

  it('executes: every frozen member suspended, its live listings delisted, the excluded shop untouched', async () => {
    const done = await waitFor(shutdownId, 'executed');
    expect(done.shopsDone).toBe(targets.length);
    const shops = await query<{ id: string; status: string; live: number }>(
      "UNWIND $ids AS id MATCH (s:Shop {id: id}) RETURN s.id AS id, s.status AS status, COUNT { (s)-[:LISTS]->(:Listing {status: 'active'}) } AS live",
      { ids: [...targets, excluded] },
    );
    for (const shop of shops) {
      if (shop.id === excluded) expect(shop.status).not.toBe('suspended');
      else expect(shop).toMatchObject({ status: 'suspended', live: expect.anything() });
      if (shop.id !== excluded) expect(Number(shop.live)).toBe(0);
    }
    expect((await call('GET', `/clusters/${done.clusterId}`, 'analyst')).body.status).toBe('shut_down');
    expect((await call('POST', `/shutdowns/${shutdownId}/approve`, 'supervisor2')).status).toBe(409);
    const audit = await call('GET', `/audit?limit=200`, 'supervisor');
    const actions = audit.body.items.filter((e: { target: string }) => e.target === `shutdown:${shutdownId}`).map((e: { action: string }) => e.action);
    expect(actions.sort()).toEqual(['shutdown.approve', 'shutdown.execute', 'shutdown.propose']);
  });

  it('a reload of the same export does not lift a suspension', async () => {
    await server.app.get(ImportsService).load(
      files.filter((f) => /shops|listings/.test(path.basename(f))),
      'test',
    );
    const [row] = await query<{ active: number }>("UNWIND $ids AS id MATCH (s:Shop {id: id}) WHERE s.status <> 'suspended' RETURN count(s) AS active", {
      ids: targets,
    });
    expect(Number(row!.active)).toBe(0);
  });

  it('reinstates a shop on appeal with its delisted listings, once', async () => {
    const shop = targets[0]!;
    const [before] = await query<{ delisted: number }>('MATCH (:Shop {id: $id})-[:LISTS]->(l:Listing {delistedBy: $by}) RETURN count(l) AS delisted', {
      id: shop,
      by: shutdownId,
    });
    expect((await call('POST', `/shops/${shop}/reinstate`, 'analyst', { reason: 'Appeal upheld after review' })).status).toBe(403);
    expect((await call('POST', `/shops/${shop}/reinstate`, 'supervisor', { reason: 'short' })).status).toBe(400);
    const ok = await call('POST', `/shops/${shop}/reinstate`, 'supervisor', { reason: 'Appeal upheld after review' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'active', shutdownId, relisted: Number(before!.delisted) });
    expect((await call('POST', `/shops/${shop}/reinstate`, 'supervisor', { reason: 'Appeal upheld after review' })).status).toBe(409);
    // The shutdown's record says so: which shop came back, who gave it back, when and why.
    const record = await call('GET', `/shutdowns/${shutdownId}`, 'analyst');
    expect(record.body.reinstated).toEqual([{ shopId: shop, at: expect.any(String), by: 'sue.pervisor', reason: 'Appeal upheld after review' }]);
    expect((await call('POST', '/shops/NO-SUCH-SHOP/reinstate', 'supervisor', { reason: 'Appeal upheld after review' })).status).toBe(404);
    targets = targets.slice(1);
  });

  it('raises a recidivism alert when a new shop shares a phone with a shut-down one, and lets an analyst acknowledge it', async () => {
    const [former] = await query<{ phone: string; shop: string }>(
      'UNWIND $ids AS id MATCH (s:Shop {id: id})<-[:OWNS]-(:Seller)-[:HAS_PHONE]->(p:Phone) RETURN p.key AS phone, s.id AS shop LIMIT 1',
      { ids: targets },
    );
    expect(former).toBeDefined();
    const sellers = path.join(dir, 'return', 'sellers.csv');
    fs.mkdirSync(path.dirname(sellers), { recursive: true });
    fs.writeFileSync(
      sellers,
      `seller_id,name,country,registered_at,kyc_id,emails,phones,device_ids\nRET-U1,Fresh Start Trading,CN,2026-11-01T00:00:00Z,K-RET-1,fresh@example.com,${former!.phone},\n`,
    );
    fs.writeFileSync(
      path.join(dir, 'return', 'shops.csv'),
      'shop_id,seller_id,name,opened_at,status,category\nRET-S1,RET-U1,Fresh Start Bags,2026-11-01T00:00:00Z,active,bags\n',
    );
    await server.app.get(ImportsService).load([sellers, path.join(dir, 'return', 'shops.csv')], 'test');
    const alerts = await call('GET', '/alerts?status=open', 'analyst');
    expectWire(AlertPageSchema, alerts.body);
    const alert = alerts.body.items.find((a: { shopId: string }) => a.shopId === 'RET-S1');
    expect(alert).toMatchObject({ kind: 'recidivism', status: 'open', shutdownIds: [shutdownId] });
    expect(alert.formerShops).toContain(former!.shop);
    expect(alert.via[0]).toMatch(/^phone: /);
    // A second load of the same files does not raise it twice.
    await server.app.get(ImportsService).load([sellers, path.join(dir, 'return', 'shops.csv')], 'test');
    expect((await call('GET', '/alerts', 'analyst')).body.items.filter((a: { shopId: string }) => a.shopId === 'RET-S1')).toHaveLength(1);
    // Six acknowledgements at once: one wins, the others are told it was done, the audit says so once.
    const acks = await Promise.all(
      Array.from({ length: 6 }, () => call('POST', `/alerts/${alert.id}/acknowledge`, 'analyst', { note: 'Proposing a shutdown of RET-S1' })),
    );
    expect(acks.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const ack = acks.find((a) => a.status === 200)!;
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'ana.lyst' });
    expectWire(AlertAcknowledgedSchema, ack.body);
    const [audited] = await query<{ n: number }>("MATCH (e:AuditEvent {target: $target, action: 'alert.acknowledge'}) RETURN count(e) AS n", {
      target: `alert:${alert.id}`,
    });
    expect(Number(audited!.n)).toBe(1);
    expect((await call('POST', `/alerts/${alert.id}/acknowledge`, 'analyst')).status).toBe(409);
    expect((await call('POST', '/alerts/00000000-0000-4000-8000-000000000000/acknowledge', 'analyst')).status).toBe(404);
    expect((await call('GET', '/alerts?status=closed', 'analyst')).status).toBe(400);
    expect((await call('GET', '/alerts', 'brand')).status).toBe(403);
  });

  it('an execution interrupted by a restart completes when the service starts again', async () => {
    const cluster = takeCluster(6);
    const slow = await startTestServer({ SHUTDOWN_BATCH_SIZE: '1', SHUTDOWN_BATCH_PAUSE_MS: '150' });
    const proposed = await call('POST', '/shutdowns', 'analyst', { clusterId: cluster.id, reason: 'A ring big enough to interrupt' }, slow);
    expect(proposed.status).toBe(201);
    const id = proposed.body.id as string;
    expect((await call('POST', `/shutdowns/${id}/approve`, 'supervisor', {}, slow)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    await slow.close();

    const [halfway] = await query<{ status: string; done: number; total: number; untracked: number }>(
      `MATCH (x:Shutdown {id: $id})
       RETURN x.status AS status, x.shopsDone AS done, x.shopsTotal AS total,
              COUNT { (x)-[t:TARGETS]->(s:Shop) WHERE (t.doneAt IS NULL) = (s.suspendedBy = $id) } AS untracked`,
      { id },
    );
    expect(halfway!.status).toBe('executing');
    expect(Number(halfway!.done)).toBeGreaterThan(0);
    expect(Number(halfway!.done)).toBeLessThan(Number(halfway!.total));
    // Every shop is either done and marked, or untouched: nothing half-applied without a trace.
    expect(Number(halfway!.untracked)).toBe(0);

    const restarted = await startTestServer();
    try {
      const done = await waitFor(id, 'executed', restarted);
      expect(done.shopsDone).toBe(cluster.members.length);
      const [left] = await query<{ n: number }>("MATCH (:Shutdown {id: $id})-[:TARGETS]->(s:Shop) WHERE s.status <> 'suspended' RETURN count(s) AS n", { id });
      expect(Number(left!.n)).toBe(0);
    } finally {
      await restarted.close();
    }
  });
});

// Decisions, reinstatements and every other state change under 20 concurrent requests: concurrency.test.ts.

describe('GET /shops/:id/neighbourhood', () => {
  it('walks shared identifiers breadth first within the limit', async () => {
    const cluster = run.clusters.filter((c) => c.members.length >= 3).sort((a, b) => b.members.length - a.members.length)[0]!;
    const detail = await call('GET', `/clusters/${cluster.id}`, 'analyst');
    const shop = detail.body.members[0].id as string;
    const hood = await call('GET', `/shops/${shop}/neighbourhood?depth=2&limit=60`, 'liaison');
    expect(hood.status).toBe(200);
    expect(hood.body.nodes[0]).toMatchObject({ id: shop, depth: 0, type: 'shop' });
    expect(hood.body.nodes.length).toBeLessThanOrEqual(60);
    const ids = new Set(hood.body.nodes.map((n: { id: string }) => n.id));
    for (const edge of hood.body.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
    // Clustered shops are linked by shared identifiers, so a two-step walk reaches another member.
    const members = new Set(detail.body.members.map((m: { id: string }) => m.id));
    expect(hood.body.nodes.some((n: { id: string; type: string }) => n.type === 'shop' && n.id !== shop && members.has(n.id))).toBe(true);
    // One step from a small-preset shop fits well within 2,000 nodes: nothing is cut.
    const whole = await call('GET', `/shops/${shop}/neighbourhood?depth=1&limit=2000`, 'analyst');
    expect(whole.body.truncated).toBe(false);
    const tiny = await call('GET', `/shops/${shop}/neighbourhood?depth=2&limit=2`, 'analyst');
    expect(tiny.body).toMatchObject({ truncated: true });
    expect(tiny.body.nodes).toHaveLength(2);
    expect((await call('GET', `/shops/${shop}/neighbourhood?depth=9`, 'analyst')).status).toBe(400);
    expect((await call('GET', '/shops/NO-SUCH-SHOP/neighbourhood', 'analyst')).status).toBe(404);
    expect((await call('GET', `/shops/${shop}/neighbourhood`, 'brand')).status).toBe(403);
  });
});

describe('brand owners’ portal', () => {
  it('shows a brand owner the suspected listings of its own brand only', async () => {
    const own = await call('GET', '/brands/Aurelio/suspected-listings?limit=5', 'brand');
    expect(own.status).toBe(200);
    expect(own.body.total).toBeGreaterThan(0);
    expect(own.body.items.length).toBeLessThanOrEqual(5);
    const [check] = await query<{ brands: string[] }>('UNWIND $ids AS id MATCH (l:Listing {id: id}) RETURN collect(DISTINCT l.brand) AS brands', {
      ids: own.body.items.map((i: { listingId: string }) => i.listingId),
    });
    expect(check!.brands).toEqual(['Aurelio']);
    const other = await call('GET', '/brands/Veloce/suspected-listings', 'brand');
    expect(other.status).toBe(403);
    expect((await call('GET', '/brands/Veloce/suspected-listings', 'analyst')).status).toBe(200);
    expect((await call('GET', '/clusters', 'brand')).status).toBe(403);
  });

  it('records a verdict on its own brand’s listing, refuses another brand’s', async () => {
    const own = await call('GET', '/brands/Aurelio/suspected-listings?limit=1', 'brand');
    const listingId = own.body.items[0].listingId as string;
    const ok = await call('POST', '/brands/Aurelio/reports', 'brand', { listingId, verdict: 'counterfeit', note: 'Test purchase did not match' });
    expect(ok.status).toBe(201);
    const after = await call('GET', '/brands/Aurelio/suspected-listings?limit=200', 'brand');
    const row = after.body.items.find((i: { listingId: string }) => i.listingId === listingId);
    expect(row.verdicts).toContainEqual(expect.objectContaining({ verdict: 'counterfeit', reporter: 'brand.aurelio' }));
    const [foreign] = await query<{ id: string }>("MATCH (l:Listing) WHERE l.brand = 'Veloce' RETURN l.id AS id LIMIT 1");
    expect((await call('POST', '/brands/Aurelio/reports', 'brand', { listingId: foreign!.id, verdict: 'counterfeit' })).status).toBe(404);
    expect((await call('POST', '/brands/Veloce/reports', 'brand', { listingId: foreign!.id, verdict: 'counterfeit' })).status).toBe(403);
    expect((await call('POST', '/brands/Aurelio/reports', 'brand', { listingId, verdict: 'fake' })).status).toBe(400);
    expect((await call('POST', '/brands/Aurelio/reports', 'analyst', { listingId, verdict: 'genuine' })).status).toBe(403);
  });
});

describe('abuse limits', () => {
  it('answers 429 with Retry-After past the per-minute limit', async () => {
    const limited = await startTestServer({ RATE_LIMIT_PER_MINUTE: '5', LOGIN_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await call('GET', '/health', null, undefined, limited)).status);
      expect(statuses.slice(0, 5).every((s) => s === 200 || s === 503)).toBe(true);
      const refused = await call('GET', '/health', null, undefined, limited);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.error.code).toBe('too_many_requests');
    } finally {
      await limited.close();
    }
  });

  it('limits sign-in attempts separately', async () => {
    const limited = await startTestServer({ LOGIN_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const attempt = () => call('POST', '/auth/login', null, { username: 'nobody', password: 'wrong-password' }, limited);
      expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(401);
      expect((await attempt()).status).toBe(429);
      // Express routes these spellings to sign-in too; the limit counts them as the same route.
      for (const variant of ['/auth/login/', '/Auth/Login', '/AUTH/LOGIN/']) {
        expect((await call('POST', variant, null, { username: 'nobody', password: 'wrong-password' }, limited)).status, variant).toBe(429);
      }
      expect((await call('GET', '/health', null, undefined, limited)).status).not.toBe(429);
    } finally {
      await limited.close();
    }
  });
});
