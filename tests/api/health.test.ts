import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WarmUp } from '../../apps/api/src/common/warm-up';
import { startTestServer, type TestServer, tokenFor } from '../setup/app';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('GET /health over HTTP', () => {
  it('reports the Neo4j version, GDS availability and applied migrations', async () => {
    const response = await fetch(`${server.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/.+/);
    const body = (await response.json()) as {
      status: string;
      neo4j: { version: string; edition: string };
      gds: { available: boolean; version: string | null };
      migrations: { id: string }[];
    };
    expect(body.status).toBe('ok');
    expect(body.neo4j.version).toMatch(/^\d+\.\d+/);
    expect(['community', 'enterprise']).toContain(body.neo4j.edition);
    expect(body.migrations.map((m) => m.id)).toContain('0001');
    if (inject('neo4j').mode === 'local') {
      // The local launcher ships GDS; a server of the user's own may not.
      expect(body.gds).toEqual({ available: true, version: expect.stringMatching(/^2\./) });
    }
  });

  it('says when the process is ready for people: 503 while a start-up warm-up runs, 200 once they have ended', async () => {
    const warmUp = server.app.get(WarmUp);
    let finish!: () => void;
    warmUp.track('test', new Promise<void>((resolve) => (finish = resolve)));
    const warming = await fetch(`${server.baseUrl}/health/ready`);
    expect(warming.status).toBe(503);
    expect(((await warming.json()) as { warming: string[] }).warming).toContain('test');
    finish();
    // The dossier warm-up (fonts, query plans) ends too, by itself.
    let ready: Response | undefined;
    for (let i = 0; i < 600 && ready?.status !== 200; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      ready = await fetch(`${server.baseUrl}/health/ready`);
    }
    expect(ready!.status).toBe(200);
    expect(await ready!.json()).toEqual({ ready: true, warming: [] });
  });

  it('serves the OpenAPI document and answers unknown routes with the error shape', async () => {
    const doc = (await (await fetch(`${server.baseUrl}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/schema/graph']));
    const missing = await fetch(`${server.baseUrl}/no-such-route`, { headers: { 'x-request-id': 'req-123' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { status: 404, code: 'not_found', requestId: 'req-123' } });
  });

  it('serves the data model as a graph for the explorer, to signed-in users only', async () => {
    expect((await fetch(`${server.baseUrl}/schema/graph`)).status).toBe(401);
    const token = await tokenFor(server, { sub: 'test.reader', roles: ['analyst'], brands: [] });
    const response = await fetch(`${server.baseUrl}/schema/graph`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { nodes: { id: string }[]; edges: { source: string; target: string; type: string }[] };
    expect(body.nodes.map((n) => n.id)).toContain('Migration');
    expect(body.nodes.map((n) => n.id)).toContain('User');
    for (const e of body.edges) expect(body.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([e.source, e.target]));
  });
});
