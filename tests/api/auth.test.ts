import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { permissionsOf } from '@ringwatch/permissions';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { ROOT, startTestServer, testEnv, type TestServer } from '../setup/app';

let server: TestServer;
const neo4j = inject('neo4j');
const PASSWORD = 'a-long-test-password';

async function call(method: string, path: string, options: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, any> };
}
const login = async (username: string) => (await call('POST', '/auth/login', { body: { username, password: PASSWORD } })).body.token as string;

async function removeTestUsers(): Promise<void> {
  const { driver } = await import('../setup/graph').then(async (m) => ({ driver: await m.testDriver() }));
  await driver.executeQuery("MATCH (u:User) WHERE u.username STARTS WITH 'test.' DETACH DELETE u", {}, { database: neo4j.database });
  await driver.executeQuery("MATCH (e:AuditEvent) WHERE e.target STARTS WITH 'user:test.' DETACH DELETE e", {}, { database: neo4j.database });
  await driver.executeQuery('MATCH (b:Brand {testOnly: true}) DETACH DELETE b', {}, { database: neo4j.database });
  await driver.close();
}

/** A brand owner can only be bound to a brand the data knows: this file runs without a marketplace, so it makes the one it binds. */
async function knownBrand(name: string): Promise<void> {
  const driver = await import('../setup/graph').then((m) => m.testDriver());
  await driver.executeQuery('MERGE (b:Brand {name: $name}) ON CREATE SET b.testOnly = true', { name }, { database: neo4j.database });
  await driver.close();
}

beforeAll(async () => {
  // Other files make test.* users for their tokens (tokenFor); this one creates its own from scratch.
  await removeTestUsers();
  await knownBrand('Aurelio');
  server = await startTestServer();
  await server.app.get(AuthService).createUser({ username: 'test.admin', password: PASSWORD, roles: ['admin'], brands: [] });
  await server.app.get(AuthService).createUser({ username: 'test.analyst', password: PASSWORD, roles: ['analyst'], brands: [] });
});
afterAll(async () => {
  await removeTestUsers();
  await server?.close();
});

describe('sign-in and roles', () => {
  it('signs in with the right password only', async () => {
    const ok = await call('POST', '/auth/login', { body: { username: 'test.analyst', password: PASSWORD } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ roles: ['analyst'], token: expect.stringMatching(/^v1\./) });
    expect((await call('POST', '/auth/login', { body: { username: 'test.analyst', password: 'wrong-password' } })).status).toBe(401);
    expect((await call('POST', '/auth/login', { body: { username: 'nobody', password: PASSWORD } })).status).toBe(401);
    const bad = await call('POST', '/auth/login', { body: { username: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['username', 'password']);
  });

  it('answers 401 without a valid token and 403, naming the permission, for the wrong role', async () => {
    expect((await call('GET', '/users')).status).toBe(401);
    expect((await call('GET', '/users', { token: 'v1.garbage.sig' })).status).toBe(401);
    const analyst = await login('test.analyst');
    const refused = await call('GET', '/users', { token: analyst });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/^needs the permission users\.manage /);
    expect((await call('GET', '/auth/me', { token: analyst })).body).toEqual({
      username: 'test.analyst',
      roles: ['analyst'],
      brands: [],
      permissions: permissionsOf(['analyst']),
    });
    expect((await call('GET', '/auth/me', { token: analyst })).body.permissions).toContain('shutdown.propose');
  });

  it('lets an admin create users, with field-level errors and conflicts', async () => {
    const admin = await login('test.admin');
    const created = await call('POST', '/users', {
      token: admin,
      body: { username: 'test.brand', password: PASSWORD, roles: ['brand_owner'], brands: ['Aurelio'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'test.brand', roles: ['brand_owner'], brands: ['Aurelio'], active: true });
    expect(JSON.stringify(created.body)).not.toContain(PASSWORD);
    expect((await call('POST', '/users', { token: admin, body: { username: 'test.brand', password: PASSWORD, roles: ['analyst'] } })).status).toBe(409);
    const invalid = await call('POST', '/users', { token: admin, body: { username: 'X', password: 'short', roles: ['brand_owner'] } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['brands', 'password', 'username']);
    const listed = await call('GET', '/users?limit=500', { token: admin });
    expect(listed.status).toBe(400);
  });

  it('audits the user change, readable by admins and supervisors only', async () => {
    const admin = await login('test.admin');
    const trail = await call('GET', '/audit?action=user.create&actor=test.admin', { token: admin });
    expect(trail.status).toBe(200);
    expect(trail.body.items[0]).toMatchObject({ actor: 'test.admin', action: 'user.create', target: 'user:test.brand', requestId: expect.any(String) });
    expect(JSON.parse(trail.body.items[0].after)).toEqual({ roles: ['brand_owner'], brands: ['Aurelio'], active: true });
    expect(JSON.stringify(trail.body)).not.toContain(PASSWORD);
    // Filtered by a part of the target and by days (UTC, both inclusive), over the whole trail.
    const today = new Date().toISOString().slice(0, 10);
    const byTarget = await call('GET', `/audit?target=test.brand&from=${today}&to=${today}`, { token: admin });
    expect(byTarget.status).toBe(200);
    expect(byTarget.body.items.length).toBeGreaterThan(0);
    expect(byTarget.body.items.every((e: { target: string }) => e.target.includes('test.brand'))).toBe(true);
    expect((await call('GET', '/audit?target=test.brand&to=2000-01-01', { token: admin })).body.total).toBe(0);
    expect((await call('GET', '/audit?from=2000-13-01', { token: admin })).status).toBe(400);
    expect((await call('GET', '/audit', { token: await login('test.analyst') })).status).toBe(403);
  });
});

describe('route walk', () => {
  it('refuses every route without a token except health, docs and sign-in', async () => {
    const doc = (await (await fetch(`${server.baseUrl}/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const open = new Set(['get /health', 'get /health/ready', 'post /auth/login']);
    const walked: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const concrete = path.replace(/\{[^}]+\}/g, 'x');
        const status = (await call(method.toUpperCase(), concrete, method === 'get' ? {} : { body: {} })).status;
        walked.push(`${method} ${path}`);
        if (open.has(`${method} ${path}`)) expect(status, `${method} ${path}`).not.toBe(401);
        else expect(status, `${method} ${path}`).toBe(401);
      }
    }
    expect(walked.length).toBeGreaterThanOrEqual(5);
  });
});

describe('users CLI', () => {
  // Run without blocking: the test server lives in this process, and a CLI run longer than the
  // server's keep-alive timeout, with the event loop blocked, left fetch a reused socket the server
  // then closed (ECONNRESET under load).
  const cli = async (...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'apps', 'api', 'src', 'cli', 'users.ts'), ...args],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, ...testEnv() },
        },
      );
      return { status: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { status: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  };

  it('adds a user whose printed password signs in, and lists it', async () => {
    const added = await cli('add', '--username', 'test.cli', '--role', 'liaison');
    expect(added.status).toBe(0);
    const password = /password, shown once: (\S+)/.exec(added.stdout)![1]!;
    expect((await call('POST', '/auth/login', { body: { username: 'test.cli', password } })).body.roles).toEqual(['liaison']);
    expect((await cli('list')).stdout).toMatch(/test\.cli\s+liaison/);
  }, 60_000);

  it('refuses a bad user with the reason and exit code 1', async () => {
    const bad = await cli('add', '--username', 'test.owner', '--role', 'brand_owner');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/brands: a brand owner needs at least one brand/);
  }, 60_000);
});
