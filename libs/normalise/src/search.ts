import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import { normaliseAddress } from './address';
import { COUNTRY_LANGUAGES } from './address-dictionary';
import { normalisePhone } from './phone';

/**
 * What a search box's text can mean, normalised as the loader normalised what it loaded: a search has
 * no holder country (which the loader takes from the seller), so every country's reading is tried and
 * the database says which of them exist.
 */

/** Every country calling code (a few hundred: countries share some, +1 and +7 among them). */
const CALLING_CODES = [...new Set(getCountries().map((c) => getCountryCallingCode(c)))];

/**
 * The E.164 phones a typed text can be: its international reading ("+49 151 …", "0049 …") if it has
 * one, else its national reading under every calling code, with the trunk 0 dropped or kept (Italy
 * keeps it): "0151 03966900" → +4915103966900 among a few hundred others, of which the database knows
 * one or two. Written out rather than parsed per country, which costs a hundred times more per search.
 * Empty when the text has too few digits, or other characters than a phone is written with.
 */
export function phoneCandidates(raw: string): string[] {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 6 || /[^\d\s()+\-./]/.test(raw.trim())) return [];
  const international = normalisePhone(raw, null);
  if (international) return [international];
  if (/^\s*(\+|00)/.test(raw)) return [];
  const national = new Set([digits, digits.replace(/^0+/, '')]);
  const out = new Set<string>();
  for (const code of CALLING_CODES) {
    for (const n of national) if (n.length >= 4 && code.length + n.length <= 15) out.add(`+${code}${n}`);
  }
  return [...out];
}

/** One country per way of reading a street (its languages), plus English. */
const READINGS = [...new Set(['US', ...Object.keys(COUNTRY_LANGUAGES)])];

/**
 * The words an Address node's key holds for a typed street (house number and street, as in the key's
 * `country|city|house|street`), once per distinct reading: "913 Garten Road" and "GARTEN RD" both give
 * [913?, garten, road]. Empty when the text reads as no street at all.
 */
export function addressSearchForms(raw: string): string[][] {
  const forms = new Map<string, string[]>();
  for (const country of READINGS) {
    const { key } = normaliseAddress({ line1: raw, city: '', country });
    const [, , house, street] = key.split('|');
    const words = `${house ?? ''} ${street ?? ''}`.split(/\s+/).filter((w) => w !== '');
    if (words.length > 0) forms.set(words.join(' '), words);
  }
  return [...forms.values()];
}
