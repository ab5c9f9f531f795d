import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fastAccept, KINDS, readRecords, SCHEMAS, validateRow, type Kind } from '@ringwatch/contract';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMarketplace, type SynthManifest } from '../generate';
import { Rng } from '../rng';
import { LINE_BRANDS, PROTECTED_LINE_BRANDS } from './brands';
import { PLACE_COUNTRIES, VARIANT_LANGUAGE_COUNTRIES, placeCountry } from './places';
import { asciiFold, germanTranscription, newPhone, newPlace, renderPhone, renderPlace } from './render';
import { HARD_WORLD, HONEST_STRUCTURES, RING_STRUCTURES, type ShareToken } from './structures';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-hard-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const digest = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );

interface Truth {
  shop: string;
  ring: string;
  role: string;
  group: string;
  structure: string;
  shares: ShareToken[];
}

function readTruthRows(dir: string): Truth[] {
  const [header, ...lines] = fs.readFileSync(path.join(dir, 'truth.csv'), 'utf8').trim().split('\n');
  expect(header).toBe('shop_id,ring_id,role,group_id,structure,shares');
  return lines.map((l) => {
    const [shop, ring, role, group, structure, shares] = l.split(',');
    return { shop: shop!, ring: ring!, role: role!, group: group!, structure: structure!, shares: shares ? (shares.split('|') as ShareToken[]) : [] };
  });
}

async function readAll(dir: string, kind: Kind): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  for await (const batch of readRecords(path.join(dir, `${kind}.csv`), kind)) for (const { record } of batch) out.push(record as Record<string, string>);
  return out;
}

// Identities as a reader independent of the product would fold them: enough to check that what the
// truth says is shared really is, without libs/normalise.
const accountKey = (a: string) => a.replace(/[\s-]/g, '').toUpperCase();
const deviceKey = (d: string) => d.toLowerCase().replace(/-/g, '');
function emailKey(e: string): string {
  const [local, domain] = e.toLowerCase().split('@') as [string, string];
  const bare = local.replace(/\+.*$/, '');
  return domain === 'gmail.com' || domain === 'googlemail.com' ? `${bare.replace(/\./g, '')}@gmail.com` : `${bare}@${domain}`;
}
function phoneKey(p: string, holder: string): string | null {
  let text = p.trim().replace(/[()]/g, ' ');
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  // "+49 (0)30 …": the bracketed trunk is not dialled from abroad.
  text = text.replace(/^(\+\d+)\s+0(?=\d)/, (m, cc: string) => (cc === '+39' ? m : `${cc} `));
  const parsed = parsePhoneNumberFromString(text, holder as CountryCode);
  return parsed?.isPossible() ? parsed.number : null;
}
/** A building as the rows tell it: country, the postcode's digits and the digit runs of the street lines. */
function buildingOf(row: Record<string, string>): { country: string; postcode: string | null; numbers: Set<string> } {
  const postcodeInCity = /^(\d[\d -]*)\s/.exec(row.city ?? '');
  const postcode = (row.postcode ?? '').replace(/\D/g, '') || postcodeInCity?.[1]!.replace(/\D/g, '') || null;
  const numbers = new Set(`${row.line1} ${row.line2 ?? ''}`.match(/\d+/g) ?? []);
  return { country: row.country!.toUpperCase(), postcode, numbers };
}
function sameBuilding(a: Record<string, string>, b: Record<string, string>): boolean {
  const x = buildingOf(a);
  const y = buildingOf(b);
  if (x.country !== y.country) return false;
  // A US ZIP+4 is its ZIP and four more digits.
  if (x.postcode !== null && y.postcode !== null && !x.postcode.startsWith(y.postcode) && !y.postcode.startsWith(x.postcode)) return false;
  return [...x.numbers].some((n) => y.numbers.has(n));
}

describe('the hard world', () => {
  let dir: string;
  let manifest: SynthManifest;
  let truth: Truth[];
  beforeAll(async () => {
    dir = tmp();
    manifest = await generateMarketplace({ preset: 'small', world: 'hard', seed: 7, outDir: dir });
    truth = readTruthRows(dir);
  }, 60_000);

  it('gives byte-identical files for the same seed, and other files for another seed', async () => {
    const a = tmp();
    const b = tmp();
    const c = tmp();
    await generateMarketplace({ preset: 'tiny', world: 'hard', seed: 5, outDir: a });
    await generateMarketplace({ preset: 'tiny', world: 'hard', seed: 5, outDir: b });
    await generateMarketplace({ preset: 'tiny', world: 'hard', seed: 6, outDir: c });
    expect(digest(a)).toEqual(digest(b));
    expect(digest(a)['shops.csv']).not.toEqual(digest(c)['shops.csv']);
    expect(digest(a)['truth.csv']).not.toEqual(digest(c)['truth.csv']);
  });

  it('writes rows that all validate against the contract, as many as the manifest counts', async () => {
    for (const kind of KINDS) {
      let rows = 0;
      const problems: string[] = [];
      for await (const batch of readRecords(path.join(dir, manifest.files[kind]), kind)) {
        for (const { line, record } of batch) {
          rows++;
          const v = validateRow(kind, record);
          if (!v.ok) problems.push(`${kind}:${line} ${v.field} ${v.reason}`);
          else expect(fastAccept(kind, record)).toEqual(SCHEMAS[kind].parse(record));
        }
      }
      expect(problems.slice(0, 5)).toEqual([]);
      expect(rows).toBe(manifest.counts[kind]);
    }
  });

  it('has every structure, each within its sizes, and says so in the manifest', () => {
    const sizes = new Map<string, { structure: string; size: number }>();
    for (const t of truth) {
      const id = t.ring || t.group;
      if (!id) continue;
      const e = sizes.get(id) ?? { structure: t.structure, size: 0 };
      expect(e.structure).toBe(t.structure);
      e.size++;
      sizes.set(id, e);
    }
    const seen = new Set([...sizes.values()].map((s) => s.structure));
    for (const s of RING_STRUCTURES) expect(seen, s).toContain(s);
    for (const s of HONEST_STRUCTURES) if (s !== 'independent') expect(seen, s).toContain(s);
    expect(truth.some((t) => t.structure === 'independent')).toBe(true);
    for (const { structure, size } of sizes.values()) {
      if (structure === 'multi_shop_seller') expect(size).toBeGreaterThanOrEqual(2);
      else if (structure === 'classic_ring') expect(size).toBeGreaterThanOrEqual(3);
      else {
        const range =
          structure in HARD_WORLD.rings
            ? HARD_WORLD.rings[structure as keyof typeof HARD_WORLD.rings].size
            : HARD_WORLD.groups[structure as keyof typeof HARD_WORLD.groups].size;
        expect(size, structure).toBeGreaterThanOrEqual(range.min);
        expect(size, structure).toBeLessThanOrEqual(range.max);
      }
    }
    const ringShops = truth.filter((t) => t.ring).length;
    expect(ringShops).toBe(manifest.rings.shops);
    expect(ringShops).toBe(80); // small: 8 % of 1,000 shops
    expect(Object.values(manifest.structures!.rings).reduce((a, s) => a + s.count, 0)).toBe(manifest.rings.count);
    // Some 10-20-shop chains of strong links.
    expect([...sizes.values()].some((s) => s.structure === 'strong_chain_ring' && s.size >= 10)).toBe(true);
  });

  it('names a truth row for every shop and a shop for every truth row; rings have no group, groups no ring', async () => {
    const shops = await readAll(dir, 'shops');
    expect(truth.map((t) => t.shop).sort()).toEqual(shops.map((s) => s.shop_id).sort());
    for (const t of truth) {
      expect(t.ring !== '' && t.group !== '').toBe(false);
      expect(t.ring === '' ? HONEST_STRUCTURES : RING_STRUCTURES).toContain(t.structure);
    }
  });

  it('shares what the truth says: every shared kind is held by another shop of the same ring or group', async () => {
    const shops = new Map((await readAll(dir, 'shops')).map((s) => [s.shop_id!, s]));
    const sellers = new Map((await readAll(dir, 'sellers')).map((s) => [s.seller_id!, s]));
    const accounts = new Map<string, Set<string>>();
    for (const p of await readAll(dir, 'payments'))
      (accounts.get(p.shop_id!) ?? accounts.set(p.shop_id!, new Set()).get(p.shop_id!)!).add(accountKey(p.account!));
    const addresses = new Map<string, Record<string, string>[]>();
    for (const a of await readAll(dir, 'addresses')) (addresses.get(a.shop_id!) ?? addresses.set(a.shop_id!, []).get(a.shop_id!)!).push(a);
    const list = (cell: string | undefined) => (cell ? cell.split('|') : []);
    const seller = (shop: string) => sellers.get(shops.get(shop)!.seller_id!)!;
    const keys = (shop: string, kind: ShareToken): string[] => {
      const s = seller(shop);
      switch (kind) {
        case 'account':
          return [...(accounts.get(shop) ?? [])];
        case 'phone':
          return list(s.phones).map((p) => phoneKey(p, s.country!) ?? `unparsed:${p}`);
        case 'email':
          return list(s.emails).map(emailKey);
        case 'device':
          return list(s.device_ids).map(deviceKey);
        case 'kyc':
          return [s.kyc_id!];
        default:
          return [];
      }
    };
    const members = new Map<string, Truth[]>();
    for (const t of truth) {
      const id = t.ring || t.group;
      if (id) members.set(id, [...(members.get(id) ?? []), t]);
    }
    let checked = 0;
    for (const t of truth) {
      const others = (members.get(t.ring || t.group) ?? []).filter((o) => o.shop !== t.shop);
      for (const kind of t.shares) {
        checked++;
        let found: boolean;
        if (kind === 'dispatch' || kind === 'return' || kind === 'ship_to' || kind === 'building') {
          const use = kind === 'building' ? 'dispatch' : kind;
          const mine = (addresses.get(t.shop) ?? []).filter((a) => a.kind === use);
          found = others.some((o) => (addresses.get(o.shop) ?? []).some((b) => b.kind === use && mine.some((a) => sameBuilding(a, b))));
        } else {
          const mine = new Set(keys(t.shop, kind));
          found = others.some((o) => keys(o.shop, kind).some((k) => mine.has(k)));
        }
        expect(found, `${t.shop} (${t.structure} ${t.ring || t.group}) shares no ${kind} with its ${t.ring ? 'ring' : 'group'}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('puts families, flat-shares and legitimate groups in different sellers, and pooled merchants in several countries over years', async () => {
    const shops = new Map((await readAll(dir, 'shops')).map((s) => [s.shop_id!, s]));
    const sellers = new Map((await readAll(dir, 'sellers')).map((s) => [s.seller_id!, s]));
    const groups = new Map<string, Truth[]>();
    for (const t of truth) if (t.group && t.structure !== 'multi_shop_seller') groups.set(t.group, [...(groups.get(t.group) ?? []), t]);
    for (const members of groups.values()) {
      expect(new Set(members.map((m) => shops.get(m.shop)!.seller_id)).size, members[0]!.structure).toBe(members.length);
    }
    for (const members of groups.values()) {
      if (members[0]!.structure !== 'pooled_account' || members.length < 10) continue;
      const countries = new Set(members.map((m) => sellers.get(shops.get(m.shop)!.seller_id!)!.country));
      const opened = members.map((m) => Date.parse(shops.get(m.shop)!.opened_at!));
      expect(countries.size).toBeGreaterThanOrEqual(3);
      expect(Math.max(...opened) - Math.min(...opened)).toBeGreaterThan(365 * 86_400_000);
    }
  });

  it('has official stores sell one brand across lines twenty times apart, and second-hand sellers price low', async () => {
    const truthOf = new Map(truth.map((t) => [t.shop, t]));
    const byGroup = new Map<string, { brands: Set<string>; prices: number[] }>();
    const secondHand: number[] = [];
    for (const l of await readAll(dir, 'listings')) {
      const t = truthOf.get(l.shop_id!)!;
      if (t.role === 'official_store' && l.brand) {
        const g = byGroup.get(t.group) ?? { brands: new Set(), prices: [] };
        g.brands.add(l.brand);
        g.prices.push(Number(l.price));
        byGroup.set(t.group, g);
      }
      if (t.role === 'second_hand' && PROTECTED_LINE_BRANDS.some((b) => b.name === l.brand)) secondHand.push(Number(l.price));
    }
    expect(byGroup.size).toBeGreaterThan(0);
    for (const g of byGroup.values()) {
      expect(g.brands.size).toBe(1);
      if (g.prices.length > 40) expect(Math.max(...g.prices) / Math.min(...g.prices)).toBeGreaterThan(10);
    }
    expect(secondHand.length).toBeGreaterThan(10);
    for (const brand of PROTECTED_LINE_BRANDS) {
      const prices = brand.lines.map((l) => l.price);
      expect(Math.max(...prices) / Math.min(...prices), brand.name).toBeGreaterThanOrEqual(20);
    }
    // Most protected brands span twenty times inside one category too (socks and parkas are both apparel).
    const withinCategory = PROTECTED_LINE_BRANDS.filter((b) =>
      [...new Set(b.lines.map((l) => l.category))].some((c) => {
        const p = b.lines.filter((l) => l.category === c).map((l) => l.price);
        return Math.max(...p) / Math.min(...p) >= 20;
      }),
    );
    expect(withinCategory.length).toBeGreaterThanOrEqual(5);
    expect(LINE_BRANDS.length).toBeGreaterThan(PROTECTED_LINE_BRANDS.length);
  });

  it('gives no structure a tell in its times: openings, payments and listings at any time of day, none in the future', async () => {
    const truthOf = new Map(truth.map((t) => [t.shop, t]));
    const midnight = new Map<string, number>();
    const now = Date.UTC(2026, 9, 1);
    for (const s of await readAll(dir, 'shops')) {
      const at = Date.parse(s.opened_at!);
      expect(at).toBeLessThan(now);
      if (at % 86_400_000 === 0) {
        const structure = truthOf.get(s.shop_id!)!.structure;
        midnight.set(structure, (midnight.get(structure) ?? 0) + 1);
      }
    }
    expect([...midnight]).toEqual([]);
    for (const p of await readAll(dir, 'payments')) expect(Date.parse(p.paid_at!)).toBeLessThanOrEqual(now);
  });

  it('needs room for its structures', async () => {
    await expect(generateMarketplace({ preset: 'tiny', world: 'hard', seed: 1, outDir: tmp(), knobs: { shops: 150 } })).rejects.toThrow(/at least 200 shops/);
    await expect(generateMarketplace({ preset: 'tiny', world: 'nope' as 'hard', seed: 1, outDir: tmp() })).rejects.toThrow(/unknown world/);
  });
});

describe('the hard world writes one place and one phone many ways', () => {
  it('writes every phone so that it reads back as one number, national forms only at home', () => {
    const rng = new Rng(3);
    for (const country of PLACE_COUNTRIES) {
      for (const landline of [false, true]) {
        const phone = newPhone(rng, country, landline);
        const keys = new Set<string | null>();
        const forms = new Set<string>();
        for (let i = 0; i < 200; i++) {
          for (const holder of [country.code, country.code === 'CN' ? 'DE' : 'CN']) {
            const text = renderPhone(rng, phone, holder);
            forms.add(text);
            expect(text).toMatch(/^[0-9 ()+\-.]+$/);
            if (holder !== country.code) expect(text, text).toMatch(/^(\+|00|\(\+)/);
            keys.add(phoneKey(text, holder));
          }
        }
        expect([...keys], `${country.code} ${[...forms].join(' / ')}`).toEqual([expect.stringMatching(/^\+\d{8,15}$/)]);
        expect(forms.size).toBeGreaterThanOrEqual(7);
      }
    }
  });

  it('writes addresses in each language with its abbreviations, diacritic spellings and notes', () => {
    const rng = new Rng(9);
    const expectations: Record<string, RegExp[]> = {
      DE: [/str\./i, /strasse/i, /straße/i, /\bOG\b|Obergeschoss|Etage/, /Halle|H\. \d/, /c\/o|z\. Hd\.|bei /],
      FR: [/\bav\.|\bbd\b|\bR\./i, /étage|etage/i, /Entrep[oô]t/],
      ES: [/C\/|Avda\.|Cl\./, /piso|planta/, /Nave/],
      IT: [/V\.le|P\.za|C\.so|\bV\. /, /piano|p\.t\./i, /Capannone|Cap\./],
      NL: [/str\.|\bln\b|straat/i, /verd|hoog|Hal/i],
      PL: [/ul\.|al\./i, /m\. \d|lok\.|\/\d/, /hala|magazyn/i],
      CN: [/\bLu\b|Road|Rd/, /Ceng|\dF\b|Floor/, /Hao|No\./],
    };
    for (const code of VARIANT_LANGUAGE_COUNTRIES) {
      const country = placeCountry(code);
      const texts: string[] = [];
      const cities = new Set<string>();
      for (let p = 0; p < 30; p++) {
        const place = newPlace(rng, p, country, p % 2 === 0);
        for (let i = 0; i < 20; i++) {
          const unit = i % 3 === 0 ? { kind: 'hall' as const, n: 2 } : i % 3 === 1 ? { kind: 'floor' as const, n: 3 } : { kind: 'flat' as const, n: 5 };
          const cells = renderPlace(rng, place, { unit, careOf: i % 4 === 0 ? 'Example Logistics' : null });
          texts.push(`${cells.line1} | ${cells.line2 ?? ''}`);
          cities.add(cells.city);
        }
      }
      const all = texts.join('\n');
      for (const re of expectations[code]!) expect(all, `${code} ${re}`).toMatch(re);
      expect(cities.size, code).toBeGreaterThan(6);
    }
  });

  it('folds diacritics the ways keyboards do', () => {
    expect(asciiFold('Łódź Straße Žižkov Besançon 2º')).toBe('Lodz Strasse Zizkov Besancon 2o');
    expect(germanTranscription('Müller Köln Düsseldorf Straße')).toBe('Mueller Koeln Duesseldorf Strasse');
  });
});
