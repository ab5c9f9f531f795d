import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IDENTIFIERS, LINKING_KINDS, RECIDIVISM_KINDS, type IdentifierKind } from '@ringwatch/kinds';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AlertsService } from '../../apps/api/src/alerts/alerts.service';
import { ImportsService } from '../../apps/api/src/imports/imports.service';
import { ShutdownsRepository } from '../../apps/api/src/shutdowns/shutdowns.repository';
import { startTestServer, type TestServer, tokenFor } from '../setup/app';
import { testDriver, wipeMarketplace, wipeWork } from '../setup/graph';

/*
 * Every identifier kind, end to end against the real statements: for each kind a pair of shops that
 * share only one identifier of that kind, three shops sharing one (a hub at threshold 2), and a shop a
 * shutdown suspended whose identifier a shop of a later load reuses. The kinds come from the registry,
 * so a kind a statement forgets (as neighbours and the shutdown preview once forgot identity documents)
 * fails here by name.
 */

const HUB_THRESHOLD = 2;
let server: TestServer;
let driver: Driver;
let dir: string;
let token: string;

type Csv = Record<'sellers' | 'shops' | 'payments' | 'addresses', string[]>;
const header: Record<keyof Csv, string> = {
  sellers: 'seller_id,name,country,registered_at,kyc_id,emails,phones,device_ids',
  shops: 'shop_id,seller_id,name,opened_at,status,category',
  payments: 'payment_id,shop_id,account,account_kind,provider,amount,currency,paid_at',
  addresses: 'shop_id,kind,line1,line2,city,region,postcode,country',
};

/** A shop of its own seller, sharing `value` of `kind` (a distinct identifier for each call site). */
function addShop(csv: Csv, kind: IdentifierKind, shop: string, value: string): void {
  const seller = `U-${shop}`;
  const own = IDENTIFIERS[kind];
  const kyc = kind === 'kyc' ? value : `KYC-${shop}`;
  const email = kind === 'email' ? value : '';
  const phone = kind === 'phone' ? value : '';
  const device = kind === 'device' ? value : '';
  csv.sellers.push(`${seller},Seller ${shop},FR,2026-01-01T00:00:00Z,${kyc},${email},${phone},${device}`);
  csv.shops.push(`${shop},${seller},Shop ${shop},2026-02-01T00:00:00Z,active,bags`);
  if (kind === 'account') csv.payments.push(`P-${shop},${shop},${value},wallet,TestPay,10.00,EUR,2026-03-01T00:00:00Z`);
  if (own.addressUse !== null) csv.addresses.push(`${shop},${own.addressUse},${value},,Lyon,,69001,FR`);
}

let phones = 0;
/** A value of the kind, distinct per name (phones must be real numbers: a counter keeps them apart). */
function valueOf(kind: IdentifierKind, name: string): string {
  if (kind === 'phone') return `+3361234${String(5000 + phones++).padStart(4, '0')}`;
  if (kind === 'email') return `${name.toLowerCase()}@example.com`;
  if (IDENTIFIERS[kind].addressUse !== null) return `${name} Kinds Road`;
  return `${kind.toUpperCase()}-${name}`;
}

async function load(csv: Csv, folder: string): Promise<void> {
  const files = (Object.keys(csv) as (keyof Csv)[])
    .filter((k) => csv[k].length > 0)
    .map((k) => {
      const file = path.join(dir, folder, `${k}.csv`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, [header[k], ...csv[k]].join('\n') + '\n');
      return file;
    });
  const report = await server.app.get(ImportsService).load(files, 'test', undefined, path.join(dir, folder, 'rejects.ndjson'));
  expect(
    report.counts.rejected,
    fs.existsSync(path.join(dir, folder, 'rejects.ndjson')) ? fs.readFileSync(path.join(dir, folder, 'rejects.ndjson'), 'utf8') : '',
  ).toBe(0);
}

const id = (kind: IdentifierKind, role: string) => `K-${kind}-${role}`.replace('_', '');

beforeAll(async () => {
  driver = await testDriver();
  await wipeMarketplace(driver);
  await wipeWork(driver);
  server = await startTestServer({ DETECTION_HUB_THRESHOLD: String(HUB_THRESHOLD) });
  token = await tokenFor(server, { sub: 'test.analyst', roles: ['analyst'], brands: [] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-kinds-'));

  const first: Csv = { sellers: [], shops: [], payments: [], addresses: [] };
  const oldValue = new Map<IdentifierKind, string>();
  for (const kind of LINKING_KINDS) {
    const pair = valueOf(kind, `Pair${kind}`);
    addShop(first, kind, id(kind, 'A'), pair);
    addShop(first, kind, id(kind, 'B'), pair);
    const hub = valueOf(kind, `Hub${kind}`);
    for (const n of [1, 2, 3]) addShop(first, kind, id(kind, `H${n}`), hub);
    oldValue.set(kind, valueOf(kind, `Old${kind}`));
    addShop(first, kind, id(kind, 'OLD'), oldValue.get(kind)!);
  }
  await load(first, 'first');
  // A shutdown took the OLD shops down (as its execution marks them).
  await driver.executeQuery(
    "MATCH (s:Shop) WHERE s.id STARTS WITH 'K-' AND s.id ENDS WITH '-OLD' SET s.status = 'suspended', s.suspendedBy = 'X-kinds'",
    {},
    { database: inject('neo4j').database },
  );
  // A later load: for each kind a new shop reusing the suspended shop's identifier.
  const second: Csv = { sellers: [], shops: [], payments: [], addresses: [] };
  for (const kind of LINKING_KINDS) addShop(second, kind, id(kind, 'NEW'), oldValue.get(kind)!);
  await load(second, 'second');
}, 180_000);

afterAll(async () => {
  await server?.close();
  await wipeMarketplace(driver);
  await wipeWork(driver);
  await driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function get(pathname: string) {
  const response = await fetch(`${server.baseUrl}${pathname}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, any>;
}

describe.each(LINKING_KINDS)('identifier kind %s', (kind) => {
  it('links the pair in /evidence', async () => {
    const evidence = await get(`/evidence?shops=${id(kind, 'A')},${id(kind, 'B')}`);
    expect(evidence.identifiers.map((i: { kind: string }) => i.kind)).toEqual([kind]);
  });

  it('is walked in /shops/:id/neighbourhood', async () => {
    const hood = await get(`/shops/${id(kind, 'A')}/neighbourhood?depth=1`);
    expect(hood.nodes.filter((n: { type: string }) => n.type === 'identifier').map((n: { kind: string }) => n.kind)).toContain(kind);
    expect(hood.nodes.map((n: { id: string }) => n.id)).toContain(id(kind, 'B'));
  });

  it('is named among a hub user’s hubKinds in the shutdown preview', async () => {
    const [facts] = await server.app.get(ShutdownsRepository).memberFacts([id(kind, 'H1')], HUB_THRESHOLD);
    expect(facts!.hubKinds).toEqual([kind]);
  });

  it(`${RECIDIVISM_KINDS.includes(kind) ? 'raises' : 'raises no'} a recidivism alert when a new shop reuses it after a shutdown`, async () => {
    const { items } = await server.app.get(AlertsService).list('open', 0, 100, { name: 'sup', roles: ['supervisor'], brands: [], requestId: null });
    const alert = items.find((a) => a.shopId === id(kind, 'NEW'));
    if (RECIDIVISM_KINDS.includes(kind)) {
      expect(alert).toMatchObject({ formerShops: [id(kind, 'OLD')], shutdownIds: ['X-kinds'] });
      expect(alert!.via).toHaveLength(1);
      expect(alert!.via[0]).toMatch(new RegExp(`^${kind}: `));
    } else expect(alert).toBeUndefined();
  });
});
