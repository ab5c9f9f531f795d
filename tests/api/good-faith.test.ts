import { int as neo4jInt, type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sampledForReview } from '@ringwatch/good-faith';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { tokenFor, type TestServer } from '../setup/app';
import { startSeededServer, type SeededServer } from '../setup/marketplace';
import { callApi, rowsOf } from '../setup/client';

/*
 * The brand side of issue #20 against the real Neo4j: brand names without case, brand owners bound only
 * to known brands, the good-faith fast lane (review queue, trusted reporters delisting at once, appeals,
 * standing), generated passwords, and what the audit trail now records.
 */
const neo4j = inject('neo4j');
let suite: SeededServer;
let server: TestServer;
let driver: Driver;
const token: Record<string, string> = {};
let listings: string[] = [];

const query = rowsOf(() => driver, neo4j.database);

const call = (method: string, pathname: string, bearer: string | null, body?: unknown) => callApi(server.baseUrl, method, pathname, bearer, body);

const listingStatus = async (id: string) => (await query<{ s: string }>('MATCH (l:Listing {id: $id}) RETURN l.status AS s', { id }))[0]!.s;
const audits = (action: string, target?: string) =>
  query<{ actor: string; target: string; after: string | null }>(
    'MATCH (e:AuditEvent {action: $action}) WHERE $target IS NULL OR e.target = $target RETURN e.actor AS actor, e.target AS target, e.after AS after ORDER BY e.at',
    { action, target: target ?? null },
  );
let next = 0;
const freshListing = () => listings[next++]!;

/** A decided history for a reporter, as earlier outcomes leave it: `held` takedowns that stood, `against` rejected in review. */
async function history(reporter: string, held: number, against: number): Promise<void> {
  await query(
    `UNWIND range(1, $held) AS i
     CREATE (:Takedown {id: randomUUID(), reporter: $reporter, brand: 'Aurelio', lane: 'review', sampled: false, status: 'taken_down',
                        requestedAt: datetime() - duration('P30D'), delistedAt: datetime() - duration('P29D')})`,
    { reporter, held: neo4jInt(held) },
  );
  if (against > 0)
    await query(
      `UNWIND range(1, $against) AS i
       CREATE (:Takedown {id: randomUUID(), reporter: $reporter, brand: 'Aurelio', lane: 'review', sampled: false, status: 'rejected',
                          review: 'rejected', requestedAt: datetime() - duration('P30D')})`,
      { reporter, against: neo4jInt(against) },
    );
}
beforeAll(async () => {
  suite = await startSeededServer(13);
  ({ server, driver } = suite);
  // This file's users and their trail start from nothing, also on a database an earlier run used.
  await query("MATCH (u:User) WHERE u.username STARTS WITH 'gf.' DETACH DELETE u");
  await query("MATCH (e:AuditEvent) WHERE e.actor STARTS WITH 'gf.' OR e.target STARTS WITH 'user:gf.' DETACH DELETE e");
  token.owner = await tokenFor(server, { sub: 'gf.owner', roles: ['brand_owner'], brands: ['Aurelio'] });
  token.trusted = await tokenFor(server, { sub: 'gf.trusted', roles: ['brand_owner'], brands: ['Aurelio'] });
  token.analyst = await tokenFor(server, { sub: 'gf.analyst', roles: ['analyst'], brands: [] });
  token.supervisor = await tokenFor(server, { sub: 'gf.supervisor', roles: ['supervisor'], brands: [] });
  token.admin = await tokenFor(server, { sub: 'gf.admin', roles: ['admin'], brands: [] });
  listings = (await query<{ id: string }>("MATCH (l:Listing {brand: 'Aurelio', status: 'active'}) RETURN l.id AS id ORDER BY l.id LIMIT 40")).map((r) => r.id);
  expect(listings.length).toBeGreaterThanOrEqual(10);
  await history('gf.trusted', 20, 1);
}, 240_000);
afterAll(async () => {
  await suite?.close();
});

describe('brands without case, and only known brands', () => {
  it('lets a brand owner bound to "Aurelio" use "aurelio" and "AURELIO", and refuses another brand', async () => {
    expect((await call('GET', '/brands/aurelio/suspected-listings?limit=1', token.owner!)).status).toBe(200);
    const upper = await call('GET', '/brands/AURELIO/standing', token.owner!);
    expect(upper.status).toBe(200);
    expect(upper.body!.brand).toBe('Aurelio');
    expect((await call('GET', '/brands/veloce/suspected-listings', token.owner!)).status).toBe(403);
  });

  it('lists the brands the data knows to staff, not to brand owners', async () => {
    const list = await call('GET', '/brands', token.admin!);
    expect(list.status).toBe(200);
    expect(list.body!.brands).toContain('Aurelio');
    expect([...list.body!.brands].sort()).toEqual(list.body!.brands);
    const [row] = await query<{ n: number }>('MATCH (l:Listing) WHERE l.brand IS NOT NULL RETURN count(DISTINCT l.brand) AS n');
    expect(list.body!.brands.length).toBeGreaterThanOrEqual(Number(row!.n));
    expect((await call('GET', '/brands', token.owner!)).status).toBe(403);
  });

  it('binds a brand owner to a known brand as the data spells it, and refuses an unknown one naming it', async () => {
    const unknown = await call('POST', '/users', token.admin!, { username: 'gf.nobrand', roles: ['brand_owner'], brands: ['NoSuchBrand'] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('NoSuchBrand');
    const created = await call('POST', '/users', token.admin!, { username: 'gf.lower', roles: ['brand_owner'], brands: ['aurelio'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ brands: ['Aurelio'] });
    const changed = await call('PATCH', '/users/gf.lower', token.admin!, { brands: ['Aurelio', 'Missing Brand'] });
    expect(changed.status).toBe(400);
    expect(JSON.stringify(changed.body)).toContain('Missing Brand');
  });
});

describe('generated passwords', () => {
  it('generates a password on create and reset when none is given, shown once and never audited', async () => {
    const created = await call('POST', '/users', token.admin!, { username: 'gf.generated', roles: ['analyst'] });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const first = created.body!.password as string;
    expect(first).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await call('POST', '/auth/login', null, { username: 'gf.generated', password: first })).status).toBe(200);
    const reset = await call('POST', '/users/gf.generated/password', token.admin!, {});
    expect(reset.status).toBe(200);
    const second = reset.body!.password as string;
    expect(second).not.toBe(first);
    expect((await call('POST', '/auth/login', null, { username: 'gf.generated', password: first })).status).toBe(401);
    expect((await call('POST', '/auth/login', null, { username: 'gf.generated', password: second })).status).toBe(200);
    expect((await call('GET', '/users', token.admin!)).body!.every((u: Record<string, unknown>) => !('password' in u))).toBe(true);
    const trail = JSON.stringify(await query("MATCH (e:AuditEvent) WHERE e.target = 'user:gf.generated' RETURN e.after AS after, e.before AS before"));
    expect(trail).not.toContain(first);
    expect(trail).not.toContain(second);
  });
});

describe('the good-faith fast lane', () => {
  it("queues an untrusted reporter's counterfeit report for review, due after the target time; an analyst's confirmation delists", async () => {
    const listing = freshListing();
    const sent = await call('POST', '/brands/aurelio/reports', token.owner!, { listingId: listing, verdict: 'counterfeit', note: 'Test purchase' });
    expect(sent.status).toBe(201);
    const takedown = sent.body!.takedown;
    expect(takedown).toMatchObject({ lane: 'review', status: 'pending', review: 'pending', sampled: false, brand: 'Aurelio', reporter: 'gf.owner' });
    const due = Date.parse(takedown.dueAt) - Date.parse(takedown.requestedAt);
    expect(Math.abs(due - 24 * 3_600_000)).toBeLessThan(2_000);
    expect(await listingStatus(listing)).toBe('active');
    const queue = await call('GET', '/takedowns/queue?brand=AURELIO', token.analyst!);
    expect(queue.status).toBe(200);
    expect(queue.body!.items.find((t: { id: string }) => t.id === takedown.id)).toMatchObject({
      listingId: listing,
      overdue: false,
      shopId: expect.any(String),
    });
    // The same listing reported again names the open takedown, it does not open a second one.
    const again = await call('POST', '/brands/Aurelio/reports', token.trusted!, { listingId: listing, verdict: 'counterfeit' });
    expect(again.body!.takedown.id).toBe(takedown.id);
    const confirmed = await call('POST', `/takedowns/${takedown.id}/confirm`, token.analyst!, { note: 'Serial number fake' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'taken_down', review: 'confirmed', delisted: true });
    expect(await listingStatus(listing)).toBe('delisted');
    expect((await call('POST', `/takedowns/${takedown.id}/reject`, token.analyst!, {})).status).toBe(409);
    expect(await audits('takedown.confirm', `takedown:${takedown.id}`)).toHaveLength(1);
    expect((await audits('takedown.open', `takedown:${takedown.id}`))[0]).toMatchObject({ actor: 'gf.owner' });
  });

  it('counts a rejection against the reporter', async () => {
    const before = (await call('GET', '/brands/Aurelio/standing', token.owner!)).body!.reporters[0];
    const sent = await call('POST', '/brands/Aurelio/reports', token.owner!, { listingId: freshListing(), verdict: 'counterfeit' });
    const rejected = await call('POST', `/takedowns/${sent.body!.takedown.id}/reject`, token.supervisor!, { note: 'Genuine: invoice checked' });
    expect(rejected.body).toMatchObject({ status: 'rejected', review: 'rejected', relisted: false });
    const after = (await call('GET', '/brands/Aurelio/standing', token.owner!)).body!.reporters[0];
    expect(after).toMatchObject({ reporter: 'gf.owner', decided: before.decided + 1, against: before.against + 1, trusted: false });
  });

  it("delists a trusted reporter's report at once, samples it by its id, and an appeal relists it and counts against", async () => {
    const standing = await call('GET', '/brands/aurelio/standing', token.trusted!);
    expect(standing.body!.reporters).toEqual([expect.objectContaining({ reporter: 'gf.trusted', decided: 21, against: 1, trusted: true })]);
    const listing = freshListing();
    const sent = await call('POST', '/brands/Aurelio/reports', token.trusted!, { listingId: listing, verdict: 'counterfeit' });
    const takedown = sent.body!.takedown;
    expect(takedown).toMatchObject({ lane: 'fast', status: 'taken_down' });
    expect(takedown.sampled).toBe(sampledForReview(takedown.id, { sampleRate: 0.1, sampleSeed: 42 }));
    expect(takedown.review).toBe(takedown.sampled ? 'pending' : null);
    expect(await listingStatus(listing)).toBe('delisted');
    expect(JSON.parse((await audits('takedown.open', `takedown:${takedown.id}`))[0]!.after!)).toMatchObject({ lane: 'fast', delisted: true });
    // Appeals are staff's: not the analyst's, not the brand owner's.
    expect((await call('POST', `/takedowns/${takedown.id}/appeal`, token.analyst!, { note: 'Seller invoice' })).status).toBe(403);
    const appealed = await call('POST', `/takedowns/${takedown.id}/appeal`, token.supervisor!, { note: 'Seller showed the distributor invoice' });
    expect(appealed.status).toBe(200);
    expect(appealed.body).toMatchObject({ status: 'reversed', relisted: true });
    expect(await listingStatus(listing)).toBe('active');
    expect((await call('POST', `/takedowns/${takedown.id}/appeal`, token.supervisor!, { note: 'Again' })).status).toBe(409);
    const table = await call('GET', '/reporters', token.analyst!);
    expect(table.body!.items.find((r: { reporter: string }) => r.reporter === 'gf.trusted')).toMatchObject({
      decided: 22,
      against: 2,
      appealed: 1,
      takenDown: 21,
    });
  });

  it('counts a takedown against its reporter when the listing is later confirmed genuine', async () => {
    const before = (await call('GET', '/brands/Aurelio/standing', token.owner!)).body!.reporters[0];
    const listing = freshListing();
    const sent = await call('POST', '/brands/Aurelio/reports', token.owner!, { listingId: listing, verdict: 'counterfeit' });
    expect((await call('POST', `/takedowns/${sent.body!.takedown.id}/confirm`, token.analyst!, {})).status).toBe(200);
    const held = (await call('GET', '/brands/Aurelio/standing', token.owner!)).body!.reporters[0];
    expect(held).toMatchObject({ decided: before.decided + 1, against: before.against });
    expect((await call('POST', '/brands/Aurelio/reports', token.trusted!, { listingId: listing, verdict: 'genuine', note: 'Our own stock' })).status).toBe(201);
    const after = (await call('GET', '/brands/Aurelio/standing', token.owner!)).body!.reporters[0];
    expect(after).toMatchObject({ decided: before.decided + 1, against: before.against + 1 });
  });

  it('shows a brand owner only its own standing, staff every reporter of the brand', async () => {
    const own = await call('GET', '/brands/Aurelio/standing', token.owner!);
    expect(own.body!.reporters.map((r: { reporter: string }) => r.reporter)).toEqual(['gf.owner']);
    const staff = await call('GET', '/brands/Aurelio/standing', token.analyst!);
    expect(staff.body!.reporters.map((r: { reporter: string }) => r.reporter).sort()).toEqual(['gf.owner', 'gf.trusted']);
    expect(staff.body!.standing.decided).toBe(
      own.body!.reporters[0].decided + staff.body!.reporters.find((r: { reporter: string }) => r.reporter === 'gf.trusted').decided,
    );
    expect((await call('GET', '/reporters', token.owner!)).status).toBe(403);
    expect((await call('GET', '/takedowns/queue', token.owner!)).status).toBe(403);
  });
});

describe('reports and their outcomes, and the takedowns an appeal can reverse', () => {
  it("lists a brand owner's own reports with each takedown's lane, status and whether it counts against; staff see every reporter's", async () => {
    const cleared = freshListing();
    const reported = freshListing();
    expect((await call('POST', '/brands/aurelio/reports', token.owner!, { listingId: cleared, verdict: 'genuine', note: 'Our stock' })).status).toBe(201);
    const sent = await call('POST', '/brands/Aurelio/reports', token.owner!, { listingId: reported, verdict: 'counterfeit' });
    expect((await call('POST', `/takedowns/${sent.body!.takedown.id}/reject`, token.analyst!, { note: 'Invoice checked' })).status).toBe(200);

    const mine = await call('GET', '/brands/AURELIO/reports?limit=200', token.owner!);
    expect(mine.status).toBe(200);
    expect(new Set(mine.body!.items.map((r: { reporter: string }) => r.reporter))).toEqual(new Set(['gf.owner']));
    const byListing = new Map(mine.body!.items.map((r: { listingId: string }) => [r.listingId, r]));
    expect(byListing.get(cleared)).toMatchObject({ verdict: 'genuine', note: 'Our stock', takedown: null });
    expect(byListing.get(reported)).toMatchObject({
      verdict: 'counterfeit',
      takedown: { id: sent.body!.takedown.id, lane: 'review', status: 'rejected', review: 'rejected', countsAgainst: true },
    });
    const times = mine.body!.items.map((r: { reportedAt: string }) => r.reportedAt);
    expect(times).toEqual([...times].sort().reverse());
    const staff = await call('GET', '/brands/Aurelio/reports?limit=200', token.analyst!);
    // Staff see every reporter's, the data's own reporters too.
    expect(staff.body!.total).toBeGreaterThan(mine.body!.total);
    expect(staff.body!.items.map((r: { reporter: string }) => r.reporter)).toEqual(expect.arrayContaining(['gf.owner', 'gf.trusted']));
    expect((await call('GET', '/brands/Veloce/reports', token.owner!)).status).toBe(403);
  });

  it('lists the takedowns in effect for staff to enter an appeal from, and drops one once reversed', async () => {
    const listing = freshListing();
    const sent = await call('POST', '/brands/Aurelio/reports', token.trusted!, { listingId: listing, verdict: 'counterfeit' });
    const id = sent.body!.takedown.id as string;
    const inEffect = async () => (await call('GET', '/takedowns?status=taken_down&brand=aurelio&limit=200', token.supervisor!)).body!;
    const before = await inEffect();
    expect(before.items.find((t: { id: string }) => t.id === id)).toMatchObject({
      listingId: listing,
      reporter: 'gf.trusted',
      lane: 'fast',
      listingStatus: 'delisted',
    });
    expect(before.items.every((t: { status: string; brand: string }) => t.status === 'taken_down' && t.brand === 'Aurelio')).toBe(true);
    expect((await call('POST', `/takedowns/${id}/appeal`, token.supervisor!, { note: 'Seller showed the invoice' })).status).toBe(200);
    const after = await inEffect();
    expect(after.total).toBe(before.total - 1);
    expect(after.items.some((t: { id: string }) => t.id === id)).toBe(false);
    const reversed = await call('GET', '/takedowns?status=reversed&reporter=gf.trusted', token.analyst!);
    expect(reversed.body!.items.some((t: { id: string }) => t.id === id)).toBe(true);
    expect((await call('GET', '/takedowns', token.owner!)).status).toBe(403);
  });
});

describe('the audit trail as CSV', () => {
  it('exports the whole filtered trail, not a page, and records the export', async () => {
    const response = await fetch(`${server.baseUrl}/audit/export.csv?actor=gf.owner`, { headers: { authorization: `Bearer ${token.admin}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines[0]).toBe('at,actor,action,target,before,after,requestId,id');
    const [row] = await query<{ n: number }>("MATCH (e:AuditEvent {actor: 'gf.owner'}) RETURN count(e) AS n");
    const n = Number(row!.n);
    expect(n).toBeGreaterThan(3);
    expect(lines.length - 1).toBe(n);
    expect(lines.slice(1).every((l) => l.split(',')[1] === 'gf.owner')).toBe(true);
    const recorded = (await audits('audit.export')).filter((e) => e.actor === 'gf.admin');
    expect(recorded.map((e) => JSON.parse(e.after!))).toContainEqual({ actor: 'gf.owner', rows: n });
    expect((await fetch(`${server.baseUrl}/audit/export.csv`, { headers: { authorization: `Bearer ${token.analyst}` } })).status).toBe(403);
  });
});

describe('the audit trail', () => {
  it('records sign-ins and failed sign-ins with the attempted username, never the password', async () => {
    const password = 'a-long-gf-password-123';
    await server.app.get(AuthService).createUser({ username: 'gf.signin', password, roles: ['analyst'], brands: [] });
    expect((await call('POST', '/auth/login', null, { username: 'GF.Signin', password: 'wrong-password-guess' })).status).toBe(401);
    expect((await call('POST', '/auth/login', null, { username: 'gf.ghost', password: 'wrong-password-guess' })).status).toBe(401);
    expect((await call('POST', '/auth/login', null, { username: 'gf.signin', password })).status).toBe(200);
    const failed = await audits('auth.login-failed');
    expect(failed.map((f) => [f.actor, JSON.parse(f.after!).reason])).toEqual(
      expect.arrayContaining([
        ['gf.signin', 'wrong password'],
        ['gf.ghost', 'unknown account'],
      ]),
    );
    expect((await audits('auth.login', 'user:gf.signin'))[0]).toMatchObject({ actor: 'gf.signin' });
    const all = JSON.stringify(await query("MATCH (e:AuditEvent) WHERE e.action STARTS WITH 'auth.' RETURN e.after AS after"));
    expect(all).not.toContain('wrong-password-guess');
    expect(all).not.toContain(password);
  });

  it('records refused actions on state-changing routes, from the guard and from a service, but not refused reads', async () => {
    expect((await call('POST', '/brands/Veloce/reports', token.owner!, { listingId: listings[0], verdict: 'counterfeit' })).status).toBe(403);
    expect((await call('POST', '/takedowns/00000000-0000-4000-8000-000000000000/appeal', token.analyst!, { note: 'not mine to enter' })).status).toBe(403);
    expect((await call('GET', '/audit', token.analyst!)).status).toBe(403);
    const refused = await audits('access.refused');
    expect(refused.map((r) => [r.actor, r.target])).toEqual(
      expect.arrayContaining([
        ['gf.owner', 'route:POST /brands/Veloce/reports'],
        ['gf.analyst', 'route:POST /takedowns/00000000-0000-4000-8000-000000000000/appeal'],
      ]),
    );
    expect(refused.some((r) => r.target === 'route:GET /audit')).toBe(false);
    expect(JSON.parse(refused.find((r) => r.actor === 'gf.analyst')!.after!).reason).toMatch(/takedowns\.appeal/);
  });

  it("records who saw which seller's identity, only for unredacted answers", async () => {
    const [shop] = await query<{ shop: string; seller: string }>(
      'MATCH (s:Shop)<-[:OWNS]-(u:Seller) RETURN s.id AS shop, u.id AS seller ORDER BY s.id LIMIT 1',
    );
    expect((await call('GET', `/shops/${shop!.shop}`, token.analyst!)).status).toBe(200);
    expect((await audits('identities.read', `seller:${shop!.seller}`)).filter((e) => e.actor === 'gf.analyst')).toEqual([]);
    expect((await call('GET', `/shops/${shop!.shop}`, token.supervisor!)).status).toBe(200);
    const seen = await audits('identities.read', `seller:${shop!.seller}`);
    expect(seen).toEqual([expect.objectContaining({ actor: 'gf.supervisor' })]);
    expect(JSON.parse(seen[0]!.after!)).toEqual({ via: `GET /shops/${shop!.shop}` });
  });
});
