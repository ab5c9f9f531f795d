import { groupDigits } from '../identities';
import type { Rng } from '../rng';
import type { City, PlaceCountry, Street } from './places';

/**
 * Canonical places and phones of the hard world, and the many ways people write one of them. A place
 * is a building; what people add inside it (a floor, a hall, a flat) and whose care it is sent to are
 * notes of one use of it, so the same warehouse reaches the files as "Hauptstraße 5, Halle 4",
 * "c/o Müller Logistik GmbH / Hauptstr. 5" and "HAUPTSTRASSE 5 3. OG".
 */

export interface Place {
  readonly country: PlaceCountry;
  readonly street: Street;
  /** House number as canonically written: digits with an optional lower-case letter ("12", "12a"). */
  readonly number: string;
  readonly city: City;
  readonly postcode: string;
  /** A stable id of the building, for the truth and the tests (never written to the data files). */
  readonly id: number;
}

export type UnitKind = 'floor' | 'ground' | 'hall' | 'flat' | 'building';

/** A note locating something inside a building. */
export interface Unit {
  readonly kind: UnitKind;
  readonly n: number;
}

export interface Phone {
  readonly country: PlaceCountry;
  /** National significant number, digits only (Italy's leading 0 included). */
  readonly nsn: string;
  /** Leading part people write apart (the area code of a landline, the operator prefix of a mobile). */
  readonly head: string;
  readonly mobile: boolean;
}

export interface AddressCells {
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postcode: string | null;
  country: string;
}

export function fillPattern(rng: Rng, pattern: string): string {
  let out = '';
  for (const ch of pattern) {
    if (ch === '9') out += String(rng.int(10));
    else if (ch === 'A') out += 'ABDEFGHJLNPRSTUWXYZ'[rng.int(19)];
    else if (ch === 'X') out += '0123456789ABCDEFGHJKLMNPRSTUVWXYZ'[rng.int(33)];
    else out += ch;
  }
  return out;
}

/**
 * A building in a country; `industrial` puts it on an industrial estate (warehouses, agents). Two calls
 * may give the same building: the generator keeps the buildings it handed out apart.
 */
export function newPlace(
  rng: Rng,
  id: number,
  country: PlaceCountry,
  industrial = false,
  city = rng.pick(country.cities),
  maxNumber = industrial ? 300 : 600,
): Place {
  const street = rng.pick(industrial ? country.industrialStreets : country.streets);
  const number = String(rng.range(1, maxNumber)) + (rng.chance(0.12) ? 'abc'[rng.int(3)]! : '');
  return { country, street, number, city, postcode: city.postcodePrefix + fillPattern(rng, country.postcode), id };
}

export function newPhone(rng: Rng, country: PlaceCountry, landline = false, city = rng.pick(country.cities)): Phone {
  const plan = country.phone;
  if (landline) {
    const area = city.areaCode;
    const length = plan.landlineLength === 0 ? area.length + 8 : plan.landlineLength;
    // A subscriber number starting 0 or 1 would read as a trunk or a service prefix: start it 2-8.
    const subscriber = String(rng.range(2, 8)) + fillPattern(rng, '9'.repeat(length - area.length - 1));
    return { country, nsn: area + subscriber, head: area, mobile: false };
  }
  const nsn = fillPattern(rng, rng.pick(plan.mobile));
  return { country, nsn, head: nsn.slice(0, 3), mobile: true };
}

// ---- text folding, the ways keyboards and habits change letters ---------------------------------------

const ASCII_EXTRA: Record<string, string> = { ß: 'ss', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', đ: 'd', º: 'o', ª: 'a', '°': 'o' };
const GERMAN_TRANSCRIPTION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };

/** Letters without their diacritics, as typed on a keyboard without them (München → Munchen, Łódź → Lodz). */
export function asciiFold(text: string): string {
  // eslint-disable-next-line no-control-regex -- plain ASCII has nothing to fold
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text
    .replace(/[ßłŁøØæÆœŒđºª°]/g, (c) => ASCII_EXTRA[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** German umlauts as their two-letter transcriptions (München → Muenchen, Straße → Strasse). */
export function germanTranscription(text: string): string {
  return asciiFold(text.replace(/[äöüÄÖÜß]/g, (c) => GERMAN_TRANSCRIPTION[c]!));
}

type Fold = (text: string) => string;
const keep: Fold = (t) => t;

function pickFold(rng: Rng, country: PlaceCountry): Fold {
  const x = rng.float();
  if (country.language === 'de') return x < 0.55 ? keep : x < 0.8 ? germanTranscription : asciiFold;
  return x < 0.65 ? keep : asciiFold;
}

function swapLetters(word: string, at: number): string {
  if (word.length < 5) return word;
  const i = 2 + (at % (word.length - 3));
  return word.slice(0, i - 1) + word[i]! + word[i - 1]! + word.slice(i + 1);
}

function pickForm<T>(rng: Rng, forms: readonly T[]): T {
  // The canonical form is the most common; the others share the rest.
  return rng.chance(0.4) ? forms[0]! : rng.pick(forms);
}

function streetText(rng: Rng, country: PlaceCountry, street: Street, typo: boolean): string {
  let name = street.name;
  for (const [word, shorts] of Object.entries(country.nameAbbreviations)) {
    if (name.includes(word) && rng.chance(0.35)) name = name.replace(word, rng.pick(shorts));
  }
  if (country.language === 'zh' && rng.chance(0.15)) {
    // "Huaqiang Bei" written as one word, as on many shop signs: "Huaqiangbei".
    const [first, ...rest] = name.split(' ');
    name = first! + rest.map((w) => w.toLowerCase()).join('');
  }
  if (typo) name = swapLetters(name, name.length * 7);
  if (street.type === '') return name;
  const type = country.streetTypes[street.type]!;
  const form = pickForm(rng, type.forms);
  if (type.joined) {
    if (name.endsWith('-')) return `${name}${form.charAt(0).toUpperCase()}${form.slice(1)}`;
    // Mostly glued (Hauptstraße, Kerkstraat); sometimes written apart (Haupt Straße).
    return rng.chance(0.9) ? `${name}${form.toLowerCase()}` : `${name} ${form.charAt(0).toUpperCase()}${form.slice(1)}`;
  }
  return country.typeFirst ? `${form} ${name}` : `${name} ${form}`;
}

function unitText(rng: Rng, country: PlaceCountry, unit: Unit): string {
  const forms = country.units;
  switch (unit.kind) {
    case 'floor':
      return rng.pick(forms.floor)(unit.n);
    case 'ground':
      return rng.pick(forms.ground);
    case 'hall':
      return rng.pick(forms.hall)(unit.n);
    case 'flat':
      return rng.pick(forms.flat)(unit.n);
    default:
      return rng.pick(forms.building)('ABCDEFGH'[unit.n % 8]!);
  }
}

export interface RenderOptions {
  readonly unit?: Unit | null;
  /** A company the parcel is in care of (a warehouse's client, an agent). */
  readonly careOf?: string | null;
  readonly typo?: boolean;
  /** Leave out region and postcode more often, as hurried sellers do. */
  readonly sparse?: boolean;
}

/** One way of writing a place, with its notes: the cells of an address row (kind and shop left to the caller). */
export function renderPlace(rng: Rng, place: Place, options: RenderOptions = {}): AddressCells {
  const c = place.country;
  const fold = pickFold(rng, c);
  const typoInCity = options.typo === true && rng.chance(0.3);
  const street = streetText(rng, c, place.street, options.typo === true && !typoInCity);
  let number = rng.pick(c.numberForms)(place.number);
  let unit = options.unit ? unitText(rng, c, options.unit) : null;
  if (options.unit?.kind === 'flat' && c.language === 'pl' && rng.chance(0.4)) {
    // Polish flats are often written into the number: "Długa 12/5".
    number = `${place.number}/${options.unit.n}`;
    unit = null;
  }
  const streetLine = (c.numberFirst ? `${number} ${street}` : `${street} ${number}`).replace(/\s+,/g, ',').replace(/,\s*$/, '').replace(/\s+/g, ' ');
  const careOf = options.careOf ? rng.pick(c.careOf)(options.careOf) : null;

  let line1: string;
  let line2: string | null;
  const layout = rng.int(4);
  if (careOf !== null) {
    if (layout < 2) {
      line1 = careOf;
      line2 = unit === null ? streetLine : rng.chance(0.5) ? `${streetLine}, ${unit}` : `${unit}, ${streetLine}`;
    } else if (layout === 2) {
      line1 = streetLine;
      line2 = unit === null ? careOf : `${careOf}, ${unit}`;
    } else {
      line1 = `${careOf}, ${streetLine}`;
      line2 = unit;
    }
  } else if (unit === null) {
    line1 = streetLine;
    line2 = null;
  } else if (layout === 0) {
    line1 = streetLine;
    line2 = unit;
  } else if (layout === 1 || (layout === 3 && c.language !== 'zh' && c.language !== 'en')) {
    line1 = `${streetLine}, ${unit}`;
    line2 = null;
  } else if (layout === 2) {
    line1 = `${streetLine} ${unit}`;
    line2 = null;
  } else {
    line1 = `${unit}, ${streetLine}`;
    line2 = null;
  }

  let city = rng.chance(0.55) ? place.city.name : rng.pick(place.city.variants);
  if (typoInCity) city = swapLetters(city, city.length * 3);
  let postcode: string | null = rng.pick(c.postcodeForms)(place.postcode);
  const postcodeInCity = rng.chance(0.1);
  if (postcodeInCity) {
    city = `${place.postcode} ${city}`;
    postcode = null;
  } else if (rng.chance(options.sparse ? 0.35 : 0.08)) {
    postcode = null;
  }
  const r = rng.float();
  let region: string | null = r < 0.45 ? place.city.region : r < 0.65 ? rng.pick(place.city.regionVariants) : null;
  if (options.sparse && rng.chance(0.5)) region = null;

  line1 = fold(line1);
  line2 = line2 === null ? null : fold(line2);
  city = fold(city);
  region = region === null ? null : fold(region);
  const caseStyle = rng.float();
  if (caseStyle < 0.08) {
    line1 = line1.toUpperCase();
    line2 = line2?.toUpperCase() ?? null;
    city = city.toUpperCase();
  } else if (caseStyle < 0.12) {
    line1 = line1.toLowerCase();
    line2 = line2?.toLowerCase() ?? null;
    city = city.toLowerCase();
  }
  return { line1, line2, city, region, postcode, country: rng.chance(0.05) ? c.code.toLowerCase() : c.code };
}

// ---- phones ---------------------------------------------------------------------------------------------

/** How the digits after the area code or operator prefix are grouped, by their count. */
const REST_GROUPS: Record<number, readonly number[]> = { 5: [2, 3], 6: [3, 3], 7: [3, 4], 8: [4, 4], 9: [3, 3, 3] };
const PHONE_INTERNATIONAL_STYLES = 7;
const PHONE_NATIONAL_STYLES = 4;

/**
 * One way of writing a phone. National forms (without the country code) are only used when the
 * holder lives in the phone's country: elsewhere nobody could tell which country they mean.
 */
export function renderPhone(rng: Rng, p: Phone, holderCountry: string): string {
  const plan = p.country.phone;
  const cc = plan.dialCode;
  const head = p.head;
  const rest = p.nsn.slice(head.length);
  const restGrouped = rng.chance(0.5) ? rest : groupDigits(rest, REST_GROUPS[rest.length] ?? [4, 4, 4], ' ');
  const national = p.country.code === holderCountry;
  const style = rng.int(national ? PHONE_INTERNATIONAL_STYLES + PHONE_NATIONAL_STYLES : PHONE_INTERNATIONAL_STYLES);
  // Chinese mobiles are dialled without the trunk 0 at home; Italy's 0 is already in the number.
  const trunk = plan.trunkInNumber || (p.mobile && p.country.code === 'CN') ? '' : plan.trunk;
  if (style >= PHONE_INTERNATIONAL_STYLES && p.country.code === 'US') {
    const local = `${rest.slice(0, 3)}-${rest.slice(3)}`;
    return [`(${head}) ${local}`, `${head}-${local}`, `1-${head}-${local}`, `${head}.${local.replace('-', '.')}`][style - PHONE_INTERNATIONAL_STYLES]!;
  }
  switch (style) {
    case 0:
      return `+${cc}${p.nsn}`;
    case 1:
      return `+${cc} ${head} ${restGrouped}`;
    case 2:
      // "+49 (0)30 …": the trunk in brackets, a habit of countries that dial 0 at home.
      return trunk === '0' ? `+${cc} (0)${head} ${restGrouped}` : `+${cc} ${head} ${restGrouped}`;
    case 3:
      return `00${cc} ${head} ${restGrouped}`;
    case 4:
      return `00${cc}${p.nsn}`;
    case 5:
      return `(+${cc}) ${p.nsn}`;
    case 6:
      return `+${cc}-${head}-${rest}`;
    case 7:
      if (p.country.code === 'FR') return `${trunk}${p.nsn}`.replace(/(\d\d)(?=\d)/g, '$1.');
      return `${trunk}${head} ${restGrouped}`;
    case 8:
      return trunk === '' ? `${head} ${restGrouped}` : `(${trunk}${head}) ${rest}`;
    case 9:
      return `${trunk}${head}-${rest}`;
    default:
      return `${trunk}${p.nsn}`;
  }
}
