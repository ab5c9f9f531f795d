import { SAVED_VIEWS_PER_USER, SavedViewListSchema, SavedViewSchema } from '@ringwatch/wire';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { startTestServer, tokenFor, type TestServer } from '../setup/app';
import { testDriver, wipeWork } from '../setup/graph';
import { expectWire } from '../setup/wire';
import { callApi } from '../setup/client';

/**
 * Saved views: named inbox filters of one person. Nobody sees, or deletes, another's views; names are
 * unique per person, a person keeps at most SAVED_VIEWS_PER_USER, and each save and deletion is audited.
 * No marketplace is needed: views are filters, not cases.
 */
const neo4j = inject('neo4j');
let server: TestServer;
let driver: Driver;
const token: Record<string, string> = {};
const USERS = { analyst: 'views.analyst', supervisor: 'views.supervisor', liaison: 'views.liaison', brand: 'views.brand', gone: 'views.gone' };

const call = (method: string, pathname: string, who: string, body?: unknown) => callApi(server.baseUrl, method, pathname, token[who], body);

const viewsOf = async (who: string) => {
  const answer = await call('GET', '/cases/views', who);
  expect(answer.status).toBe(200);
  return expectWire(SavedViewListSchema, answer.body);
};

const audited = async (target: string) =>
  (
    await driver.executeQuery(
      'MATCH (e:AuditEvent {target: $target}) RETURN e.action AS action, e.actor AS actor, e.before AS before, e.after AS after ORDER BY e.at',
      {
        target,
      },
      { database: neo4j.database },
    )
  ).records.map((r) => r.toObject());

beforeAll(async () => {
  driver = await testDriver();
  await wipeWork(driver);
  server = await startTestServer();
  token.analyst = await tokenFor(server, { sub: USERS.analyst, roles: ['analyst'], brands: [] });
  token.supervisor = await tokenFor(server, { sub: USERS.supervisor, roles: ['supervisor'], brands: [] });
  token.liaison = await tokenFor(server, { sub: USERS.liaison, roles: ['liaison'], brands: [] });
  token.brand = await tokenFor(server, { sub: USERS.brand, roles: ['brand_owner'], brands: ['Aurelio'] });
  token.gone = await tokenFor(server, { sub: USERS.gone, roles: ['analyst'], brands: [] });
});
afterAll(async () => {
  await server?.close();
  if (driver) {
    await wipeWork(driver);
    await driver.executeQuery("MATCH (e:AuditEvent) WHERE e.target STARTS WITH 'saved-view:' DETACH DELETE e", {}, { database: neo4j.database });
    await driver.close();
  }
});

describe('saved views of the inbox', () => {
  let mine: Record<string, any>;

  it('a person saves a named filter and finds it in their list, audited in the same breath', async () => {
    expect(await viewsOf('analyst')).toEqual({ items: [], max: SAVED_VIEWS_PER_USER });
    const saved = await call('POST', '/cases/views', 'analyst', {
      name: '  Urgent   and mine ',
      filter: { assignee: 'me', status: 'open', priority: 'urgent' },
    });
    expect(saved.status).toBe(201);
    mine = expectWire(SavedViewSchema, saved.body);
    expect(mine).toMatchObject({ name: 'Urgent and mine', filter: { assignee: 'me', status: 'open', priority: 'urgent' } });
    expect((await viewsOf('analyst')).items).toEqual([mine]);
    // The filter is the inbox's own: it answers as GET /cases with the same query.
    expect((await call('GET', '/cases?assignee=me&status=open&priority=urgent', 'analyst')).status).toBe(200);
    const trail = await audited(`saved-view:${mine.id}`);
    expect(trail).toEqual([expect.objectContaining({ action: 'case.view.save', actor: USERS.analyst, before: 'null' })]);
    expect(JSON.parse(trail[0]!.after as string)).toEqual({ name: 'Urgent and mine', filter: mine.filter });
  });

  it('nobody else sees it, or can delete it', async () => {
    expect((await viewsOf('supervisor')).items).toEqual([]);
    expect((await call('DELETE', `/cases/views/${mine.id}`, 'supervisor')).status).toBe(404);
    expect((await viewsOf('analyst')).items.map((v) => v.id)).toEqual([mine.id]);
    // The same name is free for another person.
    const theirs = await call('POST', '/cases/views', 'supervisor', { name: 'Urgent and mine', filter: { status: 'shutdown_proposed' } });
    expect(theirs.status).toBe(201);
    expect((await viewsOf('supervisor')).items.map((v) => v.name)).toEqual(['Urgent and mine']);
    expect((await viewsOf('analyst')).items.map((v) => v.id)).toEqual([mine.id]);
  });

  it('names are unique per person (trimmed, case-blind): 409; bad filters are 400; reading cases is the permission', async () => {
    const again = await call('POST', '/cases/views', 'analyst', { name: 'URGENT AND MINE', filter: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('already have a view named');
    expect((await call('POST', '/cases/views', 'analyst', { name: 'Odd', filter: { status: 'closed' } })).status).toBe(400);
    expect((await call('POST', '/cases/views', 'analyst', { name: 'Odd', filter: { colour: 'red' } })).status).toBe(400);
    expect((await call('POST', '/cases/views', 'analyst', { name: '   ', filter: {} })).status).toBe(400);
    expect((await call('DELETE', '/cases/views/not-a-view', 'analyst')).status).toBe(400);
    expect((await call('GET', '/cases/views', 'brand')).status).toBe(403);
    expect((await call('POST', '/cases/views', 'brand', { name: 'Mine', filter: {} })).status).toBe(403);
    expect((await call('POST', '/cases/views', 'liaison', { name: 'Referred', filter: { status: 'referred' } })).status).toBe(201);
    expect((await viewsOf('analyst')).items).toHaveLength(1);
  });

  it('of concurrent saves of one name exactly one wins', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => call('POST', '/cases/views', 'analyst', { name: 'High risk', filter: { minRisk: 70 } })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect((await viewsOf('analyst')).items.map((v) => v.name)).toEqual(['Urgent and mine', 'High risk']);
  });

  it('a person keeps at most SAVED_VIEWS_PER_USER views, also when saving several at once', async () => {
    const held = (await viewsOf('analyst')).items.length;
    for (let i = held; i < SAVED_VIEWS_PER_USER - 2; i++) {
      expect((await call('POST', '/cases/views', 'analyst', { name: `View ${i}`, filter: { minRisk: i } })).status).toBe(201);
    }
    const racing = await Promise.all(
      Array.from({ length: 5 }, (_, i) => call('POST', '/cases/views', 'analyst', { name: `Racing ${i}`, filter: { priority: 'high' } })),
    );
    expect(racing.filter((a) => a.status === 201)).toHaveLength(2);
    const refused = racing.filter((a) => a.status === 409);
    expect(refused).toHaveLength(3);
    expect(refused[0]!.body.error.message).toContain(`${SAVED_VIEWS_PER_USER} saved views`);
    expect((await viewsOf('analyst')).items).toHaveLength(SAVED_VIEWS_PER_USER);
    // Others are not held by one person's cap.
    expect((await call('POST', '/cases/views', 'supervisor', { name: 'Another', filter: {} })).status).toBe(201);
  });

  it('deleting frees the name and a place, and is audited; a deleted view is gone for good', async () => {
    const deleted = await call('DELETE', `/cases/views/${mine.id}`, 'analyst');
    expect(deleted.status).toBe(204);
    expect((await call('DELETE', `/cases/views/${mine.id}`, 'analyst')).status).toBe(404);
    const trail = await audited(`saved-view:${mine.id}`);
    expect(trail.map((e) => e.action)).toEqual(['case.view.save', 'case.view.delete']);
    expect(JSON.parse(trail[1]!.before as string)).toEqual({ name: 'Urgent and mine', filter: mine.filter });
    // Refused requests wrote nothing.
    const [all] = (
      await driver.executeQuery(
        "MATCH (e:AuditEvent) WHERE e.action STARTS WITH 'case.view.' AND e.actor = $actor RETURN count(e) AS n",
        { actor: USERS.analyst },
        { database: neo4j.database },
      )
    ).records;
    expect(Number(all!.get('n'))).toBe(SAVED_VIEWS_PER_USER + 1);
    expect((await call('POST', '/cases/views', 'analyst', { name: 'urgent and mine', filter: { assignee: 'me' } })).status).toBe(201);
  });

  it("an account's views go with the account", async () => {
    expect((await call('POST', '/cases/views', 'gone', { name: 'Mine', filter: { assignee: 'me' } })).status).toBe(201);
    await server.app.get(AuthService).deleteUser(USERS.gone, { name: 'test' });
    const [left] = (await driver.executeQuery('MATCH (v:SavedView {owner: $owner}) RETURN count(v) AS n', { owner: USERS.gone }, { database: neo4j.database }))
      .records;
    expect(Number(left!.get('n'))).toBe(0);
  });
});
