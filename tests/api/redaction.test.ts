import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { int as neo4jInt } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasPermission, ROLES, type Role } from '@ringwatch/permissions';
import { ReportsService } from '../../apps/api/src/reports/reports.service';
import { ROOT, tokenFor, type TestServer } from '../setup/app';
import { startSeededServer, type SeededServer } from '../setup/marketplace';
import { extractText, getDocumentProxy } from 'unpdf';

/*
 * Redaction by construction: every GET route and every export, called as each role, searched for the
 * fixture's personal data in every form it exists in (as loaded, as stored, as displayed): emails,
 * phones, street lines, seller names, account and identity-document numbers. A role without
 * identities.read must meet none of them anywhere; a role with it must meet them where they belong (so
 * the search itself is shown to work). The route list is checked against the OpenAPI document, so a
 * new GET route fails here until it is walked too.
 */

const neo4j = inject('neo4j');
let suite: SeededServer;
let server: TestServer;
const token = {} as Record<Role, string>;
const uploads: string[] = [];

/** Personal data of the fixture, found in a text by a six-character anchor (thousands of needles, megabytes of bodies). */
class Needles {
  static readonly ANCHOR = 6;
  private readonly byAnchor = new Map<string, { needle: string; what: string }[]>();
  size = 0;

  add(value: string | null | undefined, what: string): void {
    const needle = value?.trim().toLowerCase();
    if (!needle || needle.length < Needles.ANCHOR) return;
    const anchor = needle.slice(0, Needles.ANCHOR);
    const list = this.byAnchor.get(anchor) ?? [];
    if (list.some((n) => n.needle === needle)) return;
    list.push({ needle, what });
    this.byAnchor.set(anchor, list);
    this.size++;
  }

  /** Every needle in the text, as `what: needle`. */
  find(text: string): string[] {
    const t = text.toLowerCase();
    const found = new Set<string>();
    for (let i = 0; i + Needles.ANCHOR <= t.length; i++) {
      const candidates = this.byAnchor.get(t.slice(i, i + Needles.ANCHOR));
      if (candidates) for (const c of candidates) if (t.startsWith(c.needle, i)) found.add(`${c.what}: ${c.needle}`);
    }
    return [...found];
  }
}
const needles = new Needles();

/** The text a PDF shows: pdfkit's deflated content streams, their hex-string text operators decoded (built-in fonts, WinAnsi). */
/**
 * A PDF's shown text, through a real PDF reader: the dossier embeds its fonts, so text is glyph ids that only
 * the fonts' maps turn back into letters. Lines are joined with a space: a wrapped street line reads whole again.
 */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** What a body says, as text: JSON and HTML (entities decoded), a PDF's shown text, every entry of a zip. */
async function bodyText(type: string, bytes: Uint8Array): Promise<string> {
  if (type.includes('pdf')) return pdfText(bytes);
  if (type.includes('zip')) {
    const parts = await Promise.all(
      Object.entries(unzipSync(bytes)).map(async ([name, data]) => `${name}\n${name.endsWith('.pdf') ? await pdfText(data) : await bodyText('text', data)}`),
    );
    return parts.join('\n');
  }
  return strFromU8(bytes)
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, code: string) => String.fromCharCode(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

interface Call {
  /** The route as the OpenAPI document names it. */
  readonly route: string;
  readonly url: string;
  /** Whether a role with identities.read must meet personal data in the answer (when it may call the route). */
  readonly shows: boolean;
  /** A search answer repeats the caller's own query; that is not the service showing anything. */
  readonly echo?: boolean;
}
let calls: Call[] = [];

async function get(url: string, role: Role): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(`${server.baseUrl}${url}`, { headers: { authorization: `Bearer ${token[role]}` } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  let text = await bodyText(type, bytes);
  if (response.status === 200 && url.startsWith('/search')) {
    const { query: _echo, ...rest } = JSON.parse(text) as Record<string, unknown>;
    text = JSON.stringify(rest);
  }
  return { status: response.status, type, text };
}

/** The rows of one of the generator's CSV files (quoted fields with commas handled). */
function csvRows(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const names = header!.split(',');
  return lines.map((line) => {
    const cells = [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

beforeAll(async () => {
  suite = await startSeededServer(13);
  server = suite.server;
  token.analyst = await tokenFor(server, { sub: 'red.analyst', roles: ['analyst'], brands: [] });
  token.supervisor = await tokenFor(server, { sub: 'red.supervisor', roles: ['supervisor'], brands: [] });
  token.liaison = await tokenFor(server, { sub: 'red.liaison', roles: ['liaison'], brands: [] });
  token.brand_owner = await tokenFor(server, { sub: 'red.brand', roles: ['brand_owner'], brands: ['Aurelio'] });
  token.admin = await tokenFor(server, { sub: 'red.admin', roles: ['admin'], brands: [] });
  expect(Object.keys(token).sort()).toEqual([...ROLES].sort());
  const db = { database: neo4j.database };

  // The needles: everything personal the fixture holds, as the files gave it and as Neo4j stores and displays it.
  const file = (name: string) => suite.files.find((f) => path.basename(f).startsWith(name))!;
  for (const s of csvRows(file('sellers'))) {
    needles.add(s.name, 'seller name');
    needles.add(s.kyc_id, 'identity document');
    for (const e of s.emails!.split(/[;|]/)) needles.add(e, 'email as loaded');
    for (const p of s.phones!.split(/[;|]/)) needles.add(p, 'phone as loaded');
  }
  for (const a of csvRows(file('addresses'))) needles.add(a.line1, 'street line as loaded');
  for (const p of csvRows(file('payments'))) {
    needles.add(p.account, 'account number as loaded');
    needles.add(p.account!.replace(/[\s-]/g, ''), 'account number');
  }
  const stored = await suite.driver.executeQuery(
    `CALL () { MATCH (e:Email) RETURN 'email' AS what, [e.key, e.display] AS values
       UNION ALL MATCH (p:Phone) RETURN 'phone' AS what, [p.key, p.display] AS values
       UNION ALL MATCH (a:Address) RETURN 'street line' AS what, [a.text, a.key] AS values
       UNION ALL MATCH (u:Seller) RETURN 'seller name' AS what, [u.name] AS values }
     RETURN what, values`,
    {},
    db,
  );
  for (const r of stored.records) for (const v of r.get('values') as (string | null)[]) needles.add(v, `${r.get('what') as string} as stored`);

  // Every kind of record a GET route shows: a report (run first: it runs detection again, same clusters),
  // a recidivism alert naming a phone and a device, a shutdown proposal and an upload.
  const cluster = [...suite.run.clusters].filter((c) => c.flagged).sort((a, b) => b.members.length - a.members.length)[0]!;
  const [contact] = (
    await suite.driver.executeQuery(
      `MATCH (s:Shop)<-[:OWNS]-(u:Seller)-[:HAS_PHONE]->(p:Phone) WHERE s.id IN $members
       MATCH (u)-[:USES_DEVICE]->(d:Device)
       RETURN s.id AS shop, p.key AS phone, d.key AS device LIMIT 1`,
      { members: cluster.members },
      db,
    )
  ).records;
  await suite.driver.executeQuery(
    `CREATE (a:Alert {id: randomUUID(), key: 'recidivism:redaction-test', kind: 'recidivism', shopId: $shop, status: 'open',
       raisedAt: datetime(), updatedAt: datetime(), via: ['phone: ' + $phone, 'device: ' + $device], formerShops: [$shop], shutdownIds: []})`,
    { shop: contact!.get('shop'), phone: contact!.get('phone'), device: contact!.get('device') },
    db,
  );
  const report = await server.app.get(ReportsService).nightly('manual');
  expect(report.status).toBe('completed');
  const reportId = (report as { id: string }).id;
  const proposal = await fetch(`${server.baseUrl}/shutdowns`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.analyst}`, 'content-type': 'application/json' },
    body: JSON.stringify({ clusterId: cluster.id, reason: 'Redaction walk: a proposal to read back' }),
  });
  expect(proposal.status).toBe(201);
  const shutdownId = ((await proposal.json()) as { id: string }).id;
  const upload = await fetch(`${server.baseUrl}/imports?file=brand_reports.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.supervisor}`, 'content-type': 'application/octet-stream' },
    body: fs.readFileSync(file('brand_reports')),
  });
  expect(upload.status).toBe(202);
  const importId = ((await upload.json()) as { id: string }).id;
  uploads.push(importId);

  // A counterfeit verdict, so the review queue, the standing and the reporters table have a row to show.
  const [listing] = (await suite.driver.executeQuery("MATCH (l:Listing {brand: 'Aurelio'}) RETURN l.id AS id ORDER BY l.id LIMIT 1", {}, db)).records;
  const verdict = await fetch(`${server.baseUrl}/brands/aurelio/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.brand_owner}`, 'content-type': 'application/json' },
    body: JSON.stringify({ listingId: listing!.get('id'), verdict: 'counterfeit', note: 'Redaction walk' }),
  });
  expect(verdict.status).toBe(201);

  // Two shops of the cluster that share a personal identifier (an email, a phone or an address), for /evidence.
  const [pair] = (
    await suite.driver.executeQuery(
      `MATCH (a:Shop)-[:HAS_ADDRESS|OWNS|HAS_EMAIL|HAS_PHONE*1..2]-(x)-[:HAS_ADDRESS|OWNS|HAS_EMAIL|HAS_PHONE*1..2]-(b:Shop)
       WHERE a.id IN $members AND b.id IN $members AND a.id < b.id AND (x:Address OR x:Email OR x:Phone)
         AND EXISTS { MATCH (a)<-[:OWNS]-(u:Seller) WHERE size(u.name) >= $anchor }
       RETURN a.id AS a, b.id AS b ORDER BY a, b LIMIT 1`,
      // Ordered, and a shop whose seller's name is long enough to be a needle: /shops/:id must show it.
      { members: cluster.members, anchor: neo4jInt(Needles.ANCHOR) },
      db,
    )
  ).records;
  const [a, b] = [pair!.get('a') as string, pair!.get('b') as string];
  const [found] = (
    await suite.driver.executeQuery(
      `MATCH (s:Shop)<-[:OWNS]-(:Seller)-[:HAS_EMAIL]->(e:Email) WHERE s.id IN $members
       MATCH (s)-[:HAS_ADDRESS]->(ad:Address)
       OPTIONAL MATCH (s)-[:PAID_TO]->(p:PaymentAccount)
       RETURN e.key AS email, ad.text AS address, p.last4 AS last4 LIMIT 1`,
      { members: cluster.members },
      db,
    )
  ).records;
  const caseId = (
    await suite.driver.executeQuery('MATCH (k:Case) RETURN k.id AS id ORDER BY (k.clusterId = $cluster) DESC, k.id LIMIT 1', { cluster: cluster.id }, db)
  ).records[0]!.get('id') as string;
  const word = (found!.get('address') as string).split(/[\s,.]+/).find((w) => /^[A-Za-z]{5,}$/.test(w)) ?? 'Street';
  const q = encodeURIComponent;

  calls = [
    { route: '/health', url: '/health', shows: false },
    { route: '/health/ready', url: '/health/ready', shows: false },
    { route: '/auth/me', url: '/auth/me', shows: false },
    { route: '/users', url: '/users', shows: false },
    { route: '/schema/graph', url: '/schema/graph', shows: false },
    { route: '/clusters', url: '/clusters?limit=200', shows: false },
    { route: '/clusters/{id}', url: `/clusters/${cluster.id}`, shows: false },
    { route: '/clusters/{id}/graph', url: `/clusters/${cluster.id}/graph?limit=3000`, shows: true },
    ...['json', 'html', 'pdf', 'zip'].map((f) => ({ route: '/clusters/{id}/dossier', url: `/clusters/${cluster.id}/dossier?format=${f}`, shows: true })),
    { route: '/dossiers/signing-key', url: '/dossiers/signing-key', shows: false },
    { route: '/shops/{id}', url: `/shops/${a}`, shows: true },
    { route: '/shops/{id}/neighbourhood', url: `/shops/${a}/neighbourhood?depth=2&limit=2000`, shows: true },
    { route: '/evidence', url: `/evidence?shops=${a},${b}`, shows: true },
    // The shortest path may run through their payout account (masked for everyone), so it need not show a needle.
    { route: '/shops/{id}/path', url: `/shops/${a}/path?to=${b}`, shows: false },
    { route: '/shops/{id}/listings', url: `/shops/${a}/listings?limit=200`, shows: false },
    { route: '/shops/{id}/activity', url: `/shops/${a}/activity`, shows: false },
    { route: '/shops/metrics', url: `/shops/metrics?ids=${cluster.members.slice(0, 200).join(',')}`, shows: false },
    { route: '/search', url: `/search?q=${q(found!.get('email') as string)}`, shows: true, echo: true },
    { route: '/search', url: `/search?q=${q(contact!.get('phone') as string)}`, shows: true, echo: true },
    { route: '/search', url: `/search?q=${q(word)}&limit=100`, shows: true, echo: true },
    ...(found!.get('last4') ? [{ route: '/search', url: `/search?q=${q(found!.get('last4') as string)}`, shows: false, echo: true }] : []),
    { route: '/imports/{id}', url: `/imports/${importId}`, shows: false },
    // File names, sizes and times of staged bulk files (none here): nothing of a person.
    { route: '/imports/bulk', url: '/imports/bulk', shows: false },
    { route: '/shutdowns', url: '/shutdowns', shows: false },
    { route: '/shutdowns/{id}', url: `/shutdowns/${shutdownId}`, shows: false },
    { route: '/alerts', url: '/alerts?limit=200', shows: true },
    { route: '/brands/{brand}/suspected-listings', url: '/brands/Aurelio/suspected-listings?limit=200', shows: false },
    { route: '/brands', url: '/brands', shows: false },
    { route: '/brands/{brand}/standing', url: '/brands/aurelio/standing', shows: false },
    { route: '/brands/{brand}/reports', url: '/brands/aurelio/reports?limit=200', shows: false },
    { route: '/reporters', url: '/reporters', shows: false },
    { route: '/takedowns', url: '/takedowns?limit=200', shows: false },
    { route: '/takedowns/queue', url: '/takedowns/queue?limit=200', shows: false },
    { route: '/reports', url: '/reports', shows: false },
    { route: '/reports/{id}', url: `/reports/${reportId}`, shows: true },
    ...['report.json', 'report.html'].map((f) => ({ route: '/reports/{id}/{file}', url: `/reports/${reportId}/${f}`, shows: true })),
    { route: '/reports/{id}/{file}', url: `/reports/${reportId}/clusters.csv`, shows: false },
    { route: '/reports/{id}/{file}', url: `/reports/${reportId}/summary.txt`, shows: false },
    { route: '/audit', url: '/audit?limit=200', shows: false },
    { route: '/audit/export.csv', url: '/audit/export.csv', shows: false },
    { route: '/cases', url: '/cases?limit=200', shows: false },
    { route: '/cases/views', url: '/cases/views', shows: false },
    { route: '/cases/{id}', url: `/cases/${caseId}`, shows: false },
    { route: '/docs/openapi.json', url: '/docs/openapi.json', shows: false },
  ];
}, 300_000);

afterAll(async () => {
  await suite?.driver.executeQuery("MATCH (a:Alert {key: 'recidivism:redaction-test'}) DETACH DELETE a", {}, { database: neo4j.database });
  await suite?.close();
  for (const id of uploads) fs.rmSync(path.join(ROOT, '.data', 'uploads', id), { recursive: true, force: true });
});

describe('redaction by construction', () => {
  it('has needles to look for and walks every GET route of the OpenAPI document', async () => {
    expect(needles.size).toBeGreaterThan(1000);
    const doc = (await (await fetch(`${server.baseUrl}/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .filter(([, methods]) => 'get' in methods)
      .map(([route]) => route.replace(/\{[^}]+\}/g, '{}'));
    const walked = new Set(calls.map((c) => c.route.replace(/\{[^}]+\}/g, '{}')));
    expect(documented.filter((r) => !walked.has(r))).toEqual([]);
  });

  for (const role of ROLES) {
    const identities = hasPermission([role], 'identities.read');
    it(`${identities ? 'shows' : 'never shows'} emails, phones, street lines, names and account numbers to ${role}`, async () => {
      const leaks: string[] = [];
      const silent: string[] = [];
      let allowed = 0;
      for (const call of calls) {
        const got = await get(call.url, role);
        expect(got.status, `${role} ${call.url}`).toBeLessThan(500);
        const hits = needles.find(got.text);
        if (!identities && hits.length > 0) leaks.push(`${call.url}: ${hits.slice(0, 3).join(' · ')} (${hits.length} in all)`);
        if (got.status === 200) {
          allowed++;
          if (identities && call.shows && hits.length === 0) silent.push(call.url);
        }
      }
      expect(allowed, `${role} may call some routes`).toBeGreaterThan(0);
      expect(leaks).toEqual([]);
      expect(silent).toEqual([]);
    }, 240_000);
  }

  it('gives a redacted view stable opaque ids, the same in the cluster graph and a neighbourhood, so the explorer can merge them', async () => {
    const graphCall = calls.find((c) => c.route === '/clusters/{id}/graph')!;
    const hoodCall = calls.find((c) => c.route === '/shops/{id}/neighbourhood')!;
    const ids = async (url: string, role: Role) =>
      (JSON.parse((await get(url, role)).text) as { nodes: { id: string; type: string; kind: string }[] }).nodes.filter((n) => n.type === 'identifier');
    const [graph, again, hood, full] = [
      await ids(graphCall.url, 'analyst'),
      await ids(graphCall.url, 'admin'),
      await ids(hoodCall.url, 'analyst'),
      await ids(graphCall.url, 'supervisor'),
    ];
    expect(graph.length).toBeGreaterThan(0);
    expect(again.map((n) => n.id)).toEqual(graph.map((n) => n.id));
    const inGraph = new Set(graph.map((n) => n.id));
    expect(hood.filter((n) => inGraph.has(n.id)).length).toBeGreaterThan(0);
    // Opaque, not the supervisor's readable ids.
    const readable = new Set(full.map((n) => n.id));
    expect(graph.filter((n) => readable.has(n.id))).toEqual([]);
    expect(graph.every((n) => /^[a-z_]+:~[A-Za-z0-9_-]{22}$/.test(n.id))).toBe(true);
  });
});
