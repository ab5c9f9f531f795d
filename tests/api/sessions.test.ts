import http from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { testDriver } from '../setup/graph';
import { startTestServer, type TestServer } from '../setup/app';

/**
 * Sign-in that can be taken back (issue 18, item 2): every way of revoking an account's tokens makes the
 * old token fail on the very next request, and sign-in is limited per account as well as per address,
 * with lockout and back-off, whatever spelling of the path reaches it.
 */
const neo4j = inject('neo4j');
const PASSWORD = 'a-long-test-password';
const NEW_PASSWORD = 'another-long-password';

interface Answer {
  status: number;
  body: Record<string, any>;
  retryAfter: string | undefined;
}

/**
 * A request from a chosen loopback address (127.0.0.x all reach a server on 127.0.0.1), so limits per
 * client address and per account can be told apart: the API trusts no proxy header, only the socket.
 */
function call(server: TestServer, method: string, path: string, options: { token?: string; body?: unknown; from?: string } = {}): Promise<Answer> {
  const url = new URL(server.baseUrl);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        localAddress: options.from ?? '127.0.0.1',
        agent: false,
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let body: Record<string, any> = {};
          try {
            body = text === '' ? {} : (JSON.parse(text) as typeof body);
          } catch {
            body = { text };
          }
          resolve({ status: response.statusCode ?? 0, body, retryAfter: response.headers['retry-after'] });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const servers: TestServer[] = [];

async function serverWith(env: Record<string, string>): Promise<TestServer> {
  const server = await startTestServer(env);
  servers.push(server);
  return server;
}

async function makeUser(server: TestServer, username: string, roles: ('admin' | 'analyst' | 'supervisor')[] = ['analyst']): Promise<void> {
  await server.app.get(AuthService).createUser({ username, password: PASSWORD, roles, brands: [] });
}

async function signIn(server: TestServer, username: string, password = PASSWORD): Promise<string> {
  const answer = await call(server, 'POST', '/auth/login', { body: { username, password } });
  expect(answer.status, `sign-in of ${username}`).toBe(200);
  return answer.body.token as string;
}

afterAll(async () => {
  const driver = await testDriver();
  await driver.executeQuery("MATCH (u:User) WHERE u.username STARTS WITH 'sess.' DETACH DELETE u", {}, { database: neo4j.database });
  await driver.executeQuery("MATCH (e:AuditEvent) WHERE e.target STARTS WITH 'user:sess.' DETACH DELETE e", {}, { database: neo4j.database });
  await driver.close();
  for (const server of servers) await server.close();
});

describe('revocation', () => {
  let server: TestServer;
  let admin: string;
  const me = (token: string) => call(server, 'GET', '/auth/me', { token });

  beforeAll(async () => {
    // Generous sign-in limits: this part signs in often and is about tokens, not guessing.
    server = await serverWith({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000', LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE: '1000' });
    for (const name of ['sess.deactivated', 'sess.promoted', 'sess.reset', 'sess.deleted', 'sess.leaver', 'sess.gone']) await makeUser(server, name);
    await makeUser(server, 'sess.admin', ['admin']);
    admin = await signIn(server, 'sess.admin');
  });

  it('deactivation: the old token answers 401 on the next request, sign-in is refused, reactivation does not revive it', async () => {
    const token = await signIn(server, 'sess.deactivated');
    expect((await me(token)).status).toBe(200);
    const changed = await call(server, 'PATCH', '/users/sess.deactivated', { token: admin, body: { active: false } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ username: 'sess.deactivated', active: false });
    expect((await me(token)).status).toBe(401);
    expect((await call(server, 'POST', '/auth/login', { body: { username: 'sess.deactivated', password: PASSWORD } })).status).toBe(401);
    expect((await call(server, 'PATCH', '/users/sess.deactivated', { token: admin, body: { active: true } })).status).toBe(200);
    expect((await me(token)).status).toBe(401);
    expect((await me(await signIn(server, 'sess.deactivated'))).status).toBe(200);
  });

  it('role change: the token with the old roles answers 401; a new sign-in carries the new roles', async () => {
    const token = await signIn(server, 'sess.promoted');
    expect((await call(server, 'GET', '/audit', { token })).status).toBe(403);
    const changed = await call(server, 'PATCH', '/users/sess.promoted', { token: admin, body: { roles: ['supervisor'] } });
    expect(changed.body).toMatchObject({ roles: ['supervisor'] });
    expect((await me(token)).status).toBe(401);
    const fresh = await signIn(server, 'sess.promoted');
    expect((await me(fresh)).body.roles).toEqual(['supervisor']);
    expect((await call(server, 'GET', '/audit', { token: fresh })).status).toBe(200);
    // The brand-owner rule holds for changes as for creation.
    const invalid = await call(server, 'PATCH', '/users/sess.promoted', { token: admin, body: { roles: ['brand_owner'] } });
    expect(invalid.status).toBe(400);
    expect((await me(fresh)).status).toBe(200);
  });

  it('password reset: the old token and the old password fail, the new password signs in', async () => {
    const token = await signIn(server, 'sess.reset');
    const reset = await call(server, 'POST', '/users/sess.reset/password', { token: admin, body: { password: NEW_PASSWORD } });
    expect(reset.status).toBe(204);
    expect((await me(token)).status).toBe(401);
    expect((await call(server, 'POST', '/auth/login', { body: { username: 'sess.reset', password: PASSWORD } })).status).toBe(401);
    expect((await me(await signIn(server, 'sess.reset', NEW_PASSWORD))).status).toBe(200);
    expect((await call(server, 'POST', '/users/sess.nobody/password', { token: admin, body: { password: NEW_PASSWORD } })).status).toBe(404);
  });

  it('deletion: the old token answers 401; deleting again is 404', async () => {
    const token = await signIn(server, 'sess.deleted');
    expect((await call(server, 'DELETE', '/users/sess.deleted', { token: admin })).status).toBe(204);
    expect((await me(token)).status).toBe(401);
    expect((await call(server, 'DELETE', '/users/sess.deleted', { token: admin })).status).toBe(404);
  });

  it('an account removed behind the API (directly in the database) takes its tokens with it', async () => {
    const token = await signIn(server, 'sess.gone');
    const driver = await testDriver();
    try {
      await driver.executeQuery("MATCH (u:User {username: 'sess.gone'}) DETACH DELETE u", {}, { database: neo4j.database });
    } finally {
      await driver.close();
    }
    expect((await me(token)).status).toBe(401);
  });

  it("sign-out: the token answers 401 on the next request, and so do the account's other tokens", async () => {
    const token = await signIn(server, 'sess.leaver');
    const other = await signIn(server, 'sess.leaver');
    expect((await call(server, 'POST', '/auth/logout')).status).toBe(401);
    expect((await call(server, 'POST', '/auth/logout', { token })).status).toBe(204);
    expect((await me(token)).status).toBe(401);
    expect((await me(other)).status).toBe(401);
    expect((await call(server, 'POST', '/auth/logout', { token })).status).toBe(401);
    expect((await me(await signIn(server, 'sess.leaver'))).status).toBe(200);
  });

  it('audits every change, never the password, and refuses the changes to non-admins', async () => {
    const trail = await call(server, 'GET', '/audit?limit=200', { token: admin });
    const entries = (trail.body.items as { actor: string; action: string; target: string; before: string | null; after: string | null }[]).filter((e) =>
      e.target.startsWith('user:sess.'),
    );
    const seen = (action: string, target: string, actor = 'sess.admin') => entries.find((e) => e.action === action && e.target === target && e.actor === actor);
    const updates = entries.filter((e) => e.action === 'user.update' && e.target === 'user:sess.deactivated').map((e) => JSON.parse(e.after ?? 'null'));
    expect(updates).toEqual([expect.objectContaining({ active: true }), expect.objectContaining({ active: false })]);
    expect(JSON.parse(seen('user.update', 'user:sess.promoted')?.before ?? 'null')).toMatchObject({ roles: ['analyst'] });
    expect(seen('user.password-reset', 'user:sess.reset')).toBeDefined();
    expect(JSON.parse(seen('user.delete', 'user:sess.deleted')?.before ?? 'null')).toMatchObject({ roles: ['analyst'], active: true });
    expect(seen('user.logout', 'user:sess.leaver', 'sess.leaver')).toBeDefined();
    expect(JSON.stringify(trail.body)).not.toContain(PASSWORD);
    expect(JSON.stringify(trail.body)).not.toContain(NEW_PASSWORD);
    const analyst = await signIn(server, 'sess.reset', NEW_PASSWORD);
    expect((await call(server, 'PATCH', '/users/sess.promoted', { token: analyst, body: { active: false } })).status).toBe(403);
    expect((await call(server, 'DELETE', '/users/sess.promoted', { token: analyst })).status).toBe(403);
    expect((await call(server, 'POST', '/users/sess.promoted/password', { token: analyst, body: { password: NEW_PASSWORD } })).status).toBe(403);
  });
});

/** The spellings of the sign-in path that Express routes to the sign-in handler (case-insensitive, trailing slash). */
const SPELLINGS = ['/auth/login', '/auth/login/', '/Auth/Login', '/AUTH/LOGIN/', '/auth/Login/'];

describe('sign-in limits', () => {
  it('finds no other spelling that reaches sign-in (Express 5 does not collapse slashes or decode the path)', async () => {
    const server = await serverWith({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000', LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE: '1000' });
    await makeUser(server, 'sess.other');
    for (const path of ['/auth//login', '//auth/login', '/auth/%6Cogin', '/auth/login%2F', '/auth/login/.', '/auth/./login', '/auth/login;x']) {
      const answer = await call(server, 'POST', path, { body: { username: 'sess.other', password: PASSWORD } });
      expect(answer.status, path).toBe(404);
      expect(answer.body.token, path).toBeUndefined();
    }
  });

  it('counts attempts per account across client addresses, path spellings and username case', async () => {
    // Per address high, per account 5, no lockout: only the account key can refuse here.
    const server = await serverWith({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000', LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE: '5', LOGIN_LOCKOUT_THRESHOLD: '0' });
    await makeUser(server, 'sess.target');
    await makeUser(server, 'sess.bystander');
    const spellings = ['sess.target', 'SESS.TARGET', ' Sess.Target ', 'sess.Target', 'sess.target'];
    for (const [i, username] of spellings.entries()) {
      const answer = await call(server, 'POST', SPELLINGS[i % SPELLINGS.length]!, { body: { username, password: 'wrong-password' }, from: `127.0.0.${i + 2}` });
      expect(answer.status, `attempt ${i + 1} as ${username}`).toBe(401);
    }
    // The sixth attempt on the account, from yet another address, with the right password: refused.
    const refused = await call(server, 'POST', '/Auth/Login/', { body: { username: 'sess.target', password: PASSWORD }, from: '127.0.0.9' });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // Another account from the same addresses is not affected.
    expect((await call(server, 'POST', '/auth/login', { body: { username: 'sess.bystander', password: PASSWORD }, from: '127.0.0.9' })).status).toBe(200);
  });

  it('counts attempts per address over every spelling of the path that reaches sign-in', async () => {
    const server = await serverWith({
      LOGIN_RATE_LIMIT_PER_MINUTE: String(SPELLINGS.length),
      LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE: '1000',
      LOGIN_LOCKOUT_THRESHOLD: '0',
    });
    await makeUser(server, 'sess.spelled');
    for (const [i, spelling] of SPELLINGS.entries()) {
      // Different accounts each time: only the address key counts them all.
      const answer = await call(server, 'POST', spelling, { body: { username: `sess.guess${i}`, password: 'wrong-password' } });
      expect(answer.status, spelling).toBe(401);
    }
    for (const spelling of SPELLINGS) {
      const refused = await call(server, 'POST', spelling, { body: { username: 'sess.spelled', password: PASSWORD } });
      expect(refused.status, spelling).toBe(429);
      expect(Number(refused.retryAfter), spelling).toBeGreaterThan(0);
    }
    // Another address may still sign in.
    expect((await call(server, 'POST', '/auth/login', { body: { username: 'sess.spelled', password: PASSWORD }, from: '127.0.0.2' })).status).toBe(200);
  });

  it('locks an account after repeated failures, with back-off, refusing even the right password, the same for unknown accounts', async () => {
    const server = await serverWith({
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE: '1000',
      LOGIN_LOCKOUT_THRESHOLD: '3',
      LOGIN_LOCKOUT_BASE_SECONDS: '1',
      LOGIN_LOCKOUT_MAX_SECONDS: '2',
    });
    await makeUser(server, 'sess.locked');
    const attempt = (username: string, password: string, path = '/auth/login') => call(server, 'POST', path, { body: { username, password } });
    /** The answers (status and Retry-After) an account gives through a lockout and its back-off. */
    const walk = async (username: string, password: string): Promise<string[]> => {
      const seen: string[] = [];
      const note = (a: Answer) => seen.push(`${a.status}${a.retryAfter === undefined ? '' : ` retry ${a.retryAfter}`}`);
      for (const path of ['/auth/login', '/Auth/Login/', '/AUTH/LOGIN']) note(await attempt(username.toUpperCase(), 'wrong-password', path));
      const locked = await attempt(username, password);
      note(locked);
      await sleep(Number(locked.retryAfter) * 1000 + 100);
      note(await attempt(username, 'wrong-password')); // a fourth failure: locked for twice as long
      const again = await attempt(username, password);
      note(again);
      await sleep(Number(again.retryAfter) * 1000 + 100);
      note(await attempt(username, 'wrong-password')); // a fifth: capped at the maximum
      note(await attempt(username, password));
      return seen;
    };
    const known = await walk('sess.locked', PASSWORD);
    expect(known).toEqual(['401', '401', '401', '429 retry 1', '401', '429 retry 2', '401', '429 retry 2']);
    // An account that does not exist gives the very same answers: lockout tells nothing about existence.
    expect(await walk('sess.unknown', PASSWORD)).toEqual(known);
    // Once the lock has passed, the right password signs in and clears the count.
    await sleep(2100);
    expect((await attempt('sess.locked', PASSWORD)).status).toBe(200);
    expect((await attempt('sess.locked', 'wrong-password')).status).toBe(401);
    expect((await attempt('sess.locked', PASSWORD)).status).toBe(200);
  });
});
