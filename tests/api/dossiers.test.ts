import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DetectionSummary } from '@ringwatch/detection';
import { verifyDossierZip } from '../../apps/api/src/dossiers/proof';
import { tokenFor, type TestServer } from '../setup/app';
import { startSeededServer, type SeededServer } from '../setup/marketplace';

const neo4j = inject('neo4j');
let suite: SeededServer;
let server: TestServer;
let driver: Driver;
let run: DetectionSummary;
let clusterId: string;
const token: Record<string, string> = {};

async function dossier(format: string, who = 'liaison', id = clusterId) {
  const response = await fetch(`${server.baseUrl}/clusters/${id}/dossier?format=${format}`, { headers: { authorization: `Bearer ${token[who]}` } });
  return { status: response.status, type: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) };
}
const json = (bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, any>;

beforeAll(async () => {
  suite = await startSeededServer(13);
  ({ server, driver, run } = suite);
  // The flagged cluster with the most shops: it has addresses, accounts and sellers to check.
  clusterId = [...run.clusters].filter((c) => c.flagged).sort((a, b) => b.members.length - a.members.length)[0]!.id;
  token.liaison = await tokenFor(server, { sub: 'lia.ison', roles: ['liaison'], brands: [] });
  token.analyst = await tokenFor(server, { sub: 'ana.lyst', roles: ['analyst'], brands: [] });
  token.supervisor = await tokenFor(server, { sub: 'sup.ervisor', roles: ['supervisor'], brands: [] });
  token.brand = await tokenFor(server, { sub: 'brand.x', roles: ['brand_owner'], brands: ['Aurelio'] });
}, 600_000);
afterAll(async () => {
  await suite?.close();
});

describe('raid dossier', () => {
  it('ranks premises for action: hubs and provider accounts are never ring premises', async () => {
    const d = json((await dossier('json')).bytes);
    const hubs = (
      await driver.executeQuery('MATCH (r:DetectionRun {id: $id}) RETURN r.hubs AS hubs, r.params AS params', { id: run.runId }, { database: neo4j.database })
    ).records[0]!;
    const threshold = (JSON.parse(hubs.get('params') as string) as { hubThreshold: number }).hubThreshold;
    expect(d.premises.length).toBeGreaterThan(0);
    for (const p of d.premises as { verdict: string; shopCount: number; exclusivity: number; reason: string; roles: string[] }[]) {
      if (p.shopCount > threshold) expect(p).toMatchObject({ verdict: 'shared facility — not a target on its own', reason: expect.stringMatching(/^hub/) });
      if (p.verdict === 'ring premises') expect(p.exclusivity).toBeGreaterThanOrEqual(0.5);
      expect(p.roles.length).toBeGreaterThan(0);
    }
    // The first dossier of a fresh server pays for planning its queries: slow on a busy machine.
  }, 180_000);

  it('holds the cluster’s addresses, accounts, sellers and provenance, checked against the graph', async () => {
    const got = await dossier('json');
    expect(got.status).toBe(200);
    const d = json(got.bytes);
    const members = run.clusters.find((c) => c.id === clusterId)!.members;
    expect(d.cluster).toMatchObject({ id: clusterId, runId: run.runId, size: members.length });
    expect(d.shops.map((s: { id: string }) => s.id).sort()).toEqual([...members].sort());
    const [truth] = (
      await driver.executeQuery(
        `UNWIND $ids AS id MATCH (s:Shop {id: id})
       OPTIONAL MATCH (s)-[:HAS_ADDRESS]->(a:Address) WITH collect(DISTINCT a.text) AS addresses, collect(DISTINCT s) AS shops
       UNWIND shops AS s OPTIONAL MATCH (s)-[:PAID_TO]->(p:PaymentAccount)
       RETURN addresses, collect(DISTINCT p.masked) AS accounts`,
        { ids: members },
        { database: neo4j.database },
      )
    ).records;
    const addresses = d.places.flatMap((p: { addresses: { text: string }[] }) => p.addresses.map((a) => a.text)).sort();
    expect(addresses).toEqual([...(truth!.get('addresses') as string[])].sort());
    expect(d.accounts.map((a: { masked: string }) => a.masked).sort()).toEqual([...(truth!.get('accounts') as string[])].sort());
    expect(d.sellers.length).toBeGreaterThan(0);
    expect(d.provenance).toMatchObject({ runId: run.runId, redacted: false, generatedBy: 'lia.ison', seed: 42, engine: expect.any(String) });
    expect(d.provenance.dataTimestamp).toMatch(/^\d{4}-/);
    expect(d.graph.nodes.length).toBeGreaterThanOrEqual(members.length);
    expect(d.summary.why.length).toBeGreaterThan(0);
    // Nothing in a dossier is a raw account number: only masked forms leave the service.
    expect(JSON.stringify(d.accounts)).not.toMatch(/\d{9,}/);
  });

  it('redacts identities for analysts, and refuses brand owners', async () => {
    const full = json((await dossier('json', 'supervisor')).bytes);
    const redacted = json((await dossier('json', 'analyst')).bytes);
    expect(full.provenance.redacted).toBe(false);
    expect(redacted.provenance.redacted).toBe(true);
    const seller = full.sellers.find((s: { name: string | null }) => s.name);
    const twin = redacted.sellers.find((s: { id: string }) => s.id === seller.id);
    expect(twin.name).not.toBe(seller.name);
    expect(twin.name).toMatch(/^(\S\. ?)+$/);
    for (const s of redacted.sellers) for (const e of s.emails) expect(e).toMatch(/^.\*\*\*@/);
    for (const p of redacted.phones) expect(p.number).toMatch(/\*/);
    expect(JSON.stringify(redacted.places)).toContain('street redacted');
    expect((await dossier('json', 'brand')).status).toBe(403);
    expect((await dossier('docx')).status).toBe(400);
    expect((await dossier('json', 'liaison', 'C999999')).status).toBe(404);
  });

  it('prints an A4 PDF whose text holds the cluster id', async () => {
    const pdf = await dossier('pdf');
    expect(pdf.type).toBe('application/pdf');
    const text = Buffer.from(pdf.bytes).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(Number(/\/Type \/Pages[^>]*\/Count (\d+)/.exec(text)?.[1] ?? 0)).toBeGreaterThanOrEqual(1);
    // A4 is 595.28 × 841.89 points.
    expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(text).toContain(`(Dossier ${clusterId})`);
  });

  it('zips the PDF, JSON, HTML and CSVs with a manifest whose hashes verify, and audits every export', async () => {
    const zip = await dossier('zip');
    expect(zip.type).toBe('application/zip');
    const files = unzipSync(zip.bytes);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      clusterId: string;
      detectionRun: { id: string; seed: number; params: unknown };
      dataTimestamp: string;
      files: { name: string; sha256: string; bytes: number }[];
    };
    expect(manifest).toMatchObject({ clusterId, detectionRun: { id: run.runId, seed: 42 } });
    expect(manifest.detectionRun.params).toMatchObject({ resolution: expect.any(Number) });
    expect(manifest.files.map((f) => f.name).sort()).toEqual([
      'accounts.csv',
      'addresses.csv',
      'dossier.html',
      'dossier.json',
      'dossier.pdf',
      'evidence-graph.graphml',
      'listings-by-brand.csv',
      'listings.csv',
      'payments.csv',
      'premises.csv',
      'sellers.csv',
      'shops.csv',
    ]);
    // Signed by the installation key the API serves.
    const key = (await (await fetch(`${server.baseUrl}/dossiers/signing-key`, { headers: { authorization: `Bearer ${token.liaison}` } })).json()) as {
      keyId: string;
      publicKeyPem: string;
    };
    expect(verifyDossierZip(zip.bytes, key.publicKeyPem)).toMatchObject({ ok: true, keyId: key.keyId });
    expect((await fetch(`${server.baseUrl}/dossiers/signing-key`, { headers: { authorization: `Bearer ${token.brand}` } })).status).toBe(403);
    const listingRows = strFromU8(files['listings.csv']!).trim().split('\n');
    const members = run.clusters.find((c) => c.id === clusterId)!.members;
    const [listings] = (
      await driver.executeQuery(
        'UNWIND $ids AS id MATCH (:Shop {id: id})-[:LISTS]->(l:Listing) RETURN count(l) AS n',
        { ids: members },
        { database: neo4j.database },
      )
    ).records;
    expect(listingRows.length - 1).toBe(Number(listings!.get('n')));
    for (const f of manifest.files) {
      expect(createHash('sha256').update(files[f.name]!).digest('hex')).toBe(f.sha256);
      expect(files[f.name]!.length).toBe(f.bytes);
    }
    const html = strFromU8(files['dossier.html']!);
    expect(html).toContain('<svg');
    const audit = (
      await driver.executeQuery(
        "MATCH (e:AuditEvent {action: 'dossier.export', target: $t}) RETURN e.after AS after",
        { t: `cluster:${clusterId}` },
        { database: neo4j.database },
      )
    ).records.map((r) => JSON.parse(r.get('after') as string) as { format: string });
    expect(audit.map((a) => a.format).sort()).toEqual(expect.arrayContaining(['json', 'pdf', 'zip']));
  });

  it('records the liaison’s referral once of N concurrent tries, audited once, and the dossier carries it', async () => {
    const [row] = (await driver.executeQuery('MATCH (k:Case {clusterId: $c}) RETURN k.id AS id', { c: clusterId }, { database: neo4j.database })).records;
    const caseId = row!.get('id') as string;
    const post = (url: string, who: string, body: unknown) =>
      fetch(`${server.baseUrl}${url}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token[who]}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // The liaison's dossier is kept in the read cache from the exports above: the move must show in the next one.
    expect((await post(`/cases/${caseId}/status`, 'analyst', { to: 'investigating' })).status).toBe(200);
    const before = json((await dossier('json')).bytes);
    expect(before.case).toEqual({ id: caseId, status: 'investigating' });
    expect(before.referral).toBeNull();
    const referral = { agency: 'Guangzhou PSB, Economic Crimes', reference: 'GZ-2026-0417', date: '2026-12-01', contact: 'Officer Li, +86 20 0000 0000' };
    // Analysts may not record referrals; a referral needs all four fields.
    expect((await post(`/cases/${caseId}/referral`, 'analyst', referral)).status).toBe(403);
    expect((await post(`/cases/${caseId}/referral`, 'liaison', { ...referral, contact: undefined })).status).toBe(400);
    const statuses = await Promise.all(Array.from({ length: 6 }, () => post(`/cases/${caseId}/referral`, 'liaison', referral).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(5);
    const audited = (
      await driver.executeQuery(
        "MATCH (e:AuditEvent {action: 'case.referral', target: $t}) RETURN count(e) AS n",
        { t: `case:${caseId}` },
        { database: neo4j.database },
      )
    ).records[0]!.get('n');
    expect(Number(audited)).toBe(1);
    const d = json((await dossier('json')).bytes);
    expect(d.case).toEqual({ id: caseId, status: 'referred' });
    expect(d.referral).toMatchObject({ ...referral, recordedBy: 'lia.ison' });
    expect(d.timeline.map((t: { event: string }) => t.event)).toContain('referred');
    // The case carries the whole referral; the officer's contact only to roles that see people.
    const read = async (who: string) =>
      (await (await fetch(`${server.baseUrl}/cases/${caseId}`, { headers: { authorization: `Bearer ${token[who]}` } })).json()) as Record<string, unknown>;
    expect(await read('liaison')).toMatchObject({
      status: 'referred',
      agency: referral.agency,
      reference: referral.reference,
      referralDate: referral.date,
      referralContact: referral.contact,
      referredBy: 'lia.ison',
    });
    expect(await read('analyst')).toMatchObject({ agency: referral.agency, referralDate: referral.date, referralContact: 'withheld' });
  });

  it('shows a brand owner’s verdict recorded after the dossier was exported (the kept dossier is invalidated)', async () => {
    const members = run.clusters.find((c) => c.id === clusterId)!.members;
    const [row] = (
      await driver.executeQuery(
        `UNWIND $ids AS id MATCH (s:Shop {id: id})-[:LISTS]->(l:Listing) WHERE l.brand IS NOT NULL AND NOT (l)<-[:ABOUT]-(:BrandReport)
         RETURN l.id AS listing, l.brand AS brand ORDER BY l.id LIMIT 1`,
        { ids: members },
        { database: neo4j.database },
      )
    ).records;
    const [listing, brand] = [row!.get('listing') as string, row!.get('brand') as string];
    const owner = await tokenFor(server, { sub: 'brand.dossier', roles: ['brand_owner'], brands: [brand] });
    const first = json((await dossier('json')).bytes);
    expect(first.confirmations.map((c: { listingId: string }) => c.listingId)).not.toContain(listing);
    // A second export is served from the cache: the same dossier, stamped afresh.
    const second = json((await dossier('json')).bytes);
    expect({ ...second, provenance: null }).toEqual({ ...first, provenance: null });
    expect(second.provenance.generatedAt >= first.provenance.generatedAt).toBe(true);
    const sent = await fetch(`${server.baseUrl}/brands/${encodeURIComponent(brand)}/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' },
      body: JSON.stringify({ listingId: listing, verdict: 'genuine' }),
    });
    expect(sent.status).toBe(201);
    const after = json((await dossier('json')).bytes);
    expect(after.confirmations).toEqual(
      expect.arrayContaining([expect.objectContaining({ listingId: listing, verdict: 'genuine', reporter: 'brand.dossier' })]),
    );
    expect(after.listings.find((l: { id: string }) => l.id === listing).reports).toBe(1);
    expect(after.timeline.map((t: { event: string }) => t.event)).toContain('brand report: genuine');
  });
});
