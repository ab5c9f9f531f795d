/**
 * Addresses → one key per real place. People write the same warehouse as "No.5 Xinhua Rd, Rm 301" and
 * "Room 301, 5 Xinhua Road": the key keeps what identifies the place (country, city, house number,
 * street words with abbreviations expanded, unit) and drops what varies (case, punctuation, order of the
 * unit, "No.", region and postcode, which are often missing or formatted differently).
 */

const STREET_WORDS: Record<string, string> = {
  rd: 'road',
  st: 'street',
  str: 'street',
  ave: 'avenue',
  av: 'avenue',
  blvd: 'boulevard',
  ln: 'lane',
  dr: 'drive',
  hwy: 'highway',
  sq: 'square',
  ct: 'court',
  pl: 'place',
};
const UNIT_MARKERS = new Set(['room', 'rm', 'unit', 'flat', 'suite', 'ste', 'apt', 'apartment', '#']);
const NUMBER_MARKERS = new Set(['no', 'nr', 'number']);

export interface AddressInput {
  readonly line1: string;
  readonly line2?: string | null;
  readonly city: string;
  readonly region?: string | null;
  readonly postcode?: string | null;
  readonly country: string;
}

export interface NormalisedAddress {
  /** Identity of the place: equal keys are one Address node. */
  readonly key: string;
  /** Display text as first written. */
  readonly text: string;
  readonly city: string;
  readonly country: string;
  readonly postcode: string | null;
}

export function normalisePostcode(postcode: string | null | undefined): string | null {
  if (postcode === null || postcode === undefined) return null;
  const compact = postcode.replace(/[\s-]/g, '').toUpperCase();
  return compact === '' ? null : compact;
}

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/#/g, ' # ')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t !== '');
}

export function normaliseAddress(a: AddressInput): NormalisedAddress {
  const all = tokens(`${a.line1} ${a.line2 ?? ''}`);
  let unit: string | null = null;
  let houseNumber: string | null = null;
  const street: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    const next = all[i + 1];
    if (UNIT_MARKERS.has(t) && next !== undefined && /^\d+$/.test(next)) {
      unit = String(Number(next));
      i++;
    } else if (NUMBER_MARKERS.has(t) && next !== undefined && /^\d+$/.test(next)) {
      houseNumber ??= String(Number(next));
      i++;
    } else if (/^\d+$/.test(t)) {
      if (houseNumber === null) houseNumber = String(Number(t));
      else if (unit === null) unit = String(Number(t));
    } else if (!UNIT_MARKERS.has(t)) {
      street.push(STREET_WORDS[t] ?? t);
    }
  }
  const country = a.country.trim().toUpperCase();
  const city = tokens(a.city).join(' ');
  const key = [country, city, houseNumber ?? '', street.join(' '), unit ?? ''].join('|');
  const text = [a.line1, a.line2, a.city, a.region, a.postcode, country].filter((p) => p !== null && p !== undefined && String(p).trim() !== '').join(', ');
  return { key, text, city, country, postcode: normalisePostcode(a.postcode) };
}
