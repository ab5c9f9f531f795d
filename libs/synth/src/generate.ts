import fs from 'node:fs';
import path from 'node:path';
import { COLUMNS, KINDS, type Kind } from '@ringwatch/contract';
import type { AddressKind, IdentifierKind } from '@ringwatch/kinds';
import {
  newAccount,
  newAddress,
  newDevice,
  newEmail,
  newPhone,
  renderAccount,
  renderAddress,
  renderDevice,
  renderEmail,
  renderPhone,
  countryByCode,
  ACCOUNT_STYLES,
  ADDRESS_STYLES,
  DEVICE_STYLES,
  EMAIL_STYLES,
  PHONE_STYLES,
  type Account,
  type Address,
  type Email,
  type Phone,
} from './identities';
import { generateHardWorld, type HardWorldSummary } from './hard/generate';
import { knobsFor, type Knobs, type PresetName } from './presets';
import { Rng } from './rng';
import {
  BANKS,
  CARD_ISSUERS,
  CATEGORIES,
  COUNTRIES,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  ORDINARY_BRANDS,
  PROTECTED_BRANDS,
  SETTLEMENT_PROVIDERS,
  SHOP_WORDS,
  WALLET_PROVIDERS,
  type Brand,
  type CountryProfile,
} from './vocabulary';
import { RowWriter, type OutputFormat } from './writer';

/** The classic world (the default) plants rings in a marketplace of mostly independent shops; the hard world is libs/synth/README.md's. */
export type WorldName = 'classic' | 'hard';
export const WORLD_NAMES: readonly WorldName[] = ['classic', 'hard'];

export interface SynthOptions {
  readonly preset: PresetName;
  /** Which world to generate at the preset's size (default classic). */
  readonly world?: WorldName;
  readonly seed: number;
  readonly outDir: string;
  readonly format?: OutputFormat;
  readonly gzip?: boolean;
  /** Overrides of the preset's knobs (noise, hub sizes, ring share …). */
  readonly knobs?: Partial<Knobs>;
  readonly onProgress?: (shopsDone: number, shopsTotal: number) => void;
}

export interface SynthManifest {
  readonly generator: string;
  /** Absent for the classic world, so its manifests stay what they were before there were worlds. */
  readonly world?: WorldName;
  readonly preset: PresetName;
  readonly seed: number;
  readonly format: OutputFormat;
  readonly gzip: boolean;
  readonly knobs: Knobs;
  readonly files: Record<Kind | 'truth', string>;
  readonly counts: Record<Kind, number>;
  readonly rings: { readonly count: number; readonly shops: number; readonly sizes: Record<string, number> };
  readonly hubs: { readonly warehouses: number; readonly settlementAccounts: number; readonly pickupPoints: number };
  /** The hard world's rings and legitimate groups per structure: how many, their shops and sizes. */
  readonly structures?: HardWorldSummary['structures'];
}

const GENERATOR = 'ringwatch-synth/1';
/** All times are before this instant, so the output does not depend on when it is generated. */
const NOW = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;
const PROVIDERS = { banks: BANKS, wallets: WALLET_PROVIDERS, cards: CARD_ISSUERS };

/**
 * The identifier kinds ring operators keep pools of. Identity documents are shared through one
 * document per ring (sharedKyc) and ship-to addresses through the pickup hubs, so they are left out
 * here; a new kind in @ringwatch/kinds joins this type and the compiler asks for its pool below. The
 * list's order is the order random draws are made in: keep it, so a seed gives the same marketplace.
 */
type SharedKind = Exclude<IdentifierKind, 'kyc' | 'ship_to'>;
const SHARED_KINDS: readonly SharedKind[] = ['account', 'phone', 'device', 'email', 'dispatch', 'return'];
/** How likely a ring shop is to use the operators' own pool for each kind of identifier. */
const POOL_USE: Record<SharedKind, number> = { account: 0.75, phone: 0.6, device: 0.65, email: 0.45, dispatch: 0.6, return: 0.45 };

interface Ring {
  readonly id: string;
  readonly size: number;
  readonly country: CountryProfile;
  readonly pools: {
    account: Account[];
    phone: Phone[];
    device: string[];
    email: Email[];
    dispatch: Address[];
    return: Address[];
  };
  readonly bursts: number[];
  readonly reported: boolean;
  bridgeTo: number;
  bridgeMember: number;
  seen: number;
  /** Pool index chosen per kind by each member so far (-1: its own identifier), to keep the ring connected. */
  readonly choices: Int16Array[];
  frontSeller: string | null;
  sharedKyc: string;
}

interface Hubs {
  readonly warehouses: Address[];
  readonly warehouseWeights: Float64Array;
  readonly settlement: Account[];
  readonly settlementWeights: Float64Array;
  readonly pickups: Address[];
  readonly pickupWeights: Float64Array;
}

/** Cumulative Zipf-like weights so that hub sizes range from hundreds to thousands of shops. */
function zipfCumulative(n: number, s = 0.8): Float64Array {
  const out = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += 1 / Math.pow(i + 1, s);
    out[i] = acc;
  }
  return out;
}

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function pad(prefix: string, n: number, width: number): string {
  return prefix + String(n).padStart(width, '0');
}

function sizeHistogram(sizes: readonly number[]): Record<string, number> {
  const histogram: Record<string, number> = { '3-4': 0, '5-9': 0, '10-29': 0, '30-99': 0, '100+': 0 };
  for (const size of sizes) {
    const bucket = size < 5 ? '3-4' : size < 10 ? '5-9' : size < 30 ? '10-29' : size < 100 ? '30-99' : '100+';
    histogram[bucket]! += 1;
  }
  return histogram;
}

/**
 * Generates a synthetic marketplace with planted counterfeit rings and known truth. Streams every
 * file, so memory depends on the number of rings and hubs, not on the number of rows.
 */
export async function generateMarketplace(options: SynthOptions): Promise<SynthManifest> {
  const knobs = knobsFor(options.preset, options.knobs);
  const format = options.format ?? 'csv';
  const gzip = options.gzip ?? false;
  const world = options.world ?? 'classic';
  if (!WORLD_NAMES.includes(world)) throw new Error(`synth: unknown world "${world}" (use ${WORLD_NAMES.join(', ')})`);
  if (world === 'hard') {
    const hard = await generateHardWorld({ knobs, seed: options.seed, outDir: options.outDir, format, gzip, onProgress: options.onProgress });
    const manifest: SynthManifest = {
      generator: GENERATOR,
      world,
      preset: options.preset,
      seed: options.seed,
      format,
      gzip,
      knobs,
      files: hard.files,
      counts: hard.counts,
      rings: { count: hard.rings.sizes.length, shops: hard.rings.sizes.reduce((a, b) => a + b, 0), sizes: sizeHistogram(hard.rings.sizes) },
      hubs: hard.hubs,
      structures: hard.structures,
    };
    fs.writeFileSync(path.join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  }
  const rng = new Rng(options.seed);
  const ext = `${format === 'csv' ? 'csv' : 'ndjson'}${gzip ? '.gz' : ''}`;

  fs.mkdirSync(options.outDir, { recursive: true });
  const files = {} as Record<Kind | 'truth', string>;
  const writers = {} as Record<Kind, RowWriter>;
  for (const kind of KINDS) {
    files[kind] = `${kind}.${ext}`;
    writers[kind] = new RowWriter(path.join(options.outDir, files[kind]), COLUMNS[kind], format, gzip);
  }
  files.truth = 'truth.csv';
  const truth = new RowWriter(path.join(options.outDir, files.truth), ['shop_id', 'ring_id', 'role'], 'csv', false);

  // ---- plan: ring sizes, which shop slots belong to rings, hubs --------------------------------------
  const totalShops = knobs.shops;
  const targetRingShops = Math.round(totalShops * knobs.ringShare);
  const sizes: number[] = [];
  let planned = 0;
  const maxSize = Math.max(knobs.ringSizeMin, Math.min(knobs.ringSizeMax, Math.floor(targetRingShops / 3)));
  while (planned < targetRingShops) {
    let size = rng.powerLaw(knobs.ringSizeMin, maxSize, knobs.ringSizeAlpha);
    if (planned + size > targetRingShops) size = Math.max(knobs.ringSizeMin, targetRingShops - planned);
    sizes.push(size);
    planned += size;
  }

  const ringOf = new Int32Array(totalShops).fill(-1);
  {
    const slots = new Int32Array(totalShops);
    for (let i = 0; i < totalShops; i++) slots[i] = i;
    let taken = 0;
    for (let r = 0; r < sizes.length; r++) {
      for (let k = 0; k < sizes[r]!; k++) {
        const j = taken + rng.int(totalShops - taken);
        const t = slots[taken]!;
        slots[taken] = slots[j]!;
        slots[j] = t;
        ringOf[slots[taken]!] = r;
        taken++;
      }
    }
  }

  const rings: Ring[] = sizes.map((size, r) => {
    const country = rng.pick(COUNTRIES);
    const count = (per: number) => 1 + Math.floor(size / per);
    const burstCount = rng.range(1, 3);
    const start = NOW - rng.range(30, 700) * DAY;
    return {
      id: pad('RING', r + 1, 5),
      size,
      country,
      pools: {
        account: Array.from({ length: count(15) }, () => newAccount(rng, rng.chance(0.6) ? 'iban' : 'card', country, PROVIDERS)),
        phone: Array.from({ length: count(20) }, () => newPhone(rng, country)),
        device: Array.from({ length: count(12) }, () => newDevice(rng)),
        email: Array.from({ length: count(12) }, () => newEmail(rng, rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES), rng.pick(EMAIL_DOMAINS))),
        dispatch: Array.from({ length: count(40) }, () => newAddress(rng, country)),
        return: Array.from({ length: count(60) }, () => newAddress(rng, country)),
      },
      bursts: Array.from({ length: burstCount }, (_, b) => start + b * rng.range(20, 120) * DAY),
      reported: rng.chance(knobs.reportedRingRate),
      bridgeTo: -1,
      bridgeMember: -1,
      seen: 0,
      choices: [],
      frontSeller: null,
      sharedKyc: `KYC-${rng.digits(12)}`,
    };
  });
  for (let r = 0; r < rings.length; r++) {
    if (rings.length > 1 && rng.chance(knobs.bridgeRate)) {
      let other = rng.int(rings.length - 1);
      if (other >= r) other++;
      rings[r]!.bridgeTo = other;
      rings[r]!.bridgeMember = rng.int(rings[r]!.size);
    }
  }

  const hubCount = (share: number, perHub: number, min: number) => Math.max(min, Math.round((totalShops * share) / (perHub * knobs.hubScale)));
  const nWarehouses = hubCount(0.25, 500, 2);
  const nSettlement = hubCount(0.12, 800, 2);
  const nPickups = hubCount(0.3, 400, 3);
  const hubs: Hubs = {
    warehouses: Array.from({ length: nWarehouses }, () => newAddress(rng, rng.pick(COUNTRIES), false)),
    warehouseWeights: zipfCumulative(nWarehouses),
    settlement: Array.from({ length: nSettlement }, () => ({
      ...newAccount(rng, 'iban', countryByCode(rng.pick(['DE', 'GB', 'NL'])), PROVIDERS),
      provider: rng.pick(SETTLEMENT_PROVIDERS),
    })),
    settlementWeights: zipfCumulative(nSettlement),
    pickups: Array.from({ length: nPickups }, () => newAddress(rng, rng.pick(COUNTRIES), false)),
    pickupWeights: zipfCumulative(nPickups),
  };

  // ---- per-shop generation -------------------------------------------------------------------------
  let sellerSeq = 0;
  let listingSeq = 0;
  let paymentSeq = 0;
  let reportSeq = 0;
  let legitSeller: { id: string; country: CountryProfile; remaining: number; account: Account; dispatch: Address; role: string } | null = null;
  let family: { phone: Phone; remaining: number } | null = null;

  const w = writers;
  const tag = () => rng.pick(['shop', 'store', 'biz', 'sales', 'x']) + String(rng.int(100));
  const addressRow = (shopId: string, kind: AddressKind, a: Address) => {
    const r = renderAddress(a, rng.int(ADDRESS_STYLES), rng.chance(knobs.typoRate));
    w.addresses.write([shopId, kind, r.line1, r.line2, r.city, r.region, r.postcode, r.country]);
  };
  const paymentRows = (shopId: string, accounts: readonly Account[], opened: number, country: CountryProfile) => {
    for (const account of accounts) {
      const n = rng.range(1, 2);
      for (let k = 0; k < n; k++) {
        paymentSeq++;
        w.payments.write([
          pad('P', paymentSeq, 9),
          shopId,
          renderAccount(account, rng.int(ACCOUNT_STYLES)),
          account.kind,
          account.provider,
          Math.round((50 + rng.float() * 20_000) * 100) / 100,
          country.currency,
          iso(opened + rng.float() * (NOW - opened)),
        ]);
      }
    }
  };
  const sellerRow = (
    id: string,
    country: CountryProfile,
    first: string,
    last: string,
    kyc: string,
    emails: string[],
    phones: string[],
    devices: string[],
    registered: number,
  ) => {
    w.sellers.write([id, `${first} ${last}`, country.code, iso(registered), kyc, emails, phones, devices]);
  };
  const shopName = (category: string) => `${rng.pick(SHOP_WORDS)} ${rng.pick(SHOP_WORDS)} ${category.charAt(0).toUpperCase()}${category.slice(1)}`;

  const listingRows = (shopId: string, opened: number, mode: 'ring' | 'reseller' | 'ordinary', suspended: boolean, reported: boolean, category: string) => {
    const count = Math.max(1, Math.round(knobs.listingsPerShop * (0.3 + 1.4 * rng.float())));
    for (let k = 0; k < count; k++) {
      listingSeq++;
      const listingId = pad('L', listingSeq, 10);
      let brand: Brand | null;
      let factor: number;
      if (mode === 'ring' && rng.chance(0.7)) {
        brand = rng.pick(PROTECTED_BRANDS);
        factor = 0.1 + 0.35 * rng.float();
      } else if (mode === 'reseller' && rng.chance(0.8)) {
        brand = rng.pick(PROTECTED_BRANDS);
        factor = 0.85 + 0.3 * rng.float();
      } else if (mode === 'ordinary' && rng.chance(0.01)) {
        // Honest shops sometimes carry a protected brand, discounted as honest sales are.
        brand = rng.pick(PROTECTED_BRANDS);
        factor = 0.6 + 0.35 * rng.float();
      } else {
        brand = rng.chance(0.7) ? rng.pick(ORDINARY_BRANDS) : null;
        factor = 0.7 + 0.6 * rng.float();
      }
      const typical = brand?.typicalPrice ?? 20 + rng.int(80);
      const product = brand ? rng.pick(brand.products) : 'Item';
      const title = `${brand ? `${brand.name} ` : ''}${product} ${rng.pick(['New', '2026', 'Original', 'Premium', 'Classic', 'Limited'])}`;
      const listedAt = opened + rng.float() * (NOW - opened);
      w.listings.write([
        listingId,
        shopId,
        title,
        brand?.name ?? null,
        brand?.category ?? category,
        Math.max(0.5, Math.round(typical * factor * 100) / 100),
        'USD',
        iso(listedAt),
        suspended ? 'delisted' : rng.chance(0.05) ? 'sold_out' : 'active',
      ]);
      if (brand?.protected) {
        let verdict: string | null = null;
        if (mode === 'ring' && reported && rng.chance(0.15)) verdict = 'counterfeit';
        else if (mode === 'reseller' && rng.chance(0.01)) verdict = 'genuine';
        else if (mode === 'ordinary' && rng.chance(0.05)) verdict = 'inconclusive';
        if (verdict !== null) {
          reportSeq++;
          w.brand_reports.write([
            pad('BR', reportSeq, 8),
            listingId,
            brand.name,
            `${brand.name} Brand Protection`,
            verdict,
            iso(listedAt + rng.float() * Math.max(DAY, NOW - listedAt)),
          ]);
        }
      }
    }
  };

  for (let i = 0; i < totalShops; i++) {
    const shopId = pad('S', i + 1, 8);
    const r = ringOf[i]!;
    if (r >= 0) {
      const ring = rings[r]!;
      const m = ring.seen++;
      const isolated = rng.chance(knobs.isolatedRingShopRate);
      const choice = new Int16Array(SHARED_KINDS.length).fill(-1);
      if (!isolated) {
        SHARED_KINDS.forEach((kind, k) => {
          if (rng.chance(POOL_USE[kind])) choice[k] = rng.int(ring.pools[kind].length);
        });
        // At least two shared identifiers, one of them also used by an earlier member: the ring is one
        // connected network, as a real operator's shops are.
        let shared = choice.reduce((n, c) => n + (c >= 0 ? 1 : 0), 0);
        while (shared < 2) {
          const k = rng.int(SHARED_KINDS.length);
          if (choice[k]! < 0) {
            choice[k] = rng.int(ring.pools[SHARED_KINDS[k]!].length);
            shared++;
          }
        }
        const earlier = ring.choices.filter((c) => c.some((v) => v >= 0));
        if (earlier.length > 0) {
          const anchor = earlier[rng.int(earlier.length)]!;
          const kinds = [...anchor.keys()].filter((k) => anchor[k]! >= 0);
          const k = kinds[rng.int(kinds.length)]!;
          choice[k] = anchor[k]!;
        }
      }
      ring.choices.push(choice);
      const pick = <T>(kind: SharedKind, own: () => T): T => {
        const k = SHARED_KINDS.indexOf(kind);
        return choice[k]! >= 0 ? (ring.pools[kind][choice[k]!] as T) : own();
      };
      const country = ring.country;
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const opened = Math.min(NOW - DAY, rng.pick(ring.bursts) + rng.float() * 10 * DAY);
      const suspended = rng.chance(knobs.suspendedRingShopRate);

      let sellerId: string;
      if (!isolated && ring.frontSeller !== null && rng.chance(0.15)) {
        sellerId = ring.frontSeller;
      } else {
        sellerId = pad('U', ++sellerSeq, 8);
        const phone = pick('phone', () => newPhone(rng, country));
        const phones = [renderPhone(phone, rng.int(PHONE_STYLES), country.code)];
        if (ring.bridgeTo >= 0 && m === ring.bridgeMember) {
          phones.push(renderPhone(rng.pick(rings[ring.bridgeTo]!.pools.phone), rng.int(PHONE_STYLES), country.code));
        }
        const email = pick('email', () => newEmail(rng, first, last, rng.pick(EMAIL_DOMAINS)));
        const device = pick('device', () => newDevice(rng));
        const kyc = !isolated && rng.chance(0.1) ? ring.sharedKyc : `KYC-${rng.digits(12)}`;
        sellerRow(
          sellerId,
          country,
          first,
          last,
          kyc,
          [renderEmail(email, rng.int(EMAIL_STYLES), tag())],
          phones,
          [renderDevice(device, rng.int(DEVICE_STYLES))],
          opened - rng.range(1, 20) * DAY,
        );
        if (!isolated) ring.frontSeller ??= sellerId;
      }
      const category = rng.pick(CATEGORIES);
      w.shops.write([shopId, sellerId, shopName(category), iso(opened), suspended ? 'suspended' : 'active', category]);

      const accounts = [pick('account', () => newAccount(rng, rng.chance(0.5) ? 'iban' : 'wallet', country, PROVIDERS))];
      if (rng.chance(knobs.ringHubUseRate)) accounts.push(hubs.settlement[rng.weighted(hubs.settlementWeights)]!);
      paymentRows(shopId, accounts, opened, country);

      const dispatch = rng.chance(knobs.ringHubUseRate)
        ? hubs.warehouses[rng.weighted(hubs.warehouseWeights)]!
        : pick('dispatch', () => newAddress(rng, country));
      addressRow(shopId, 'dispatch', dispatch);
      addressRow(
        shopId,
        'return',
        pick('return', () => dispatch),
      );
      if (rng.chance(0.5))
        addressRow(shopId, 'ship_to', rng.chance(0.5) ? hubs.pickups[rng.weighted(hubs.pickupWeights)]! : newAddress(rng, rng.pick(COUNTRIES)));

      listingRows(shopId, opened, 'ring', suspended, ring.reported, category);
      const role = isolated ? 'ring_isolated' : ring.bridgeTo >= 0 && m === ring.bridgeMember ? 'ring_bridge' : 'ring';
      truth.write([shopId, ring.id, role]);
    } else {
      // An honest shop: usually its own seller and identifiers, with the legitimate sharing real
      // marketplaces are full of (multi-shop sellers, families, warehouses, settlement accounts, pickups).
      if (legitSeller === null || legitSeller.remaining === 0) {
        const country = rng.pick(COUNTRIES);
        const first = rng.pick(FIRST_NAMES);
        const last = rng.pick(LAST_NAMES);
        const id = pad('U', ++sellerSeq, 8);
        let phone: Phone;
        let inFamily = true;
        if (family !== null && family.remaining > 0) {
          phone = family.phone;
          family.remaining--;
        } else if (rng.chance(knobs.familyRate)) {
          phone = newPhone(rng, country);
          family = { phone, remaining: rng.range(1, 3) };
        } else {
          inFamily = false;
          phone = newPhone(rng, country);
        }
        const emails = [renderEmail(newEmail(rng, first, last, rng.pick(EMAIL_DOMAINS)), rng.int(EMAIL_STYLES), tag())];
        if (rng.chance(0.2)) emails.push(renderEmail(newEmail(rng, first, last, rng.pick(EMAIL_DOMAINS)), 0, tag()));
        const devices = [renderDevice(newDevice(rng), rng.int(DEVICE_STYLES))];
        if (rng.chance(0.3)) devices.push(renderDevice(newDevice(rng), rng.int(DEVICE_STYLES)));
        sellerRow(
          id,
          country,
          first,
          last,
          `KYC-${rng.digits(12)}`,
          emails,
          [renderPhone(phone, rng.int(PHONE_STYLES), country.code)],
          devices,
          NOW - rng.range(60, 3000) * DAY,
        );
        const shops = rng.chance(knobs.multiShopSellerRate) ? rng.range(2, 3) : 1;
        legitSeller = {
          id,
          country,
          role: inFamily ? 'family' : shops > 1 ? 'multi_shop_seller' : 'legit',
          remaining: shops,
          account: newAccount(rng, rng.pick(['iban', 'iban', 'card', 'wallet'] as const), country, PROVIDERS),
          dispatch: newAddress(rng, country),
        };
      }
      const seller = legitSeller;
      seller.remaining--;
      const country = seller.country;
      const reseller = rng.chance(knobs.resellerRate);
      const category = rng.pick(CATEGORIES);
      const opened = NOW - rng.range(2, 1500) * DAY - rng.float() * DAY;
      w.shops.write([shopId, seller.id, shopName(category), iso(opened), rng.chance(0.01) ? 'closed' : 'active', category]);

      const accounts = [seller.account];
      if (rng.chance(0.15)) accounts.push(hubs.settlement[rng.weighted(hubs.settlementWeights)]!);
      paymentRows(shopId, accounts, opened, country);

      const dispatch = rng.chance(0.25) ? hubs.warehouses[rng.weighted(hubs.warehouseWeights)]! : seller.dispatch;
      addressRow(shopId, 'dispatch', dispatch);
      addressRow(shopId, 'return', rng.chance(0.7) ? dispatch : newAddress(rng, country));
      const shipTos = rng.int(3);
      for (let k = 0; k < shipTos; k++) {
        addressRow(shopId, 'ship_to', rng.chance(0.5) ? hubs.pickups[rng.weighted(hubs.pickupWeights)]! : newAddress(rng, rng.pick(COUNTRIES)));
      }

      listingRows(shopId, opened, reseller ? 'reseller' : 'ordinary', false, false, category);
      truth.write([shopId, null, reseller ? 'reseller' : seller.role]);
    }

    if ((i & 1023) === 0 || i === totalShops - 1) {
      for (const kind of KINDS) if (w[kind].needsFlush) await w[kind].flush();
      if (truth.needsFlush) await truth.flush();
      options.onProgress?.(i + 1, totalShops);
    }
  }

  for (const kind of KINDS) await w[kind].close();
  await truth.close();

  const counts = Object.fromEntries(KINDS.map((k) => [k, w[k].rows])) as Record<Kind, number>;
  const manifest: SynthManifest = {
    generator: GENERATOR,
    preset: options.preset,
    seed: options.seed,
    format,
    gzip,
    knobs,
    files,
    counts,
    rings: { count: rings.length, shops: planned, sizes: sizeHistogram(sizes) },
    hubs: { warehouses: nWarehouses, settlementAccounts: nSettlement, pickupPoints: nPickups },
  };
  fs.writeFileSync(path.join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
