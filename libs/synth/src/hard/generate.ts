import fs from 'node:fs';
import path from 'node:path';
import { COLUMNS, KINDS, luhnValid, type Kind } from '@ringwatch/contract';
import type { AddressKind } from '@ringwatch/kinds';
import { ibanWithCheckDigits, newDevice, newEmail, renderDevice, renderEmail, DEVICE_STYLES, EMAIL_STYLES, type Email } from '../identities';
import type { Knobs } from '../presets';
import { Rng } from '../rng';
import { CATEGORIES, EMAIL_DOMAINS, SETTLEMENT_PROVIDERS, SHOP_WORDS } from '../vocabulary';
import { RowWriter, type OutputFormat } from '../writer';
import {
  cheapLines,
  LINE_BRANDS,
  ORDINARY_LINE_BRANDS,
  PROTECTED_LINE_BRANDS,
  SECOND_HAND_WORDS,
  TITLE_WORDS,
  type LineBrand,
  type ProductLine,
} from './brands';
import { PLACE_COUNTRIES, placeCountry, VARIANT_LANGUAGE_COUNTRIES, type PlaceCountry } from './places';
import { asciiFold, fillPattern, newPhone, newPlace, renderPhone, renderPlace, type Phone, type Place, type Unit } from './render';
import { HARD_WORLD, RING_STRUCTURES, type HardWorldParams, type HonestStructure, type RingStructure, type ShareToken, type Structure } from './structures';

/** All times are before this instant, so the output does not depend on when it is generated (as in the classic world). */
const NOW = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;
/** Worlds are planned and written in blocks of at most this many shops, so memory stays flat (medium: four blocks). */
const BLOCK_SHOPS = 25_000;

export const HARD_TRUTH_COLUMNS = ['shop_id', 'ring_id', 'role', 'group_id', 'structure', 'shares'] as const;

interface Account {
  readonly kind: 'iban' | 'card' | 'wallet';
  readonly value: string;
  readonly provider: string;
}

interface Seller {
  id: string | null;
  readonly country: PlaceCountry;
  readonly first: string;
  readonly last: string;
  kyc: string;
  readonly emails: Email[];
  readonly phones: Phone[];
  readonly devices: string[];
  readonly registered: number;
  readonly sparse: boolean;
}

interface AccountUse {
  readonly account: Account;
  /** Payments fall in this window (rotated accounts are used for a while only). */
  readonly from: number;
  readonly to: number;
}

interface AddressUse {
  readonly kind: AddressKind;
  readonly place: Place;
  readonly unit: Unit | null;
  readonly careOf: string | null;
}

type ListingMode = 'counterfeit' | 'official' | 'outlet' | 'cheap_lines' | 'second_hand' | 'ordinary';

interface Shop {
  readonly seller: Seller;
  readonly structure: Structure;
  role: string;
  readonly ring: string | null;
  readonly group: string | null;
  readonly shares: Set<ShareToken>;
  opened: number;
  status: 'active' | 'suspended' | 'closed';
  readonly category: string;
  readonly accounts: AccountUse[];
  readonly addresses: AddressUse[];
  listing: ListingMode;
  /** The brand an official store, distributor or cheap-line reseller sells; a ring's favourites. */
  readonly brands: readonly LineBrand[];
  readonly reported: boolean;
  /** A counterfeit listing's price as a share of the genuine line's: most rings sell far below, some near second-hand prices. */
  readonly priceBand: readonly [number, number];
  /** Share of a ring's counterfeit listings titled as second-hand goods, to explain their price. */
  readonly disguise: number;
  readonly name: string;
}

export interface HardWorldOptions {
  readonly knobs: Knobs;
  readonly seed: number;
  readonly outDir: string;
  readonly format: OutputFormat;
  readonly gzip: boolean;
  readonly params?: HardWorldParams;
  readonly onProgress?: (shopsDone: number, shopsTotal: number) => void;
}

export interface StructureCount {
  count: number;
  shops: number;
  minSize: number;
  maxSize: number;
}

export interface HardWorldSummary {
  readonly files: Record<Kind | 'truth', string>;
  readonly counts: Record<Kind, number>;
  readonly rings: { readonly sizes: readonly number[] };
  /** Per structure: how many rings or legitimate groups, their shops, smallest and largest. */
  readonly structures: { readonly rings: Record<string, StructureCount>; readonly groups: Record<string, StructureCount> };
  readonly hubs: { readonly warehouses: number; readonly settlementAccounts: number; readonly pickupPoints: number };
}

const BANKS: Record<string, readonly string[]> = {
  DE: ['Deutsche Bank', 'Commerzbank', 'Sparkasse', 'Volksbank'],
  FR: ['BNP Paribas', 'Société Générale', 'Crédit Agricole', 'La Banque Postale'],
  ES: ['Santander', 'BBVA', 'CaixaBank', 'Sabadell'],
  IT: ['UniCredit', 'Intesa Sanpaolo', 'Banco BPM'],
  NL: ['ING', 'Rabobank', 'ABN AMRO'],
  PL: ['PKO BP', 'mBank', 'Bank Pekao', 'Santander Bank Polska'],
  GB: ['Barclays', 'HSBC', 'Lloyds', 'NatWest'],
};
const WALLETS = ['PayPal', 'Alipay', 'WeChat Pay', 'Payoneer', 'Wise'];
const SMALL_PROVIDERS = [
  'Klarpay Merchant Services',
  'PayNest',
  'Lumio Payments',
  'Zeta Pay',
  'Sendwise',
  'Orbipay',
  'Kassa24',
  'Paylio',
  'Fintrail',
  'Mercantia Pay',
];
const AGENT_NAMES = [
  'ShopBridge',
  'Crossborder Hub',
  'EuroFulfil',
  'Parcelway',
  'SinoEuro Link',
  'Marketmate',
  'Stockpoint',
  'Packhaus',
  'Logiq',
  'Easyship Partners',
];
const PAYOUT_COUNTRIES = ['GB', 'NL', 'DE', 'PL'];

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function pad(prefix: string, n: number, width: number): string {
  return prefix + String(n).padStart(width, '0');
}

/** One number per building (country, city, street, house number): a set of a million of them stays small. */
function buildingNumber(p: Place): number {
  const country = PLACE_COUNTRIES.indexOf(p.country);
  const city = p.country.cities.indexOf(p.city);
  const residential = p.country.streets.indexOf(p.street);
  const street = residential >= 0 ? residential : 32 + p.country.industrialStreets.indexOf(p.street);
  const digits = Number.parseInt(p.number, 10);
  const letter = p.number.length > String(digits).length ? p.number.charCodeAt(p.number.length - 1) - 96 : 0;
  return (((country * 16 + city) * 64 + street) * 262_144 + digits) * 4 + letter;
}

function zipfCumulative(n: number, s = 0.8): Float64Array {
  const out = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += 1 / Math.pow(i + 1, s);
    out[i] = acc;
  }
  return out;
}

/**
 * The hard world: a marketplace with the legitimate sharing real ones are full of (families, flat-shares,
 * payment providers' pooled accounts, logistics agents, brand-store groups and distributors selling wide
 * price lines, second-hand sellers) and rings that hide in it (chains of single links, rotating payout
 * accounts, honest hubs, one warehouse written in many languages). See libs/synth/README.md.
 */
export async function generateHardWorld(options: HardWorldOptions): Promise<HardWorldSummary> {
  const { knobs } = options;
  const params = options.params ?? HARD_WORLD;
  const rng = new Rng(options.seed);
  const N = knobs.shops;
  // Every structure needs room: a pooled account alone may serve 40 merchants.
  if (N < 200) throw new Error('synth: the hard world needs at least 200 shops');
  let placeSeq = 0;
  const buildings = new Set<number>();
  // Longer streets in bigger worlds, so that every building handed out can be a new one.
  const maxNumber = Math.max(600, Math.round(N / 150));
  const maxIndustrialNumber = Math.max(300, Math.round(N / 1500));
  /**
   * A new building, never one handed out before: unrelated shops meet at one building only where a
   * structure puts them (a shared building, a warehouse), not by the chance of a small street list.
   */
  const place = (country: PlaceCountry, industrial = false, city = rng.pick(country.cities)): Place => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const p = newPlace(rng, ++placeSeq, country, industrial, attempt < 50 ? city : rng.pick(country.cities), industrial ? maxIndustrialNumber : maxNumber);
      const key = buildingNumber(p);
      if (!buildings.has(key)) {
        buildings.add(key);
        return p;
      }
    }
    throw new Error(`synth: no free building left in ${country.code}; the world is too large for its street lists`);
  };

  const countryWeights = new Float64Array(PLACE_COUNTRIES.length);
  PLACE_COUNTRIES.reduce((acc, c, i) => (countryWeights[i] = acc + c.weight), 0);
  const anyCountry = () => PLACE_COUNTRIES[rng.weighted(countryWeights)]!;

  // ---- identifiers --------------------------------------------------------------------------------------
  // Random, never sequential: a number issued in planning order would tell rings from honest sellers.
  const personKyc = (c: PlaceCountry) => `${c.code}${rng.digits(10)}${rng.hex(2).toUpperCase()}`;
  const companyKyc = (c: PlaceCountry) => `${c.code}-HR-${rng.digits(9)}`;
  const iban = (countryCode: string, provider: string): Account => {
    const c = placeCountry(countryCode);
    const spec = c.iban ?? placeCountry('GB').iban!;
    return { kind: 'iban', value: ibanWithCheckDigits(spec.country, fillPattern(rng, spec.bban)), provider };
  };
  const card = (): Account => {
    const scheme = rng.pick(['Visa', 'Mastercard']);
    const partial = (scheme === 'Visa' ? '4' : `5${rng.range(1, 5)}`) + rng.digits(scheme === 'Visa' ? 14 : 13);
    let d = 0;
    while (!luhnValid(`${partial}${d}`)) d++;
    return { kind: 'card', value: `${partial}${d}`, provider: scheme };
  };
  const wallet = (provider = rng.pick(WALLETS)): Account => ({ kind: 'wallet', value: `${provider === 'Alipay' ? '2088' : 'W'}${rng.digits(12)}`, provider });
  const ownAccount = (c: PlaceCountry): Account => {
    if (c.iban === null) return rng.chance(0.6) ? wallet() : rng.chance(0.5) ? card() : iban('GB', 'Payoneer');
    const x = rng.float();
    return x < 0.7 ? iban(c.code, rng.pick(BANKS[c.code]!)) : x < 0.85 ? wallet() : card();
  };
  const email = (first: string, last: string): Email => newEmail(rng, asciiFold(first), asciiFold(last), rng.pick(EMAIL_DOMAINS));

  const newSeller = (c: PlaceCountry, registeredBefore: number, last = rng.pick(c.lastNames)): Seller => {
    const first = rng.pick(c.firstNames);
    const sparse = rng.chance(params.sparseRate);
    const seller: Seller = {
      id: null,
      country: c,
      first,
      last,
      // A tenth of sellers register as companies: a company number is no sign of an official store.
      kyc: rng.chance(0.1) ? companyKyc(c) : personKyc(c),
      emails: sparse && rng.chance(0.5) ? [] : [email(first, last)],
      phones: sparse && rng.chance(0.5) ? [] : [newPhone(rng, c, rng.chance(0.2))],
      devices: sparse && rng.chance(0.6) ? [] : [newDevice(rng)],
      registered: registeredBefore - rng.range(1, 400) * DAY,
      sparse,
    };
    if (rng.chance(0.15)) seller.emails.push(email(first, last));
    if (rng.chance(0.25)) seller.devices.push(newDevice(rng));
    return seller;
  };
  const shopName = (category: string) => `${rng.pick(SHOP_WORDS)} ${rng.pick(SHOP_WORDS)} ${category.charAt(0).toUpperCase()}${category.slice(1)}`;
  const openedSpread = (maxDays = 2500) => NOW - rng.range(2, maxDays) * DAY - rng.float() * DAY;

  // ---- hubs: big warehouses, settlement accounts, pickup points (above any hub threshold) --------------
  const hubCount = (share: number, perHub: number, min: number) => Math.max(min, Math.round((N * share) / (perHub * knobs.hubScale)));
  const nWarehouses = hubCount(0.25, 500, 2);
  const nSettlement = hubCount(0.12, 800, 2);
  const nPickups = hubCount(0.3, 400, 3);
  const warehouses = Array.from({ length: nWarehouses }, () => {
    const c = anyCountry();
    return { place: place(c, true), operator: `${rng.pick(AGENT_NAMES)} ${rng.pick(c.companySuffixes)}`, halls: rng.range(2, 9) };
  });
  const warehouseWeights = zipfCumulative(nWarehouses);
  const settlement = Array.from({ length: nSettlement }, () => iban(rng.pick(PAYOUT_COUNTRIES), rng.pick(SETTLEMENT_PROVIDERS)));
  const settlementWeights = zipfCumulative(nSettlement);
  const pickups = Array.from({ length: nPickups }, () => place(anyCountry()));
  const pickupWeights = zipfCumulative(nPickups);
  const hubWarehouse = (shop: { name: string }): AddressUse & { operator: string } => {
    const w = warehouses[rng.weighted(warehouseWeights)]!;
    // A fulfilment centre: many clients write a hall or gate, some write it in care of themselves.
    const unit: Unit | null = rng.chance(0.6) ? { kind: 'hall', n: rng.range(1, w.halls) } : null;
    return { kind: 'dispatch', place: w.place, unit, careOf: rng.chance(0.3) ? shop.name : rng.chance(0.3) ? w.operator : null, operator: w.operator };
  };
  const ownHome = (c: PlaceCountry): { place: Place; unit: Unit | null } => ({
    place: place(c),
    unit: rng.chance(0.5) ? { kind: 'flat', n: rng.range(1, 40) } : null,
  });
  const pickupUse = (): AddressUse => ({ kind: 'ship_to', place: pickups[rng.weighted(pickupWeights)]!, unit: null, careOf: null });
  const randomShipTo = (): AddressUse => ({
    kind: 'ship_to',
    place: place(anyCountry()),
    unit: rng.chance(0.5) ? { kind: 'flat', n: rng.range(1, 60) } : null,
    careOf: null,
  });

  /** The block being planned: a world is planned and written in blocks, so memory stays flat however large it is. */
  let shops: Shop[] = [];
  let groupSeq = 0;
  const ringMeta: { id: string; structure: RingStructure; size: number }[] = [];
  const groupMeta: { id: string; structure: HonestStructure; size: number }[] = [];

  /** An ordinary shop of a seller: own account, own dispatch and return, ship-to addresses, some hub use. */
  const baseShop = (
    seller: Seller,
    structure: Structure,
    fields: {
      ring?: string | null;
      group?: string | null;
      listing?: ListingMode;
      brands?: LineBrand[];
      reported?: boolean;
      priceBand?: readonly [number, number];
      disguise?: number;
      opened?: number;
      category?: string;
      name?: string;
    },
  ): Shop => {
    const category = fields.category ?? rng.pick(CATEGORIES);
    const opened = fields.opened ?? openedSpread();
    return {
      seller,
      structure,
      role: fields.ring ? 'ring' : 'legit',
      ring: fields.ring ?? null,
      group: fields.group ?? null,
      shares: new Set(),
      opened: Math.min(opened, NOW - DAY),
      status: 'active',
      category,
      accounts: [],
      addresses: [],
      listing: fields.listing ?? 'ordinary',
      brands: fields.brands ?? [],
      reported: fields.reported ?? false,
      priceBand: fields.priceBand ?? [0.08, 0.45],
      disguise: fields.disguise ?? 0,
      name: fields.name ?? shopName(category),
    };
  };
  /** A seller's own account, dispatch (its home, or a warehouse hub), return and ship-to addresses, where the shop has none yet. */
  const fillOwn = (shop: Shop, own: { account?: Account; home?: { place: Place; unit: Unit | null }; hubUse?: number; singleLinks?: boolean }) => {
    const c = shop.seller.country;
    const hubUse = own.hubUse ?? 0.2;
    if (!shop.accounts.some(() => true) || rng.chance(0.3)) shop.accounts.push({ account: own.account ?? ownAccount(c), from: shop.opened, to: NOW });
    if (rng.chance(hubUse * 0.6)) shop.accounts.push({ account: settlement[rng.weighted(settlementWeights)]!, from: shop.opened, to: NOW });
    if (!shop.addresses.some((a) => a.kind === 'dispatch')) {
      if (rng.chance(hubUse)) shop.addresses.push(hubWarehouse(shop));
      else shop.addresses.push({ kind: 'dispatch', ...(own.home ?? ownHome(c)), careOf: null });
    }
    if (!shop.addresses.some((a) => a.kind === 'return')) {
      // Returns mostly go where parcels leave from; a chain's dispatch link stays a single link.
      const dispatch = shop.addresses.find((a) => a.kind === 'dispatch')!;
      const shared = shop.shares.has('dispatch');
      if (rng.chance(0.7) && !(shared && own.singleLinks)) {
        shop.addresses.push({ ...dispatch, kind: 'return' });
        if (shared) shop.shares.add('return');
      } else {
        shop.addresses.push({ kind: 'return', place: place(c), unit: null, careOf: null });
      }
    }
    const shipTos = rng.int(3);
    for (let k = 0; k < shipTos; k++) shop.addresses.push(rng.chance(0.5) ? pickupUse() : randomShipTo());
  };

  /** Rings, legitimate groups and independent shops of one block of the world (hubs are the world's). */
  const planBlock = (blockN: number): Shop[] => {
    shops = [];
    // ---- rings -----------------------------------------------------------------------------------------------
    const targetRingShops = Math.round(blockN * knobs.ringShare);
    const ringPlan: { structure: RingStructure; size: number }[] = [];
    {
      let planned = 0;
      const sizeOf = (s: RingStructure) => {
        const { min, max } = params.rings[s].size;
        if (s === 'classic_ring') {
          const top = Math.max(knobs.ringSizeMin, Math.min(knobs.ringSizeMax, Math.floor(targetRingShops / 3)));
          return rng.powerLaw(Math.max(min, knobs.ringSizeMin), top, knobs.ringSizeAlpha);
        }
        if (s === 'hub_hiding_ring' || s === 'variant_warehouse_ring') return rng.powerLaw(min, max, 1.6);
        return rng.range(min, max);
      };
      // One of each structure first (where it fits), then a weighted mixture.
      for (const s of RING_STRUCTURES) {
        if (planned + params.rings[s].size.min > targetRingShops) continue;
        const size = Math.min(sizeOf(s), targetRingShops - planned);
        ringPlan.push({ structure: s, size });
        planned += size;
      }
      const weights = new Float64Array(RING_STRUCTURES.length);
      RING_STRUCTURES.reduce((acc, s, i) => (weights[i] = acc + params.rings[s].weight), 0);
      while (planned < targetRingShops) {
        const s = RING_STRUCTURES[rng.weighted(weights)]!;
        let size = sizeOf(s);
        if (planned + size > targetRingShops) size = targetRingShops - planned;
        if (size < params.rings[s].size.min) {
          if (ringPlan.length === 0) break;
          // Too few shops left for this structure: the last classic-shaped ring takes them.
          ringPlan.push({ structure: 'classic_ring', size: Math.max(3, size) });
          planned += Math.max(3, size);
          continue;
        }
        ringPlan.push({ structure: s, size });
        planned += size;
      }
    }

    const ringCountry = (s: RingStructure) => (s === 'variant_warehouse_ring' ? placeCountry(rng.pick(VARIANT_LANGUAGE_COUNTRIES)) : anyCountry());
    const favouriteBrands = () => {
      const n = rng.range(1, 3);
      return Array.from({ length: n }, () => rng.pick(PROTECTED_LINE_BRANDS));
    };
    /** Days on which a ring opens shops (each burst lasts ten days), all over before now: no shop opens "today" by clamping. */
    const bursts = () => {
      const start = NOW - rng.range(30, 700) * DAY;
      const days = Array.from({ length: rng.range(1, 3) }, (_, b) => start + b * rng.range(20, 120) * DAY);
      const overshoot = Math.max(0, days[days.length - 1]! + 11 * DAY - NOW);
      return days.map((d) => d - overshoot);
    };
    /** Gives two shops one identifier of a kind (a new one), as chain and tree links do. */
    const link = (a: Shop, b: Shop, kind: ShareToken) => {
      const c = a.seller.country;
      switch (kind) {
        case 'phone': {
          const p = newPhone(rng, c, rng.chance(0.3));
          a.seller.phones.push(p);
          b.seller.phones.push(p);
          break;
        }
        case 'email': {
          const e = email(a.seller.first, a.seller.last);
          a.seller.emails.push(e);
          b.seller.emails.push(e);
          break;
        }
        case 'device': {
          const d = newDevice(rng);
          a.seller.devices.push(d);
          b.seller.devices.push(d);
          break;
        }
        case 'kyc':
          b.seller.kyc = a.seller.kyc;
          break;
        case 'account': {
          const acc = ownAccount(c);
          a.accounts.push({ account: acc, from: a.opened, to: NOW });
          b.accounts.push({ account: acc, from: b.opened, to: NOW });
          break;
        }
        default: {
          const where = kind as 'dispatch' | 'return' | 'ship_to';
          const p = place(c, where !== 'ship_to' && rng.chance(0.5));
          a.addresses.push({ kind: where, place: p, unit: null, careOf: null });
          b.addresses.push({ kind: where, place: p, unit: null, careOf: null });
        }
      }
      a.shares.add(kind);
      b.shares.add(kind);
    };

    ringPlan.forEach((plan) => {
      const id = pad('RING', ringMeta.length + 1, 5);
      const country = ringCountry(plan.structure);
      const reported = rng.chance(knobs.reportedRingRate);
      // Most rings undercut far; a fifth price their copies like second-hand goods, to look plausible.
      const plausible = rng.chance(0.2);
      const priceBand: readonly [number, number] = plausible ? [0.3, 0.6] : [0.08, 0.45];
      // Half of those also title a good part of their copies as pre-owned, as if that explained the price.
      const disguise = plausible && rng.chance(0.5) ? 0.4 : 0;
      const brands = favouriteBrands();
      const when = bursts();
      const members: Shop[] = [];
      // Chains and rotating rings open one shop after another, 5-40 days apart, the last before now.
      const sequential = plan.structure === 'chain_ring' || plan.structure === 'strong_chain_ring' || plan.structure === 'rotating_account_ring';
      let cursor = NOW - (plan.size * 40 + rng.range(30, 300)) * DAY;
      for (let m = 0; m < plan.size; m++) {
        if (sequential) cursor += rng.range(5, 40) * DAY;
        const opened = sequential ? cursor + rng.float() * DAY : rng.pick(when) + rng.float() * 10 * DAY;
        const sellerCountry = plan.structure === 'variant_warehouse_ring' && rng.chance(0.2) ? placeCountry('CN') : country;
        const seller = newSeller(sellerCountry, opened);
        const shop = baseShop(seller, plan.structure, {
          ring: id,
          listing: 'counterfeit',
          brands,
          reported,
          priceBand,
          disguise,
          opened,
          name: rng.chance(0.2) ? `${rng.pick(brands).name} ${rng.pick(SHOP_WORDS)}` : undefined,
        });
        if (rng.chance(knobs.suspendedRingShopRate)) shop.status = 'suspended';
        members.push(shop);
      }
      const isolated = new Set<Shop>();
      if (plan.size >= 4) for (const s of members) if (rng.chance(params.isolatedRingShopRate)) isolated.add(s);
      const linked = members.filter((s) => !isolated.has(s));

      switch (plan.structure) {
        case 'classic_ring': {
          // Pools of identifiers the operators hand out, as in the classic world, written in many ways.
          const count = (per: number) => 1 + Math.floor(plan.size / per);
          const pools = {
            account: Array.from({ length: count(15) }, () => ownAccount(country)),
            phone: Array.from({ length: count(20) }, () => newPhone(rng, country, rng.chance(0.3))),
            device: Array.from({ length: count(12) }, () => newDevice(rng)),
            email: Array.from({ length: count(12) }, () => email(rng.pick(country.firstNames), rng.pick(country.lastNames))),
            dispatch: Array.from({ length: count(40) }, () => place(country, true)),
            return: Array.from({ length: count(60) }, () => place(country, true)),
          };
          const use = { account: 0.75, phone: 0.6, device: 0.65, email: 0.45, dispatch: 0.6, return: 0.45 };
          const kinds = Object.keys(use) as (keyof typeof use)[];
          const sharedKyc = linked[0]?.seller.kyc ?? '';
          const chosen: Map<keyof typeof use, number>[] = [];
          for (const shop of linked) {
            const choice = new Map<keyof typeof use, number>();
            for (const k of kinds) if (rng.chance(use[k])) choice.set(k, rng.int(pools[k].length));
            while (choice.size < 2) {
              const k = rng.pick(kinds);
              if (!choice.has(k)) choice.set(k, rng.int(pools[k].length));
            }
            // One identifier also used by an earlier member: one connected network.
            if (chosen.length > 0) {
              const anchor = rng.pick(chosen);
              const k = rng.pick([...anchor.keys()]);
              choice.set(k, anchor.get(k)!);
            }
            chosen.push(choice);
            for (const [k, i] of choice) {
              if (k === 'account') shop.accounts.push({ account: pools.account[i]!, from: shop.opened, to: NOW });
              else if (k === 'phone') shop.seller.phones.splice(0, shop.seller.phones.length, pools.phone[i]!);
              else if (k === 'device') shop.seller.devices.splice(0, shop.seller.devices.length, pools.device[i]!);
              else if (k === 'email') shop.seller.emails.splice(0, shop.seller.emails.length, pools.email[i]!);
              else shop.addresses.push({ kind: k, place: pools[k][i]!, unit: rng.chance(0.3) ? { kind: 'hall', n: rng.range(1, 3) } : null, careOf: null });
              shop.shares.add(k);
            }
            if (rng.chance(0.1) && sharedKyc !== '') {
              shop.seller.kyc = sharedKyc;
              shop.shares.add('kyc');
            }
          }
          for (const shop of members) fillOwn(shop, { hubUse: knobs.ringHubUseRate });
          break;
        }
        case 'chain_ring':
        case 'strong_chain_ring': {
          // Consecutive shops share exactly one identifier, each link of another kind than the one before.
          const kinds: ShareToken[] =
            plan.structure === 'strong_chain_ring' ? ['account', 'device', 'kyc'] : ['phone', 'email', 'dispatch', 'device', 'account', 'return', 'kyc'];
          let previous: ShareToken | null = null;
          for (let i = 0; i + 1 < linked.length; i++) {
            let kind: ShareToken = rng.pick(kinds);
            while (kind === previous) kind = rng.pick(kinds);
            // A seller has one identity document: two kyc links in a row would merge three sellers.
            link(linked[i]!, linked[i + 1]!, kind);
            previous = kind;
          }
          for (const shop of members) fillOwn(shop, { hubUse: 0.15, singleLinks: true });
          break;
        }
        case 'rotating_account_ring': {
          // Each payout account serves two or three shops in turn, consecutive accounts overlapping in one shop.
          let start = 0;
          while (start < linked.length - 1) {
            const span = Math.min(rng.chance(0.5) ? 2 : 3, linked.length - start);
            const users = linked.slice(start, start + span);
            const acc = ownAccount(country);
            const from = users[0]!.opened;
            const to = Math.min(NOW, users[users.length - 1]!.opened + rng.range(30, 120) * DAY);
            for (const u of users) {
              u.accounts.push({ account: acc, from, to });
              u.shares.add('account');
            }
            start += span - 1;
          }
          if (linked.length > 2) {
            const device = newDevice(rng);
            for (const s of linked) {
              if (rng.chance(0.25)) {
                s.seller.devices.push(device);
                s.shares.add('device');
              }
            }
          }
          for (const shop of members) fillOwn(shop, { hubUse: 0.3 });
          break;
        }
        case 'hub_hiding_ring': {
          // Honest hubs for most things, and a thin tree of the operators' own links underneath.
          const ownKinds: ShareToken[] = ['device', 'device', 'phone', 'phone', 'email', 'account'];
          for (let i = 1; i < linked.length; i++) {
            const j = rng.int(i);
            const first = rng.pick(ownKinds);
            link(linked[i]!, linked[j]!, first);
            if (rng.chance(0.3)) {
              const second = rng.pick(ownKinds);
              if (second !== first) link(linked[i]!, linked[j]!, second);
            }
          }
          for (const shop of members) {
            if (rng.chance(0.85)) shop.addresses.push(hubWarehouse(shop));
            if (rng.chance(0.6)) shop.accounts.push({ account: settlement[rng.weighted(settlementWeights)]!, from: shop.opened, to: NOW });
            if (rng.chance(0.8)) shop.addresses.push(pickupUse());
            fillOwn(shop, { hubUse: 0.5 });
          }
          break;
        }
        case 'variant_warehouse_ring': {
          // One warehouse of the operators', written by every shop its own way (language, abbreviations,
          // diacritics, hall and floor notes, care-of the front company); phones in every format.
          const warehouse = place(country, true);
          const front = `${rng.pick(country.lastNames)} ${rng.pick(country.companySuffixes)}`;
          const halls = rng.range(1, 3);
          const phones = Array.from({ length: rng.range(1, 2) }, () => newPhone(rng, country, rng.chance(0.5), warehouse.city));
          const ringEmail = email(rng.pick(country.firstNames), rng.pick(country.lastNames));
          for (const shop of linked) {
            const note = (): Unit | null =>
              rng.chance(0.45) ? { kind: 'hall', n: rng.range(1, halls) } : rng.chance(0.25) ? { kind: 'floor', n: rng.range(1, 4) } : null;
            const careOf = rng.chance(0.4) ? front : null;
            let uses = 0;
            if (rng.chance(0.9)) {
              shop.addresses.push({ kind: 'dispatch', place: warehouse, unit: note(), careOf });
              shop.shares.add('dispatch');
              uses++;
            }
            if (rng.chance(0.7)) {
              shop.addresses.push({ kind: 'return', place: warehouse, unit: note(), careOf: rng.chance(0.5) ? careOf : null });
              shop.shares.add('return');
              uses++;
            }
            if (rng.chance(0.55) || uses === 0) {
              shop.seller.phones.splice(0, shop.seller.phones.length, rng.pick(phones));
              shop.shares.add('phone');
            }
            if (rng.chance(0.15)) {
              shop.seller.emails.splice(0, shop.seller.emails.length, ringEmail);
              shop.shares.add('email');
            }
          }
          for (const shop of members) fillOwn(shop, { hubUse: 0.15 });
          break;
        }
      }
      for (const s of isolated) s.role = 'ring_isolated';
      shops.push(...members);
      ringMeta.push({ id, structure: plan.structure, size: plan.size });
    });

    // ---- legitimate groups -----------------------------------------------------------------------------------
    /** Small providers' pooled payout accounts, which rings hiding behind hubs use too. */
    const providerAccounts: Account[] = [];
    const groupSizes = (structure: Exclude<HonestStructure, 'independent' | 'multi_shop_seller'>): number[] => {
      const { share, size } = params.groups[structure];
      const budget = Math.max(size.min, Math.round(blockN * share));
      const sizes: number[] = [];
      let planned = 0;
      while (planned < budget) {
        // Small groups are common, big ones rare.
        const s = size.max - size.min >= 8 ? rng.powerLaw(size.min, size.max, 1.5) : rng.range(size.min, size.max);
        sizes.push(s);
        planned += s;
      }
      return sizes;
    };
    /** What an honest shop sells; resale platforms and small providers serve more second-hand merchants than the marketplace at large. */
    const honestListing = (secondHand = params.secondHandRate, cheap = params.cheapLineResellerRate): ListingMode => {
      const x = rng.float();
      return x < secondHand ? 'second_hand' : x < secondHand + cheap ? 'cheap_lines' : 'ordinary';
    };
    const familyListing = (): ListingMode => {
      const x = rng.float();
      return x < 0.35 ? 'second_hand' : x < 0.5 ? 'cheap_lines' : 'ordinary';
    };
    const newGroup = (structure: HonestStructure, size: number) => {
      const id = pad('G', ++groupSeq, 6);
      groupMeta.push({ id, structure, size });
      return id;
    };
    const roleOf = (mode: ListingMode) =>
      mode === 'second_hand'
        ? 'second_hand'
        : mode === 'cheap_lines'
          ? 'reseller'
          : mode === 'official'
            ? 'official_store'
            : mode === 'outlet'
              ? 'outlet'
              : 'legit';
    const honestShop = (seller: Seller, structure: HonestStructure, group: string | null, mode: ListingMode, opened?: number, brands?: LineBrand[]) => {
      const shop = baseShop(seller, structure, {
        group,
        listing: mode,
        opened,
        brands: brands ?? (mode === 'ordinary' ? [] : [rng.pick(PROTECTED_LINE_BRANDS)]),
      });
      shop.role = roleOf(mode);
      if (rng.chance(0.01)) shop.status = 'closed';
      else if (rng.chance(0.003)) shop.status = 'suspended';
      return shop;
    };

    // Families: different sellers sharing a phone and/or a home (ship-to, sometimes dispatch), sometimes an email.
    for (const size of groupSizes('family')) {
      const group = newGroup('family', size);
      const c = anyCountry();
      const home = place(c, false);
      const flat: Unit = { kind: 'flat', n: rng.range(1, 60) };
      const last = rng.pick(c.lastNames);
      const sharePhone = rng.chance(0.65);
      const shareShipTo = !sharePhone || rng.chance(0.6);
      const shareEmail = rng.chance(0.15);
      const shareDispatch = rng.chance(0.3);
      const joint = size >= 2 && rng.chance(params.jointAccountRate);
      const phone = newPhone(rng, c, rng.chance(0.4));
      const familyEmail = email(rng.pick(c.firstNames), last);
      const together = rng.chance(0.2) ? NOW - rng.range(60, 1500) * DAY : null;
      const jointAccount = ownAccount(c);
      for (let m = 0; m < size; m++) {
        const opened = together !== null ? together + rng.range(0, 30) * DAY + rng.float() * DAY : openedSpread();
        const seller = newSeller(c, opened, rng.chance(0.6) ? last : undefined);
        const shop = honestShop(seller, 'family', group, familyListing(), opened);
        if (sharePhone) {
          if (rng.chance(0.5)) seller.phones.splice(0, seller.phones.length);
          seller.phones.push(phone);
          shop.shares.add('phone');
        }
        if (shareEmail) {
          seller.emails.push(familyEmail);
          shop.shares.add('email');
        }
        if (shareShipTo) {
          shop.addresses.push({ kind: 'ship_to', place: home, unit: rng.chance(0.7) ? flat : null, careOf: null });
          shop.shares.add('ship_to');
        }
        if (shareDispatch) {
          shop.addresses.push({ kind: 'dispatch', place: home, unit: rng.chance(0.7) ? flat : null, careOf: null });
          shop.shares.add('dispatch');
        }
        if (joint && m < 2) {
          shop.accounts.push({ account: jointAccount, from: opened, to: NOW });
          shop.shares.add('account');
        }
        fillOwn(shop, { hubUse: 0.1 });
        shops.push(shop);
      }
    }

    // Family chains: A~B by phone (siblings and a parent's line), B~C by ship-to (a shared flat), C~D by email.
    for (const size of groupSizes('family_chain')) {
      const group = newGroup('family_chain', size);
      const c = anyCountry();
      const members = Array.from({ length: size }, () => {
        const opened = openedSpread();
        return honestShop(newSeller(c, opened), 'family_chain', group, familyListing(), opened);
      });
      const kinds: ShareToken[] = ['phone', 'ship_to', 'email'];
      for (let i = 0; i + 1 < members.length; i++) {
        const a = members[i]!;
        const b = members[i + 1]!;
        const kind = kinds[i % kinds.length]!;
        if (kind === 'ship_to') {
          const home = place(c);
          const flat: Unit = { kind: 'flat', n: rng.range(1, 40) };
          a.addresses.push({ kind: 'ship_to', place: home, unit: flat, careOf: null });
          b.addresses.push({ kind: 'ship_to', place: home, unit: rng.chance(0.7) ? flat : null, careOf: null });
          a.shares.add('ship_to');
          b.shares.add('ship_to');
        } else {
          link(a, b, kind);
        }
      }
      for (const s of members) fillOwn(s, { hubUse: 0.1 });
      shops.push(...members);
    }

    // Flat-shares: unrelated people in one flat, shipping to it and often dispatching from it.
    for (const size of groupSizes('flat_share')) {
      const group = newGroup('flat_share', size);
      const c = anyCountry();
      const home = place(c);
      const flat: Unit = { kind: 'flat', n: rng.range(1, 80) };
      const landline = rng.chance(0.15) ? newPhone(rng, c, true) : null;
      const dispatchFromHome = rng.chance(0.45);
      for (let m = 0; m < size; m++) {
        const opened = openedSpread(1500);
        const seller = newSeller(c, opened);
        const shop = honestShop(seller, 'flat_share', group, honestListing(), opened);
        if (rng.chance(0.85) || m < 2) {
          shop.addresses.push({
            kind: 'ship_to',
            place: home,
            unit: rng.chance(0.8) ? flat : null,
            careOf: rng.chance(0.1) ? `${seller.first} ${seller.last}` : null,
          });
          shop.shares.add('ship_to');
        }
        if (dispatchFromHome) {
          shop.addresses.push({ kind: 'dispatch', place: home, unit: rng.chance(0.8) ? flat : null, careOf: null });
          shop.shares.add('dispatch');
        }
        if (landline) {
          seller.phones.push(landline);
          shop.shares.add('phone');
        }
        fillOwn(shop, { hubUse: 0.1 });
        shops.push(shop);
      }
    }

    // Shared buildings: business centres and apartment blocks where unrelated shops have their own units.
    for (const size of groupSizes('shared_building')) {
      const group = newGroup('shared_building', size);
      const c = anyCountry();
      const building = place(c);
      const units = new Set<number>();
      for (let m = 0; m < size; m++) {
        let n = rng.range(1, 120);
        while (units.has(n)) n = rng.range(1, 120);
        units.add(n);
        const opened = openedSpread();
        const shop = honestShop(newSeller(c, opened), 'shared_building', group, honestListing(), opened);
        const unit: Unit = rng.chance(0.7) ? { kind: 'flat', n } : { kind: 'floor', n: 1 + (n % 9) };
        shop.addresses.push({ kind: 'dispatch', place: building, unit, careOf: null });
        if (rng.chance(0.6)) shop.addresses.push({ kind: 'return', place: building, unit, careOf: null });
        shop.shares.add('building');
        fillOwn(shop, { hubUse: 0.1 });
        shops.push(shop);
      }
    }

    // Payment providers, logistics agents and marketplaces-within-the-marketplace: unrelated merchants
    // (countries, categories, opening years apart) behind one payout account and/or one warehouse.
    for (const structure of ['pooled_account', 'logistics_agent', 'marketplace_agent'] as const) {
      for (const size of groupSizes(structure)) {
        const group = newGroup(structure, size);
        const provider = `${rng.pick(structure === 'pooled_account' ? SMALL_PROVIDERS : AGENT_NAMES)}`;
        const base = placeCountry(rng.pick(['DE', 'PL', 'NL', 'CN', 'GB', 'ES', 'IT', 'FR']));
        const pooled: Account = rng.chance(0.7) ? iban(rng.pick(PAYOUT_COUNTRIES), provider) : wallet(provider);
        if (structure !== 'logistics_agent') providerAccounts.push(pooled);
        const warehouse = place(base, true);
        const company = `${provider} ${rng.pick(base.companySuffixes)}`;
        const halls = rng.range(1, 6);
        for (let m = 0; m < size; m++) {
          const c = anyCountry();
          const opened = openedSpread(3000);
          const mix = structure === 'marketplace_agent' ? honestListing(0.3, 0.1) : honestListing(0.12, 0.08);
          const shop = honestShop(newSeller(c, opened), structure, group, mix, opened);
          if (structure !== 'logistics_agent') {
            shop.accounts.push({ account: pooled, from: opened, to: NOW });
            shop.shares.add('account');
          }
          if (structure !== 'pooled_account') {
            const careOf = rng.chance(0.35) ? shop.name : rng.chance(0.3) ? company : null;
            shop.addresses.push({ kind: 'dispatch', place: warehouse, unit: rng.chance(0.5) ? { kind: 'hall', n: rng.range(1, halls) } : null, careOf });
            shop.shares.add('dispatch');
            if (rng.chance(structure === 'logistics_agent' ? 0.6 : 0.5)) {
              shop.addresses.push({ kind: 'return', place: warehouse, unit: null, careOf: rng.chance(0.5) ? shop.name : null });
              shop.shares.add('return');
            }
          }
          // Most merchants also keep an account of their own.
          if (structure === 'logistics_agent' || rng.chance(0.4)) shop.accounts.push({ account: ownAccount(c), from: opened, to: NOW });
          fillOwn(shop, { hubUse: 0.1 });
          shops.push(shop);
        }
      }
    }

    // Official brand-store groups and distributors: several sellers (franchisees, regional partners) of
    // one company selling one brand across all its lines.
    for (const structure of ['brand_store_group', 'distributor'] as const) {
      for (const size of groupSizes(structure)) {
        const group = newGroup(structure, size);
        const brand = rng.pick(PROTECTED_LINE_BRANDS);
        const c = anyCountry();
        const company = `${brand.name} ${rng.pick(c.companySuffixes)}`;
        const warehouse = place(c, true);
        const account = iban(c.iban === null ? 'GB' : c.code, rng.pick(BANKS[c.iban === null ? 'GB' : c.code]!));
        const kyc = companyKyc(c);
        const servicePhone = newPhone(rng, c, true);
        const burst = rng.chance(0.4) ? NOW - rng.range(60, 1200) * DAY : null;
        const start = NOW - rng.range(400, 2500) * DAY;
        const official = structure === 'brand_store_group';
        const outletAt = official && rng.chance(0.3) ? rng.int(size) : -1;
        const shareAccount = rng.chance(official ? 0.7 : 0.4);
        for (let m = 0; m < size; m++) {
          const opened = burst !== null ? burst + rng.range(0, 14) * DAY + rng.float() * DAY : start + rng.float() * (NOW - start - DAY);
          const seller = newSeller(c, opened);
          const mode: ListingMode = m === outletAt ? 'outlet' : official ? 'official' : rng.chance(0.7) ? 'official' : 'cheap_lines';
          const shop = baseShop(seller, structure, {
            group,
            listing: mode,
            brands: [brand],
            opened,
            category: brand.lines[0]!.category,
            name: official ? `${brand.name} ${m === outletAt ? 'Outlet' : 'Store'} ${rng.pick(c.cities).name}` : `${company} ${rng.pick(SHOP_WORDS)}`,
          });
          shop.role = official ? roleOf(mode) : 'distributor';
          let shared = 0;
          if (shareAccount && rng.chance(0.9)) {
            shop.accounts.push({ account, from: opened, to: NOW });
            shop.shares.add('account');
            shared++;
          }
          if (rng.chance(official ? 0.8 : 0.9) || shared === 0) {
            shop.addresses.push({
              kind: 'dispatch',
              place: warehouse,
              unit: rng.chance(0.4) ? { kind: 'hall', n: rng.range(1, 3) } : null,
              careOf: rng.chance(0.3) ? company : null,
            });
            shop.shares.add('dispatch');
            if (rng.chance(0.6)) {
              shop.addresses.push({ kind: 'return', place: warehouse, unit: null, careOf: rng.chance(0.3) ? company : null });
              shop.shares.add('return');
            }
          }
          if (rng.chance(official ? 0.3 : 0.15)) {
            seller.kyc = kyc;
            shop.shares.add('kyc');
          }
          if (rng.chance(official ? 0.4 : 0.2)) {
            seller.phones.push(servicePhone);
            shop.shares.add('phone');
          }
          fillOwn(shop, { hubUse: 0.05 });
          shops.push(shop);
        }
      }
    }

    // Independent honest shops fill the rest; some sellers run two or three.
    while (shops.length < blockN) {
      const c = anyCountry();
      const opened = openedSpread();
      const seller = newSeller(c, opened);
      const n = Math.min(blockN - shops.length, rng.chance(params.multiShopSellerRate) ? rng.range(2, 3) : 1);
      const structure: HonestStructure = n > 1 ? 'multi_shop_seller' : 'independent';
      const group = n > 1 ? newGroup(structure, n) : null;
      const account = ownAccount(c);
      const home = ownHome(c);
      for (let k = 0; k < n; k++) {
        const shop = honestShop(seller, structure, group, honestListing(), k === 0 ? opened : openedSpread());
        fillOwn(shop, { account, home, hubUse: 0.25 });
        shops.push(shop);
      }
    }

    // Rings hiding behind hubs also take payouts through small providers' pooled accounts, as honest
    // merchants do (the account is the provider's, not a ring identifier: the truth does not count it).
    if (providerAccounts.length > 0) {
      for (const shop of shops) {
        if (shop.structure === 'hub_hiding_ring' && rng.chance(0.2)) shop.accounts.push({ account: rng.pick(providerAccounts), from: shop.opened, to: NOW });
      }
    }

    // ---- the truth's shares: only what another shop of the ring or group really holds ----------------------
    // Sharing is drawn per shop, so a pool identifier may end up with one user: the truth then says nothing
    // is shared through it. A ring shop left sharing nothing is undetectable by design (ring_isolated).
    // Hubs are shared with everyone, and a provider's pooled account is no ring's own identifier.
    const hubIds = new Set<string>([...settlement.map((a) => a.value), ...warehouses.map((w) => String(w.place.id)), ...pickups.map((p) => String(p.id))]);
    const providerIds = new Set(providerAccounts.map((a) => a.value));
    const identities = (shop: Shop, token: ShareToken): string[] =>
      identitiesOf(shop, token).filter((k) => !hubIds.has(k) && !(shop.ring !== null && providerIds.has(k)));
    const identitiesOf = (shop: Shop, token: ShareToken): string[] => {
      switch (token) {
        case 'account':
          return shop.accounts.map((a) => a.account.value);
        case 'phone':
          return shop.seller.phones.map((p) => `${p.country.code}${p.nsn}`);
        case 'email':
          return shop.seller.emails.map((e) => `${e.local}@${e.domain}`);
        case 'device':
          return shop.seller.devices;
        case 'kyc':
          return [shop.seller.kyc];
        case 'building':
          return shop.addresses.filter((a) => a.kind === 'dispatch').map((a) => String(a.place.id));
        default:
          return shop.addresses.filter((a) => a.kind === token).map((a) => String(a.place.id));
      }
    };
    const byCollective = new Map<string, Shop[]>();
    for (const shop of shops) {
      const id = shop.ring ?? (shop.structure === 'multi_shop_seller' ? null : shop.group);
      if (id !== null) byCollective.set(id, [...(byCollective.get(id) ?? []), shop]);
    }
    for (const members of byCollective.values()) {
      for (const shop of members) {
        for (const token of [...shop.shares]) {
          const mine = new Set(identities(shop, token));
          const held = members.some((o) => o !== shop && o.seller !== shop.seller && identities(o, token).some((k) => mine.has(k)));
          if (!held) shop.shares.delete(token);
        }
        if (shop.ring !== null && shop.shares.size === 0) shop.role = 'ring_isolated';
      }
    }

    return shops;
  };

  // ---- write ---------------------------------------------------------------------------------------------

  const ext = `${options.format === 'csv' ? 'csv' : 'ndjson'}${options.gzip ? '.gz' : ''}`;
  fs.mkdirSync(options.outDir, { recursive: true });
  const files = {} as Record<Kind | 'truth', string>;
  const w = {} as Record<Kind, RowWriter>;
  for (const kind of KINDS) {
    files[kind] = `${kind}.${ext}`;
    w[kind] = new RowWriter(path.join(options.outDir, files[kind]), COLUMNS[kind], options.format, options.gzip);
  }
  files.truth = 'truth.csv';
  const truth = new RowWriter(path.join(options.outDir, files.truth), HARD_TRUTH_COLUMNS, 'csv', false);

  let sellerSeq = 0;
  let listingSeq = 0;
  let paymentSeq = 0;
  let reportSeq = 0;

  const writeSeller = (s: Seller) => {
    s.id = pad('U', ++sellerSeq, 8);
    const holder = s.country.code;
    w.sellers.write([
      s.id,
      `${s.first} ${s.last}`,
      s.country.code,
      iso(s.registered),
      s.kyc,
      s.emails.map((e) => renderEmail(e, rng.int(EMAIL_STYLES), rng.pick(['shop', 'store', 'biz', 'sales']) + String(rng.int(100)))),
      s.phones.map((p) => renderPhone(rng, p, holder)),
      s.devices.map((d) => renderDevice(d, rng.int(DEVICE_STYLES))),
    ]);
  };

  // Counterfeiters and second-hand sellers lean to the lines worth copying or reselling.
  const lineWeights = new Map(
    LINE_BRANDS.map((b) => {
      const weights = new Float64Array(b.lines.length);
      b.lines.reduce((acc, l, i) => (weights[i] = acc + Math.sqrt(l.price)), 0);
      return [b, weights] as const;
    }),
  );
  const expensiveLine = (b: LineBrand) => b.lines[rng.weighted(lineWeights.get(b)!)]!;
  const cheap = new Map(LINE_BRANDS.map((b) => [b, cheapLines(b)] as const));

  const writeListings = (shopId: string, shop: Shop) => {
    const scale = shop.listing === 'official' || shop.listing === 'outlet' ? 1.5 : 1;
    const count = Math.max(1, Math.round(knobs.listingsPerShop * scale * (0.3 + 1.4 * rng.float())));
    for (let k = 0; k < count; k++) {
      listingSeq++;
      const listingId = pad('L', listingSeq, 10);
      let brand: LineBrand | null = null;
      let line: ProductLine | null = null;
      let factor = 0.7 + 0.6 * rng.float();
      let prefix = '';
      let word = rng.pick(TITLE_WORDS);
      switch (shop.listing) {
        case 'counterfeit':
          if (rng.chance(0.7)) {
            brand = rng.pick(shop.brands);
            line = expensiveLine(brand);
            factor = shop.priceBand[0] + (shop.priceBand[1] - shop.priceBand[0]) * rng.float();
            if (rng.chance(shop.disguise)) prefix = `${rng.pick(SECOND_HAND_WORDS)} `;
          }
          break;
        case 'official':
          brand = shop.brands[0]!;
          line = rng.pick(brand.lines);
          factor = rng.chance(0.12) ? 0.6 + 0.25 * rng.float() : 0.9 + 0.15 * rng.float();
          if (factor < 0.86) word = 'Sale';
          break;
        case 'outlet':
          brand = shop.brands[0]!;
          line = rng.pick(brand.lines);
          factor = 0.4 + 0.3 * rng.float();
          word = 'Outlet';
          break;
        case 'cheap_lines':
          if (rng.chance(0.75)) {
            brand = shop.brands[0] ?? rng.pick(PROTECTED_LINE_BRANDS);
            line = rng.pick(cheap.get(brand)!);
            factor = 0.85 + 0.25 * rng.float();
          }
          break;
        case 'second_hand':
          if (rng.chance(0.8)) {
            brand = rng.pick(PROTECTED_LINE_BRANDS);
            line = expensiveLine(brand);
            factor = 0.25 + 0.45 * rng.float();
            if (rng.chance(0.85)) prefix = `${rng.pick(SECOND_HAND_WORDS)} `;
          }
          break;
        default:
          if (rng.chance(0.01)) {
            brand = rng.pick(PROTECTED_LINE_BRANDS);
            line = rng.pick(brand.lines);
            factor = 0.6 + 0.35 * rng.float();
          }
      }
      if (brand === null && rng.chance(0.7)) {
        brand = rng.pick(ORDINARY_LINE_BRANDS);
        line = rng.pick(brand.lines);
      }
      const price = line?.price ?? 15 + rng.int(90);
      const product = line ? rng.pick(line.products) : 'Item';
      const title = `${prefix}${brand ? `${brand.name} ` : ''}${product} ${word}`;
      const listedAt = shop.opened + rng.float() * (NOW - shop.opened);
      w.listings.write([
        listingId,
        shopId,
        title,
        brand?.name ?? null,
        line?.category ?? shop.category,
        Math.max(0.5, Math.round(price * factor * (0.9 + 0.2 * rng.float()) * 100) / 100),
        'USD',
        iso(listedAt),
        shop.status === 'suspended' ? 'delisted' : rng.chance(0.05) ? 'sold_out' : 'active',
      ]);
      if (brand?.protected) {
        let verdict: string | null = null;
        if (shop.listing === 'counterfeit' && shop.reported && factor < 0.5 && rng.chance(0.15)) verdict = 'counterfeit';
        else if ((shop.listing === 'official' || shop.listing === 'cheap_lines') && rng.chance(0.01)) verdict = 'genuine';
        else if (shop.listing === 'second_hand') verdict = rng.chance(0.03) ? 'inconclusive' : rng.chance(0.005) ? 'counterfeit' : null;
        else if (shop.listing === 'ordinary' && rng.chance(0.05)) verdict = 'inconclusive';
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

  const blocks = Math.ceil(N / BLOCK_SHOPS);
  let written = 0;
  for (let b = 0; b < blocks; b++) {
    const block = planBlock(Math.floor((N * (b + 1)) / blocks) - Math.floor((N * b) / blocks));
    // Shop ids in random order, so that an id says nothing about a shop's structure.
    for (let i = block.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = block[i]!;
      block[i] = block[j]!;
      block[j] = t;
    }
    for (let i = 0; i < block.length; i++) {
      const shop = block[i]!;
      const shopId = pad('S', written + i + 1, 8);
      if (shop.seller.id === null) writeSeller(shop.seller);
      w.shops.write([shopId, shop.seller.id, shop.name, iso(shop.opened), shop.status, shop.category]);
      for (const use of shop.accounts) {
        const from = Math.max(use.from, shop.opened);
        const to = Math.max(from + DAY, Math.min(use.to, NOW));
        const n = rng.range(1, 3);
        for (let k = 0; k < n; k++) {
          paymentSeq++;
          const value = use.account.value;
          const rendered =
            use.account.kind === 'wallet'
              ? value
              : rng.chance(0.5)
                ? value
                : use.account.kind === 'card'
                  ? value.replace(/(\d{4})(?=\d)/g, rng.chance(0.5) ? '$1 ' : '$1-')
                  : value.replace(/(.{4})(?=.)/g, '$1 ');
          w.payments.write([
            pad('P', paymentSeq, 9),
            shopId,
            rng.chance(0.1) ? rendered.toLowerCase() : rendered,
            use.account.kind,
            use.account.provider,
            Math.round((20 + rng.float() * 15_000) * 100) / 100,
            shop.seller.country.currency,
            iso(from + rng.float() * (to - from)),
          ]);
        }
      }
      for (const a of shop.addresses) {
        const cells = renderPlace(rng, a.place, { unit: a.unit, careOf: a.careOf, typo: rng.chance(knobs.typoRate), sparse: shop.seller.sparse });
        w.addresses.write([shopId, a.kind, cells.line1, cells.line2, cells.city, cells.region, cells.postcode, cells.country]);
      }
      writeListings(shopId, shop);
      truth.write([shopId, shop.ring, shop.role, shop.group, shop.structure, [...shop.shares].sort()]);

      if ((i & 1023) === 0 || i === block.length - 1) {
        for (const kind of KINDS) if (w[kind].needsFlush) await w[kind].flush();
        if (truth.needsFlush) await truth.flush();
        options.onProgress?.(written + i + 1, N);
      }
    }
    written += block.length;
  }
  shops = [];
  for (const kind of KINDS) await w[kind].close();
  await truth.close();

  const summarise = (items: readonly { structure: string; size: number }[]) => {
    const out: Record<string, StructureCount> = {};
    for (const it of items) {
      const e = (out[it.structure] ??= { count: 0, shops: 0, minSize: it.size, maxSize: it.size });
      e.count++;
      e.shops += it.size;
      e.minSize = Math.min(e.minSize, it.size);
      e.maxSize = Math.max(e.maxSize, it.size);
    }
    return out;
  };
  return {
    files,
    counts: Object.fromEntries(KINDS.map((k) => [k, w[k].rows])) as Record<Kind, number>,
    rings: { sizes: ringMeta.map((r) => r.size) },
    structures: { rings: summarise(ringMeta), groups: summarise(groupMeta) },
    hubs: { warehouses: nWarehouses, settlementAccounts: nSettlement, pickupPoints: nPickups },
  };
}
