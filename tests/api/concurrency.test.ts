import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DetectionSummary } from '@ringwatch/detection';
import type { CypherRegistry } from '@ringwatch/neo4j';
import { Neo4jRepository } from '../../apps/api/src/database/neo4j.repository';
import { CYPHER, NEO4J_DATABASE, NEO4J_DRIVER } from '../../apps/api/src/common/tokens';
import type { AuditOf } from '../../apps/api/src/audit/audit-entry';
import { ReportsService } from '../../apps/api/src/reports/reports.service';
import { ShutdownsService } from '../../apps/api/src/shutdowns/shutdowns.service';
import { type TestServer, tokenFor } from '../setup/app';
import { clusterTaker, startSeededServer, type SeededServer } from '../setup/marketplace';
import { callApi, rowsOf } from '../setup/client';

/**
 * Every state-changing route under N = 20 identical requests at once: exactly one wins (the others are
 * told why: 409, 404 or 401), the audit trail records the change once, and the state is consistent.
 * Audit entries are written in the transaction of the change they record (Neo4jRepository.audited).
 */
const N = 20;
const neo4j = inject('neo4j');
let suite: SeededServer;
let server: TestServer;
let driver: Driver;
let run: DetectionSummary;
const token: Record<string, string> = {};
/** Live listings of Aurelio, each taken by one test. */
let aurelio: string[] = [];

const query = rowsOf(() => driver, neo4j.database);

const call = (method: string, pathname: string, bearer: string | null, body?: unknown) => callApi(server.baseUrl, method, pathname, bearer, body);

/** N calls at once; their statuses, sorted, and the calls themselves in order. */
async function burst(make: (i: number) => Promise<{ status: number; body: Record<string, any> | null }>) {
  const answers = await Promise.all(Array.from({ length: N }, (_, i) => make(i)));
  return { answers, statuses: answers.map((a) => a.status).sort((a, b) => a - b) };
}

const oneWinner = (win: number, lose: number) => [win, ...Array<number>(N - 1).fill(lose)].sort((a, b) => a - b);

async function audited(target: string, action: string): Promise<{ actor: string; before: unknown; after: unknown }[]> {
  const rows = await query<{ actor: string; before: string | null; after: string | null }>(
    'MATCH (e:AuditEvent {target: $target, action: $action}) RETURN e.actor AS actor, e.before AS before, e.after AS after ORDER BY e.at',
    { target, action },
  );
  return rows.map((r) => ({ actor: r.actor, before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after) }));
}

const clusters = clusterTaker(() => run);
const takeCluster = (minSize?: number) => clusters.take(minSize);

async function proposal(): Promise<{ id: string; shops: string[] }> {
  const cluster = takeCluster();
  const proposed = await call('POST', '/shutdowns', token.analyst!, { clusterId: cluster.id, reason: 'Shared payout accounts and devices', exclude: [] });
  expect(proposed.status).toBe(201);
  return proposed.body as { id: string; shops: string[] };
}

async function settle(id: string) {
  await server.app.get(ShutdownsService).settled(id);
}

beforeAll(async () => {
  suite = await startSeededServer(13);
  ({ server, driver, run } = suite);
  token.analyst = await tokenFor(server, { sub: 'cc.analyst', roles: ['analyst'], brands: [] });
  token.supervisor = await tokenFor(server, { sub: 'cc.supervisor', roles: ['supervisor'], brands: [] });
  token.supervisor2 = await tokenFor(server, { sub: 'cc.supervisor2', roles: ['supervisor'], brands: [] });
  token.admin = await tokenFor(server, { sub: 'cc.admin', roles: ['admin'], brands: [] });
  token.brand = await tokenFor(server, { sub: 'cc.brand', roles: ['brand_owner'], brands: ['Aurelio'] });
  token.brand2 = await tokenFor(server, { sub: 'cc.brand2', roles: ['brand_owner'], brands: ['Aurelio'] });
  aurelio = (await query<{ id: string }>("MATCH (l:Listing {brand: 'Aurelio', status: 'active'}) RETURN l.id AS id ORDER BY l.id LIMIT 10")).map((r) => r.id);
}, 180_000);
afterAll(async () => {
  await suite?.close();
});

describe(`${N} identical state changes at once: one wins, one audit entry`, () => {
  it('proposals of one cluster: one 201, the others 409, one audited proposal', async () => {
    const cluster = takeCluster();
    const { statuses } = await burst(() => call('POST', '/shutdowns', token.analyst!, { clusterId: cluster.id, reason: 'Racing proposals', exclude: [] }));
    expect(statuses).toEqual(oneWinner(201, 409));
    const [row] = await query<{ ids: string[] }>('MATCH (x:Shutdown {clusterId: $id, runId: $runId}) RETURN collect(x.id) AS ids', {
      id: cluster.id,
      runId: run.runId,
    });
    expect(row!.ids).toHaveLength(1);
    expect(await audited(`shutdown:${row!.ids[0]}`, 'shutdown.propose')).toHaveLength(1);
  });

  it('approvals and rejections by two supervisors: one decision, audited once, by the winner; one execution', async () => {
    const { id, shops } = await proposal();
    const verbs = Array.from({ length: N }, (_, i) => ({ verb: i % 3 === 0 ? 'reject' : 'approve', who: i % 2 === 0 ? 'supervisor' : 'supervisor2' }));
    const { answers, statuses } = await burst((i) => call('POST', `/shutdowns/${id}/${verbs[i]!.verb}`, token[verbs[i]!.who]!, { note: 'Four eyes' }));
    expect(statuses).toEqual(oneWinner(200, 409));
    const winner = verbs[answers.findIndex((a) => a.status === 200)]!;
    const action = winner.verb === 'approve' ? 'shutdown.approve' : 'shutdown.reject';
    const entries = [...(await audited(`shutdown:${id}`, 'shutdown.approve')), ...(await audited(`shutdown:${id}`, 'shutdown.reject'))];
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor).toBe(winner.who === 'supervisor' ? 'cc.supervisor' : 'cc.supervisor2');
    expect((await audited(`shutdown:${id}`, action))[0]!.after).toMatchObject({ status: winner.verb === 'approve' ? 'approved' : 'rejected' });
    await settle(id);
    const [state] = await query<{ status: string; suspended: number }>(
      'MATCH (x:Shutdown {id: $id}) RETURN x.status AS status, COUNT { (s:Shop {suspendedBy: $id}) } AS suspended',
      { id },
    );
    if (winner.verb === 'approve') {
      expect(state).toMatchObject({ status: 'executed' });
      expect(Number(state!.suspended)).toBe(shops.length);
      expect(await audited(`shutdown:${id}`, 'shutdown.execute')).toHaveLength(1);
    } else {
      expect(state).toMatchObject({ status: 'rejected' });
      expect(Number(state!.suspended)).toBe(0);
    }
  });

  it('reinstatements of one shop: one 200, the others 409, one audited reinstatement, listings relisted once', async () => {
    const { id, shops } = await proposal();
    expect((await call('POST', `/shutdowns/${id}/approve`, token.supervisor!, {})).status).toBe(200);
    await settle(id);
    const shop = shops[0]!;
    const { statuses } = await burst((i) =>
      call('POST', `/shops/${shop}/reinstate`, token[i % 2 ? 'supervisor' : 'supervisor2']!, { reason: 'Appeal upheld' }),
    );
    expect(statuses).toEqual(oneWinner(200, 409));
    const entries = await audited(`shop:${shop}`, 'shop.reinstate');
    expect(entries).toHaveLength(1);
    const [state] = await query<{ status: string; delisted: number }>(
      'MATCH (s:Shop {id: $shop}) RETURN s.status AS status, COUNT { (s)-[:LISTS]->(l:Listing) WHERE l.delistedBy IS NOT NULL } AS delisted',
      { shop },
    );
    expect(state).toMatchObject({ status: 'active' });
    expect(Number(state!.delisted)).toBe(0);
  });

  it('acknowledgements of one alert: one 200, the others 409, one audited acknowledgement', async () => {
    // An alert as the recidivism watch raises it (the watch itself is tested in shutdowns.test.ts).
    const id = randomUUID();
    await query("CREATE (:Alert {id: $id, key: $key, kind: 'recidivism', status: 'open', shopId: $shop, raisedAt: datetime()})", {
      id,
      key: `test:${id}`,
      shop: run.clusters[0]!.members[0]!,
    });
    const { answers, statuses } = await burst(() => call('POST', `/alerts/${id}/acknowledge`, token.analyst!, { note: 'Looking into it' }));
    expect(statuses).toEqual(oneWinner(200, 409));
    expect(answers.find((a) => a.status === 200)!.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'cc.analyst' });
    expect(await audited(`alert:${id}`, 'alert.acknowledge')).toHaveLength(1);
  });

  it('creations of one user: one 201, the others 409, one audited creation', async () => {
    const { statuses } = await burst((i) =>
      call('POST', '/users', token.admin!, { username: 'cc.twin', password: `pass-${i}-0123456789ab`, roles: ['analyst'] }),
    );
    expect(statuses).toEqual(oneWinner(201, 409));
    expect(await audited('user:cc.twin', 'user.create')).toHaveLength(1);
  });

  it('deletions of one user: one 204, the others 404, one audited deletion', async () => {
    await tokenFor(server, { sub: 'cc.leaver', roles: ['analyst'], brands: [] });
    const { statuses } = await burst(() => call('DELETE', '/users/cc.leaver', token.admin!));
    expect(statuses).toEqual(oneWinner(204, 404));
    expect(await audited('user:cc.leaver', 'user.delete')).toHaveLength(1);
    expect(await query("MATCH (u:User {username: 'cc.leaver'}) RETURN u")).toHaveLength(0);
  });

  it('sign-outs with one token: one 204, the others 401, one audited sign-out, the token dead', async () => {
    const mine = await tokenFor(server, { sub: 'cc.leaving', roles: ['analyst'], brands: [] });
    const [before] = await query<{ v: number }>("MATCH (u:User {username: 'cc.leaving'}) RETURN u.tokenVersion AS v");
    const { statuses } = await burst(() => call('POST', '/auth/logout', mine));
    expect(statuses).toEqual(oneWinner(204, 401));
    expect(await audited('user:cc.leaving', 'user.logout')).toHaveLength(1);
    const [after] = await query<{ v: number }>("MATCH (u:User {username: 'cc.leaving'}) RETURN u.tokenVersion AS v");
    expect(Number(after!.v)).toBe(Number(before!.v) + 1);
    expect((await call('GET', '/auth/me', mine)).status).toBe(401);
  });

  it('role changes of one user: each is applied and audited once, with the state it really replaced', async () => {
    await tokenFor(server, { sub: 'cc.mover', roles: ['analyst'], brands: [] });
    const roles = (i: number) => (i % 2 === 0 ? ['liaison'] : ['analyst']);
    const { statuses } = await burst((i) => call('PATCH', '/users/cc.mover', token.admin!, { roles: roles(i) }));
    expect(statuses).toEqual(Array<number>(N).fill(200));
    const entries = await audited('user:cc.mover', 'user.update');
    // The test helper's own update may precede; the burst's N follow, each starting where the last ended.
    const burstEntries = entries.slice(-N) as { before: { roles: string[] }; after: { roles: string[] } }[];
    expect(burstEntries).toHaveLength(N);
    for (let i = 1; i < burstEntries.length; i++) expect(burstEntries[i]!.before.roles).toEqual(burstEntries[i - 1]!.after.roles);
    const [state] = await query<{ roles: string[] }>("MATCH (u:User {username: 'cc.mover'}) RETURN u.roles AS roles");
    expect(state!.roles).toEqual(burstEntries.at(-1)!.after.roles);
  });

  it('counterfeit verdicts on one listing by two brand owners: one takedown opened, audited once', async () => {
    const listing = aurelio.shift()!;
    const { statuses } = await burst((i) =>
      call('POST', '/brands/aurelio/reports', token[i % 2 ? 'brand' : 'brand2']!, { listingId: listing, verdict: 'counterfeit' }),
    );
    expect(statuses).toEqual(Array<number>(N).fill(201));
    const [row] = await query<{ ids: string[] }>('MATCH (t:Takedown {listingId: $listing}) RETURN collect(t.id) AS ids', { listing });
    expect(row!.ids).toHaveLength(1);
    expect(await audited(`takedown:${row!.ids[0]}`, 'takedown.open')).toHaveLength(1);
  });

  it('review decisions on one queued takedown by two analysts and a supervisor: one 200, the others 409, one audited decision', async () => {
    const listing = aurelio.shift()!;
    const sent = await call('POST', '/brands/Aurelio/reports', token.brand!, { listingId: listing, verdict: 'counterfeit' });
    const id = sent.body!.takedown.id as string;
    const verbs = Array.from({ length: N }, (_, i) => ({ verb: i % 2 ? 'confirm' : 'reject', who: ['analyst', 'supervisor'][i % 2]! }));
    const { answers, statuses } = await burst((i) => call('POST', `/takedowns/${id}/${verbs[i]!.verb}`, token[verbs[i]!.who]!, { note: 'Racing reviews' }));
    expect(statuses).toEqual(oneWinner(200, 409));
    const winner = verbs[answers.findIndex((a) => a.status === 200)]!;
    const entries = [...(await audited(`takedown:${id}`, 'takedown.confirm')), ...(await audited(`takedown:${id}`, 'takedown.reject'))];
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor).toBe(winner.who === 'analyst' ? 'cc.analyst' : 'cc.supervisor');
    const [state] = await query<{ status: string; listing: string }>(
      'MATCH (t:Takedown {id: $id})-[:ABOUT]->(l) RETURN t.status AS status, l.status AS listing',
      {
        id,
      },
    );
    expect(state).toEqual(winner.verb === 'confirm' ? { status: 'taken_down', listing: 'delisted' } : { status: 'rejected', listing: 'active' });
  });

  it('appeals against one takedown: one 200, the others 409, one audited appeal, the listing relisted once', async () => {
    const listing = aurelio.shift()!;
    const sent = await call('POST', '/brands/Aurelio/reports', token.brand!, { listingId: listing, verdict: 'counterfeit' });
    const id = sent.body!.takedown.id as string;
    expect((await call('POST', `/takedowns/${id}/confirm`, token.analyst!, {})).status).toBe(200);
    const { statuses } = await burst((i) =>
      call('POST', `/takedowns/${id}/appeal`, token[i % 2 ? 'supervisor' : 'admin']!, { note: 'Seller invoice checked' }),
    );
    expect(statuses).toEqual(oneWinner(200, 409));
    expect(await audited(`takedown:${id}`, 'takedown.appeal')).toHaveLength(1);
    const [state] = await query<{ status: string; listing: string }>(
      'MATCH (t:Takedown {id: $id})-[:ABOUT]->(l) RETURN t.status AS status, l.status AS listing',
      {
        id,
      },
    );
    expect(state).toEqual({ status: 'reversed', listing: 'active' });
  });

  it('the report run now: one 202, the others 409, one report and one audited generation', async () => {
    const before = await query<{ n: number }>('MATCH (r:Report) RETURN count(r) AS n');
    const { statuses } = await burst(() => call('POST', '/reports', token.supervisor!));
    expect(statuses).toEqual(oneWinner(202, 409));
    await server.app.get(ReportsService).settled();
    const [after] = await query<{ n: number; ids: string[] }>('MATCH (r:Report) RETURN count(r) AS n, collect(r.id) AS ids');
    expect(Number(after!.n)).toBe(Number(before[0]!.n) + 1);
    const [audits] = await query<{ n: number; actors: string[] }>(
      "MATCH (e:AuditEvent) WHERE e.action IN ['report.generate', 'report.fail'] AND e.target IN $targets RETURN count(e) AS n, collect(DISTINCT e.actor) AS actors",
      {
        targets: after!.ids.map((id) => `report:${id}`),
      },
    );
    expect(Number(audits!.n)).toBe(Number(after!.n));
    // The run asked for by hand names the person who asked, not 'system'.
    expect(audits!.actors).toContain('cc.supervisor');
  });
});

describe('a change and its audit entry commit together', () => {
  /** A repository whose one change is a marker node, audited through the same path as every other. */
  class Marker extends Neo4jRepository {
    mark(id: string, audit: AuditOf<string>): Promise<string> {
      return this.audited(async (tx) => {
        await tx.run('CREATE (:AuditedMarker {id: $id})', { id });
        return id;
      }, audit);
    }
  }
  const marker = () => new Marker(server.app.get<Driver>(NEO4J_DRIVER), server.app.get<string>(NEO4J_DATABASE), server.app.get<CypherRegistry>(CYPHER));
  const markers = async (id: string) => (await query('MATCH (m:AuditedMarker {id: $id}) RETURN m', { id })).length;

  it('an entry that cannot be written takes the change back with it', async () => {
    const id = randomUUID();
    // A BigInt cannot be serialised: the entry fails inside the transaction, after the change was made.
    await expect(marker().mark(id, () => ({ actor: 'test', action: 'marker.set', target: `marker:${id}`, after: { n: 1n } }))).rejects.toThrow(/BigInt/);
    expect(await markers(id)).toBe(0);
    expect(await audited(`marker:${id}`, 'marker.set')).toHaveLength(0);
  });

  it('a written change has exactly its entry; a change reporting nothing to audit has none', async () => {
    const id = randomUUID();
    await marker().mark(id, () => ({ actor: 'test', action: 'marker.set', target: `marker:${id}`, after: { ok: true } }));
    expect(await markers(id)).toBe(1);
    expect(await audited(`marker:${id}`, 'marker.set')).toEqual([{ actor: 'test', before: null, after: { ok: true } }]);
    const quiet = randomUUID();
    await marker().mark(quiet, () => null);
    expect(await markers(quiet)).toBe(1);
    expect(await audited(`marker:${quiet}`, 'marker.set')).toHaveLength(0);
    await query('MATCH (m:AuditedMarker) DETACH DELETE m');
  });
});
