import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DatabaseMonitor } from '../../apps/api/src/database/database-monitor';
import { startTestServer, tokenFor, type TestServer } from '../setup/app';
import { startTcpProxy, type TcpProxy } from '../setup/tcp-proxy';

/**
 * The API in front of a database that goes away: its connection to the run's Neo4j runs through a
 * relay the test cuts (connections reset, port closed, as when the server dies) and restores.
 */
let proxy: TcpProxy;
let server: TestServer;
let token: string;

beforeAll(async () => {
  const target = new URL(inject('neo4j').uri);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
  // The defaults (probe every 1 s, 800 ms deadline): the second-long bound below is the product's.
  server = await startTestServer({ NEO4J_URI: `bolt://127.0.0.1:${proxy.port}` });
  token = await tokenFor(server, { sub: 'test.outage', roles: ['analyst'], brands: [] });
});
afterAll(async () => {
  await proxy?.restore().catch(() => undefined);
  await server?.close();
  await proxy?.close();
});

async function timed(path: string, init: RequestInit = {}): Promise<{ status: number; body: { error?: { code: string; message: string } }; ms: number }> {
  const began = performance.now();
  const response = await fetch(`${server.baseUrl}${path}`, init);
  const body = (await response.json()) as { error?: { code: string; message: string } };
  return { status: response.status, body, ms: performance.now() - began };
}

const waitFor = async (what: () => Promise<boolean>, ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await what()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
};

describe('the API while its database is away', () => {
  it('answers /health 503 with the cause within a second, fails other routes fast with 503, and recovers by itself', async () => {
    expect((await timed('/health')).status).toBe(200);

    await proxy.cut();
    // At once, before the monitor's next probe: the health check's own deadline answers.
    const first = await timed('/health');
    expect(first.status).toBe(503);
    expect(first.ms).toBeLessThan(1000);
    expect(first.body.error).toMatchObject({ code: 'database_unavailable', message: expect.stringMatching(/^the database is unavailable: .+/) });

    // Once the monitor has seen it: every route, sign-in included, answers 503 without touching the driver.
    expect(await waitFor(async () => server.app.get(DatabaseMonitor).state.status === 'down', 3000)).toBe(true);
    const health = await timed('/health');
    expect(health).toMatchObject({ status: 503, body: { error: { code: 'database_unavailable' } } });
    expect(health.body.error?.message).toMatch(/ECONNREFUSED|connect|closed|no answer/i);
    expect(health.ms).toBeLessThan(200);
    const clusters = await timed('/clusters', { headers: { authorization: `Bearer ${token}` } });
    expect(clusters.status).toBe(503);
    expect(clusters.ms).toBeLessThan(200);
    const signIn = await timed('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'test.outage', password: 'not-the-password' }),
    });
    expect(signIn.status).toBe(503);

    await proxy.restore();
    expect(await waitFor(async () => (await timed('/health')).status === 200, 10_000)).toBe(true);
    expect((await timed('/clusters', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});
