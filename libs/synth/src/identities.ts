import { luhnValid } from '@ringwatch/contract';
import type { Rng } from './rng';
import { COUNTRIES, STREET_TYPES, STREET_TYPE_ABBREVIATIONS, type CountryProfile } from './vocabulary';

/**
 * Real-world identifiers in canonical form, and the many ways people write them. One canonical identity
 * rendered in different styles is what the loader's normalisation must fold back into one node.
 */

export interface Address {
  readonly number: number;
  readonly street: string;
  readonly streetType: (typeof STREET_TYPES)[number];
  readonly unit: number | null;
  readonly city: string;
  readonly region: string;
  readonly postcode: string;
  readonly country: string;
}

export interface Phone {
  readonly country: string;
  readonly dialCode: string;
  /** National significant number, digits only. */
  readonly national: string;
}

export interface Email {
  readonly local: string;
  readonly domain: string;
}

export interface Account {
  readonly kind: 'iban' | 'card' | 'wallet';
  /** Canonical value: compact upper-case IBAN, card digits, or wallet id. */
  readonly value: string;
  readonly provider: string;
}

export function countryByCode(code: string): CountryProfile {
  const found = COUNTRIES.find((c) => c.code === code);
  if (!found) throw new Error(`synth: unknown country ${code}`);
  return found;
}

function fillPattern(rng: Rng, pattern: string): string {
  let out = '';
  for (const ch of pattern) {
    if (ch === '9') out += String(rng.int(10));
    else if (ch === 'A') out += 'ABDEFGHJLNPQRSTUWXYZ'[rng.int(20)];
    else out += ch;
  }
  return out;
}

export function newAddress(rng: Rng, country: CountryProfile, withUnit = rng.chance(0.85)): Address {
  const place = rng.pick(country.cities);
  return {
    number: rng.range(1, 999),
    street: rng.pick(country.streets),
    streetType: rng.pick(STREET_TYPES),
    unit: withUnit ? rng.range(1, 3999) : null,
    city: place.city,
    region: place.region,
    postcode: place.postcodePrefix + fillPattern(rng, country.postcode),
    country: country.code,
  };
}

export function newPhone(rng: Rng, country: CountryProfile): Phone {
  return { country: country.code, dialCode: country.dialCode, national: fillPattern(rng, country.mobile) };
}

export function newEmail(rng: Rng, first: string, last: string, domain: string): Email {
  const sep = rng.pick(['.', '', '_']);
  return { local: `${first}${sep}${last}`.toLowerCase().replace(/[^a-z0-9._]/g, '') + rng.digits(6), domain };
}

export function newDevice(rng: Rng): string {
  return rng.hex(32);
}

/** The digit that makes a card number pass the Luhn check (the contract's own check decides). */
function luhnCheckDigit(partial: string): string {
  for (let d = 0; d < 10; d++) if (luhnValid(`${partial}${d}`)) return String(d);
  throw new Error('synth: no Luhn check digit');
}

function mod97(digits: string): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + (ch.charCodeAt(0) - 48)) % 97;
  return r;
}

export function ibanWithCheckDigits(country: string, bban: string): string {
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = String(98 - mod97(numeric)).padStart(2, '0');
  return `${country}${check}${bban}`;
}

export function newAccount(
  rng: Rng,
  kind: Account['kind'],
  country: CountryProfile,
  providers: { banks: readonly string[]; wallets: readonly string[]; cards: readonly string[] },
): Account {
  if (kind === 'iban') {
    const cc = country.ibanPrefix ?? rng.pick(['DE', 'GB', 'NL']);
    const bban = cc === 'DE' ? rng.digits(18) : cc === 'GB' ? `${fillPattern(rng, 'AAAA')}${rng.digits(14)}` : `${fillPattern(rng, 'AAAA')}${rng.digits(10)}`;
    return { kind, value: ibanWithCheckDigits(cc, bban), provider: rng.pick(providers.banks) };
  }
  if (kind === 'card') {
    const issuer = rng.pick(providers.cards);
    const partial = (issuer === 'Visa' ? '4' : `5${rng.range(1, 5)}`) + rng.digits(issuer === 'Visa' ? 14 : 13);
    return { kind, value: partial + luhnCheckDigit(partial), provider: issuer };
  }
  return { kind, value: `2088${rng.digits(12)}`, provider: rng.pick(providers.wallets) };
}

// ---------------------------------------------------------------------------------------------------
// Renderings. Each renderer takes an explicit style so tests can walk every style the generator uses.

export const ADDRESS_STYLES = 7;
export const PHONE_STYLES = 6;
export const EMAIL_STYLES = 5;
export const ACCOUNT_STYLES = 3;
export const DEVICE_STYLES = 4;

export interface RenderedAddress {
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postcode: string | null;
  country: string;
}

export function renderAddress(a: Address, style: number, typo = false): RenderedAddress {
  const street = typo ? swapLetters(a.street) : a.street;
  const full = `${street} ${a.streetType}`;
  const abbr = `${street} ${STREET_TYPE_ABBREVIATIONS[a.streetType][style % STREET_TYPE_ABBREVIATIONS[a.streetType].length]}`;
  const u = a.unit;
  let line1: string;
  let line2: string | null = null;
  switch (style) {
    case 0:
      line1 = `${a.number} ${full}`;
      line2 = u === null ? null : `Room ${u}`;
      break;
    case 1:
      line1 = `No.${a.number} ${abbr}${u === null ? '' : `, Rm ${u}`}`;
      break;
    case 2:
      line1 = `${u === null ? '' : `Room ${u}, `}${a.number} ${full}`;
      break;
    case 3:
      line1 = `${a.number} ${abbr}${u === null ? '' : ` #${u}`}`.toUpperCase();
      break;
    case 4:
      line1 = `${a.number} ${full}${u === null ? '' : ` unit ${u}`}`.toLowerCase();
      break;
    case 5:
      line1 = `${a.number}, ${abbr}`;
      line2 = u === null ? null : `Rm. ${u}`;
      break;
    default:
      line1 = `${u === null ? '' : `Flat ${u} `}${a.number} ${full}`;
      break;
  }
  const city = style === 3 ? a.city.toUpperCase() : style === 4 ? a.city.toLowerCase() : a.city;
  const postcode = style % 2 === 1 ? a.postcode.replace(/\s+/g, '').toLowerCase() : a.postcode;
  return {
    line1,
    line2,
    city,
    region: style === 6 ? null : a.region,
    postcode: style === 5 ? null : postcode,
    country: style === 4 ? a.country.toLowerCase() : a.country,
  };
}

function swapLetters(word: string): string {
  if (word.length < 4) return `${word}${word.at(-1)}`;
  const i = Math.floor(word.length / 2);
  return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
}

/** Digits in groups of the given sizes joined by sep, the rest as one last group. */
export function groupDigits(digits: string, sizes: readonly number[], sep: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) parts.push(digits.slice(at));
  return parts.join(sep);
}

/** National trunk format as people write it at home; needs the country to be understood. */
function nationalFormat(p: Phone): string {
  const n = p.national;
  switch (p.country) {
    case 'CN':
      return n;
    case 'US':
      return `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`;
    case 'GB':
      return `0${n.slice(0, 4)} ${n.slice(4)}`;
    case 'DE':
      return `0${n.slice(0, 3)} ${n.slice(3)}`;
    case 'NL':
      return `0${n.slice(0, 1)}-${n.slice(1)}`;
    default:
      return `0${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6, 8)} ${n.slice(8)}`;
  }
}

/**
 * @param holderCountry the country of whoever wrote the number down: national formats are only used
 * where they are unambiguous (the number's own country).
 */
export function renderPhone(p: Phone, style: number, holderCountry: string): string {
  const grouped = groupDigits(p.national, [3, 4, 4], ' ');
  switch (style) {
    case 0:
      return `+${p.dialCode} ${grouped}`;
    case 1:
      return `+${p.dialCode}-${groupDigits(p.national, [3, 4, 4], '-')}`;
    case 2:
      return holderCountry === p.country ? nationalFormat(p) : `+${p.dialCode}${p.national}`;
    case 3:
      return `00${p.dialCode} ${grouped}`;
    case 4:
      return `(+${p.dialCode}) ${p.national}`;
    default:
      return `+${p.dialCode}${p.national}`;
  }
}

const PLUS_TAG_DOMAINS = new Set(['gmail.com', 'outlook.com', 'hotmail.com', 'proton.me']);

export function renderEmail(e: Email, style: number, tag: string): string {
  switch (style) {
    case 1:
      return `${e.local.charAt(0).toUpperCase()}${e.local.slice(1)}@${e.domain.charAt(0).toUpperCase()}${e.domain.slice(1)}`;
    case 2:
      return e.domain === 'gmail.com' ? `${e.local.replace(/\./g, '')}@${e.domain}` : `${e.local}@${e.domain.toUpperCase()}`;
    case 3:
      return PLUS_TAG_DOMAINS.has(e.domain) ? `${e.local}+${tag}@${e.domain}` : `${e.local.toUpperCase()}@${e.domain}`;
    case 4:
      return e.domain === 'gmail.com' ? `${e.local}@googlemail.com` : `${e.local}@${e.domain}`;
    default:
      return `${e.local}@${e.domain}`;
  }
}

export function renderAccount(a: Account, style: number): string {
  if (a.kind === 'wallet') return a.value;
  if (a.kind === 'card') return style === 0 ? a.value : groupDigits(a.value, [4, 4, 4, 4], style === 1 ? ' ' : '-');
  const grouped = groupDigits(a.value, [4, 4, 4, 4, 4, 4, 4, 4], ' ');
  return style === 0 ? a.value : style === 1 ? grouped : grouped.toLowerCase();
}

export function renderDevice(id: string, style: number): string {
  const hyphenated = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
  switch (style) {
    case 1:
      return id.toUpperCase();
    case 2:
      return hyphenated;
    case 3:
      return hyphenated.toUpperCase();
    default:
      return id;
  }
}
