import { CARE_OF_ANYWHERE, CARE_OF_AT_START, UNIT_TYPES, type MarkerType, type UnitType } from './address-dictionary';
import { profileFor, type Phrase, type Phrases, type Profile } from './address-profile';
import { fold, SEP_HYPHEN, SEP_NONE, SEP_SLASH, SEP_SPACE, tokenize, type Token } from './address-text';

/**
 * Addresses → the building they name, the unit inside it and the care-of name, written in any of the
 * languages the dictionary knows (address-dictionary.ts). People write one warehouse as
 * "Hauptstraße 5, 3. OG", "c/o Müller, Hauptstr. 5, Halle 4" and "Haupt Strasse Nr. 5": the key keeps
 * what identifies the building (country, city, house number, street words with spelling, diacritics and
 * abbreviations folded) and drops what varies (case, punctuation, articles, word order of the notes,
 * "No.", region and postcode, which are often missing or formatted differently). The floor, unit,
 * hall, gate or dock note is kept apart in one form, so a shared building links and a shared unit can
 * link more strongly; the care-of name is returned but is personal data and in no key.
 *
 * Parsing, in order: care-of names are cut from the raw lines; then over the folded tokens: "10/5"
 * (house/unit) and "3/F" forms, marked house numbers ("Nr. 5", "5 号"), unit notes with their marker
 * ("Halle 4", "3. OG", "piso 2", "301 室"), floors without a number ("EG", "planta baja"), bare
 * Spanish ordinals ("2º B"), "#12", then the house number (a number at the edge of a comma part, with
 * its letter, "bis" or range: "5a", "5 A", "5-7"), and the rest is the street.
 */

export interface AddressInput {
  readonly line1: string;
  readonly line2?: string | null;
  readonly city: string;
  readonly region?: string | null;
  readonly postcode?: string | null;
  readonly country: string;
}

export interface NormalisedAddress {
  /** The building: `country|city|house number|street words`. Equal keys are one Address node. */
  readonly key: string;
  /** The floor/unit/hall/gate/dock note in one form ("floor 3 unit 301", "hall 4"), or null. Not in the key. */
  readonly unit: string | null;
  /** The care-of name as written ("Müller GmbH" from "c/o Müller GmbH"), or null. Personal data: in no key. */
  readonly careOf: string | null;
  /** The building as first written: the lines without the care-of name or parts that are only a unit note, then city, region, postcode, country. */
  readonly text: string;
  /** The city as it stands in the key: folded, exonyms joined (Munich, München, Muenchen → munchen). */
  readonly city: string;
  readonly country: string;
  readonly postcode: string | null;
}

export function normalisePostcode(postcode: string | null | undefined): string | null {
  if (postcode === null || postcode === undefined) return null;
  const compact = postcode.replace(/[\s-]/g, '').toUpperCase();
  return compact === '' ? null : compact;
}

const CARE_OF_ANY_RE = new RegExp(`(?:^|[\\s,;(])(${CARE_OF_ANYWHERE.join('|')})(?=[\\s.:,;)\\-]|$)`, 'iu');
const CARE_OF_START_RE = new RegExp(`^[\\s(]*(${CARE_OF_AT_START.join('|')})(?=[\\s.:,]|$)`, 'iu');
const SEGMENTS = /[,;\n\r]+/;
// Written right after the digits (3rd, 1er, 2e, 2de, 3o). Not "a": 5a is a house; 3ª is read by its mark.
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th', 'e', 'er', 'ere', 're', 'eme', 'ieme', 'me', 'de', 'ste', 'o', 'nde']);
const HOUSE_SUFFIX_WORDS = new Set(['bis', 'ter', 'quater']);
const ROMAN: Readonly<Record<string, number>> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
  xi: 11,
  xii: 12,
  xiii: 13,
  xiv: 14,
  xv: 15,
};
const UNIT_ORDER: Readonly<Record<UnitType, number>> = Object.fromEntries(UNIT_TYPES.map((t, i) => [t, i])) as Record<UnitType, number>;

const digits = (t: string): string => (t.length > 1 && t.charCodeAt(0) === 48 ? t.replace(/^0+(?=\d)/, '') : t);
const isSingleLetter = (t: string): boolean => t.length === 1 && t >= 'a' && t <= 'z';

interface Match<V> {
  readonly phrase: Phrase<V>;
  readonly len: number;
}

/** The longest dictionary phrase starting at token i, over unused tokens of one comma part. */
function matchAt<V>(T: readonly Token[], i: number, phrases: Phrases<V>): Match<V> | null {
  const tok = T[i];
  if (tok === undefined) return null;
  const list = phrases.get(tok.t);
  if (list === undefined) return null;
  outer: for (const phrase of list) {
    for (let k = 0; k < phrase.rest.length; k++) {
      const next = T[i + 1 + k];
      if (next === undefined || next.used || next.seg !== tok.seg || next.t !== phrase.rest[k]) continue outer;
    }
    return { phrase, len: 1 + phrase.rest.length };
  }
  return null;
}

/** The same over plain words (the street, once the numbers and notes are taken out). */
function matchWords<V>(ws: readonly string[], i: number, phrases: Phrases<V>): Match<V> | null {
  const list = phrases.get(ws[i]!);
  if (list === undefined) return null;
  outer: for (const phrase of list) {
    for (let k = 0; k < phrase.rest.length; k++) if (ws[i + 1 + k] !== phrase.rest[k]) continue outer;
    return { phrase, len: 1 + phrase.rest.length };
  }
  return null;
}

interface Value {
  readonly value: string;
  readonly from: number;
  /** Exclusive. */
  readonly to: number;
  /** Number tokens it takes (one fewer left for the house). */
  readonly nums: number;
  readonly ordinal: boolean;
}

class AddressParse {
  house: string | null = null;
  houseAt = -1;
  readonly units: { type: UnitType; value: string }[] = [];
  /** Unused number tokens: a weak marker may take one only if another is left for the house. */
  private free = 0;
  /** Tokens that may start a marker (most tokens are street words and numbers: the phases skip them). */
  private readonly candidates: number[] = [];

  constructor(
    private readonly T: Token[],
    private readonly P: Profile,
  ) {
    for (let i = 0; i < T.length; i++) {
      const t = T[i]!;
      if (t.num) this.free++;
      else if (P.markerStarts.has(t.t)) this.candidates.push(i);
    }
  }

  private use(from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const t = this.T[k]!;
      if (!t.used && t.num) this.free--;
      t.used = true;
    }
  }

  private unused(i: number, seg: number): Token | null {
    const t = this.T[i];
    return t !== undefined && !t.used && t.seg === seg ? t : null;
  }

  private addUnit(type: MarkerType, value: string): void {
    if (type === 'basement') this.units.push({ type: 'floor', value: value === '0' ? '0' : `-${value}` });
    else this.units.push({ type, value });
  }

  private setHouse(i: number): void {
    this.house = digits(this.T[i]!.t);
    this.houseAt = i;
    this.use(i, i + 1);
  }

  /** A preposition or article before a marker makes it a name: "Am Tor 5", "Via del Piano 5" (not the "de" of "2de"). */
  private afterStopWord(i: number): boolean {
    const prev = this.T[i - 1];
    if (prev === undefined || prev.seg !== this.T[i]!.seg || prev.num || !this.P.stop.has(prev.t)) return false;
    return !(prev.pre === SEP_NONE && this.T[i - 2]?.num === true);
  }

  private numberBefore(i: number): boolean {
    for (let k = 0; k < i; k++) if (this.T[k]!.num) return true;
    return false;
  }

  /** The value after a marker: 4, 4b, b, b12; for floors a number or Roman numeral only; a '#' or "No." between is skipped. */
  private valueAt(j: number, seg: number, floor: boolean): Value | null {
    let tok = this.unused(j, seg);
    if (tok === null) return null;
    if (tok.t === '#' || matchAt(this.T, j, this.P.houseBefore)?.len === 1) {
      j++;
      tok = this.unused(j, seg);
      if (tok === null) return null;
    }
    const next = this.unused(j + 1, seg);
    if (tok.num) {
      if (!floor && next !== null && !next.num && next.pre !== SEP_SPACE && isSingleLetter(next.t))
        return { value: digits(tok.t) + next.t, from: j, to: j + 2, nums: 1, ordinal: false };
      return { value: digits(tok.t), from: j, to: j + 1, nums: 1, ordinal: tok.ord > 0 };
    }
    if (floor) return ROMAN[tok.t] !== undefined ? { value: String(ROMAN[tok.t]), from: j, to: j + 1, nums: 0, ordinal: true } : null;
    if (isSingleLetter(tok.t)) {
      if (next !== null && next.num && next.pre !== SEP_SPACE) return { value: tok.t + digits(next.t), from: j, to: j + 2, nums: 1, ordinal: false };
      return { value: tok.t, from: j, to: j + 1, nums: 0, ordinal: false };
    }
    return null;
  }

  /** The value before a marker that follows it: "3. OG", "3rd floor", "2ª planta", "II p.", "301 室". */
  private valueBefore(i: number, seg: number, roman: boolean): Value | null {
    const prev = this.unused(i - 1, seg);
    if (prev === null) return null;
    if (prev.num) return { value: digits(prev.t), from: i - 1, to: i, nums: 1, ordinal: prev.ord > 0 };
    if (ORDINAL_SUFFIXES.has(prev.t) && prev.pre === SEP_NONE) {
      const n = this.unused(i - 2, seg);
      if (n !== null && n.num) return { value: digits(n.t), from: i - 2, to: i, nums: 1, ordinal: true };
    }
    if (roman && ROMAN[prev.t] !== undefined) return { value: String(ROMAN[prev.t]), from: i - 1, to: i, nums: 0, ordinal: true };
    return null;
  }

  /** A door after a floor: "2º izda.", "3. OG links", and in languages that write them, "2º B". */
  private door(k: number, seg: number): void {
    if (this.P.doors.size === 0) return;
    const tok = this.unused(k, seg);
    if (tok === null) return;
    const m = matchAt(this.T, k, this.P.doors);
    if (m !== null) {
      this.units.push({ type: 'unit', value: m.phrase.value });
      this.use(k, k + m.len);
    } else if (isSingleLetter(tok.t) || (tok.num && tok.ord === 2)) {
      this.units.push({ type: 'unit', value: tok.num ? digits(tok.t) : tok.t });
      this.use(k, k + 1);
    }
  }

  /** "10/5" (house 10, flat 5; unit first in Australia), "3/F" (third floor), "G/F". */
  slashes(): void {
    const T = this.T;
    for (let i = 1; i < T.length; i++) {
      const b = T[i]!;
      const a = T[i - 1]!;
      if (b.pre !== SEP_SLASH || b.used || a.used || a.seg !== b.seg) continue;
      if (a.num && b.num) {
        const [h, u] = this.P.unitFirstSlash ? [i, i - 1] : [i - 1, i];
        this.units.push({ type: 'unit', value: digits(T[u]!.t) });
        this.use(u, u + 1);
        if (this.house === null) this.setHouse(h);
      } else if (b.t === 'f' && (a.num || a.t === 'g')) {
        this.units.push({ type: 'floor', value: a.num ? digits(a.t) : '0' });
        this.use(i - 1, i + 1);
      }
    }
  }

  /** "Nr. 5", "No.5", "n° 5", "5 号" / "5 Hao" (but "5 号楼" is building 5). */
  markedHouse(): void {
    const T = this.T;
    for (const i of this.candidates) {
      const tok = T[i]!;
      if (tok.used) continue;
      const before = matchAt(T, i, this.P.houseBefore);
      if (before !== null) {
        const j = i + before.len;
        const n = T[j];
        if (n !== undefined && n.num && n.seg === tok.seg) {
          if (!n.used && this.house === null) {
            this.setHouse(j);
            this.use(i, j);
          } else if (j === this.houseAt) this.use(i, j);
        }
        continue;
      }
      const after = matchAt(T, i, this.P.houseAfter);
      if (after !== null && this.house === null) {
        const longer = matchAt(T, i, this.P.after);
        if (longer !== null && longer.len > after.len) continue;
        const n = this.unused(i - 1, tok.seg);
        if (n !== null && n.num) {
          this.setHouse(i - 1);
          this.use(i, i + after.len);
        }
      }
    }
  }

  /** Marker + value, strong markers first, then weak ones (which must leave a number for the house). */
  markers(): void {
    const T = this.T;
    for (const weakPass of [false, true]) {
      for (const i of this.candidates) {
        const tok = T[i]!;
        if (tok.used) continue;
        const mb = matchAt(T, i, this.P.before);
        const ma = matchAt(T, i, this.P.after);
        const m = mb ?? ma;
        if (m === null || m.phrase.weak !== weakPass) continue;
        const level = matchAt(T, i, this.P.levels);
        if (level !== null && level.len > m.len) continue;
        if (this.afterStopWord(i)) continue;
        if (m.phrase.late && !this.numberBefore(i)) continue;
        const type = m.phrase.value;
        const roman = type === 'floor' || type === 'basement';
        const vAfter = mb !== null ? this.valueAt(i + mb.len, tok.seg, roman) : null;
        const vBefore = ma !== null ? this.valueBefore(i, tok.seg, roman) : null;
        // "OG 3" and "3. OG": with a number on both sides the one written as an ordinal is the floor.
        const v = vAfter !== null && vBefore !== null ? (vBefore.ordinal ? vBefore : vAfter) : (vAfter ?? vBefore);
        if (v === null) continue;
        // "128 UG" is house 128 on the basement floor ("UG" alone is a floor); "1. UG" is the first basement.
        if (v === vBefore && !v.ordinal && level !== null) continue;
        const leavesHouse = this.house !== null || this.free - v.nums > 0;
        if ((m.phrase.weak || (v === vBefore && !v.ordinal)) && !leavesHouse) continue;
        const len = (v === vBefore ? ma : mb)!.len;
        this.use(i, i + len);
        this.use(v.from, v.to);
        this.addUnit(type, v.value);
        if (roman) this.door(Math.max(i + len, v.to), tok.seg);
      }
    }
  }

  /**
   * Floors without a number: "EG", "rez-de-chaussée", "planta baja", "begane grond". Phrases of several
   * words go before the markers ("Ground Floor #25" is not floor 25), single words after them ("UG 2").
   */
  levels(phrases: boolean): void {
    const T = this.T;
    for (const i of this.candidates) {
      const tok = T[i]!;
      if (tok.used) continue;
      const m = matchAt(T, i, this.P.levels);
      if (m === null || m.len > 1 !== phrases || this.afterStopWord(i) || (m.phrase.late && !this.numberBefore(i))) continue;
      this.use(i, i + m.len);
      this.units.push({ type: 'floor', value: m.phrase.value });
      this.door(i + m.len, tok.seg);
    }
  }

  /** "2º B": an ordinal written with º/ª/° and no marker is the floor (Spanish usage), if a number is left for the house. */
  bareOrdinals(): void {
    const T = this.T;
    for (let i = 0; i < T.length; i++) {
      const tok = T[i]!;
      if (tok.used || !tok.num || tok.ord !== 2 || !(this.house !== null || this.free > 1)) continue;
      this.use(i, i + 1);
      this.units.push({ type: 'floor', value: digits(tok.t) });
      this.door(i + 1, tok.seg);
    }
  }

  /** "#301" is a unit; where it is the only number ("Av. Reforma #222") it is the house. */
  hashes(): void {
    const T = this.T;
    for (const i of this.candidates) {
      const tok = T[i]!;
      if (tok.used || tok.t !== '#') continue;
      const v = this.valueAt(i + 1, tok.seg, false);
      if (v === null) continue;
      if (this.house === null && this.free - v.nums <= 0 && v.nums === 1) {
        this.setHouse(v.from);
        this.use(i, i + 1);
      } else {
        this.use(i, v.to);
        this.units.push({ type: 'unit', value: v.value });
      }
    }
  }

  /** The house number: the first number at the edge of a comma part, else the last number. */
  houseNumber(): void {
    const T = this.T;
    if (this.house === null) {
      let edge = -1;
      let last = -1;
      for (let i = 0; i < T.length; i++) {
        const tok = T[i]!;
        if (tok.used || !tok.num) continue;
        last = i;
        // A range "5-7" stands at the edge by its last number.
        const range = this.unused(i + 1, tok.seg)?.num === true && T[i + 1]!.pre === SEP_HYPHEN;
        if (edge < 0 && (this.isEdge(i, -1) || this.isEdge(range ? i + 1 : i, 1))) edge = i;
        if (range) i++;
      }
      const at = edge >= 0 ? edge : last;
      if (at < 0) return;
      this.setHouse(at);
    }
    const seg = T[this.houseAt]!.seg;
    let k = this.houseAt + 1;
    let next = this.unused(k, seg);
    if (next !== null && this.P.romanFloor && ROMAN[next.t] !== undefined) {
      this.units.push({ type: 'floor', value: String(ROMAN[next.t]) });
      this.use(k, k + 1);
      return;
    }
    if (next !== null && next.num && next.pre === SEP_HYPHEN) {
      this.house += `-${digits(next.t)}`;
      this.use(k, k + 1);
      k++;
      next = this.unused(k, seg);
    }
    if (next !== null && !next.num && (HOUSE_SUFFIX_WORDS.has(next.t) || (isSingleLetter(next.t) && (next.pre !== SEP_SPACE || this.letterEndsHouse(k))))) {
      this.house += next.t;
      this.use(k, k + 1);
      k++;
      next = this.unused(k, seg);
    }
    if (next !== null && this.P.romanFloor && ROMAN[next.t] !== undefined) {
      this.units.push({ type: 'floor', value: String(ROMAN[next.t]) });
      this.use(k, k + 1);
    }
  }

  /** "5 A" is house 5A when nothing follows, or the street type ("12 B rue X"), or the floor ("12 A II"). */
  private letterEndsHouse(k: number): boolean {
    if (this.isEdge(k, 1)) return true;
    const next = this.unused(k + 1, this.T[k]!.seg);
    if (next === null) return false;
    // "12 r. St-Honoré": a letter that is itself a street type starts the street.
    if (matchAt(this.T, k + 1, this.P.types) !== null) return matchAt(this.T, k, this.P.types) === null;
    return this.P.romanFloor && ROMAN[next.t] !== undefined;
  }

  /** No unused token of the same comma part lies beyond token i in direction dir. */
  private isEdge(i: number, dir: -1 | 1): boolean {
    const seg = this.T[i]!.seg;
    for (let k = i + dir; k >= 0 && k < this.T.length; k += dir) {
      const t = this.T[k]!;
      if (t.seg !== seg) return true;
      if (!t.used) return false;
    }
    return true;
  }

  /** A number standing alone in its comma part once the house is known ("…, 301") is a unit. */
  loneNumbers(): void {
    if (this.house === null) return;
    const T = this.T;
    for (let i = 0; i < T.length; i++) {
      const tok = T[i]!;
      if (!tok.used && tok.num && this.isEdge(i, -1) && this.isEdge(i, 1)) {
        this.use(i, i + 1);
        this.units.push({ type: 'unit', value: digits(tok.t) });
      }
    }
  }

  unit(): string | null {
    if (this.units.length === 0) return null;
    if (this.units.length === 1) return `${this.units[0]!.type} ${this.units[0]!.value}`;
    const parts = this.units
      .map((u, i) => ({ ...u, i }))
      .sort((a, b) => UNIT_ORDER[a.type] - UNIT_ORDER[b.type] || a.i - b.i)
      .map((u) => `${u.type} ${u.value}`);
    return [...new Set(parts)].join(' ');
  }

  /** The street words: abbreviations expanded, articles dropped, compounds split (Hauptstr. → haupt street). */
  street(keep: Set<number>): string {
    const ws: string[] = [];
    for (const tok of this.T) {
      if (tok.used || tok.t === '#') continue;
      ws.push(tok.num ? digits(tok.t) : tok.t);
      keep.add(tok.seg);
    }
    if (this.houseAt >= 0) keep.add(this.T[this.houseAt]!.seg);
    const P = this.P;
    let last = ws.length - 1;
    while (last > 0 && P.stop.has(ws[last]!)) last--;
    const out: string[] = [];
    for (let i = 0; i < ws.length;) {
      const type = matchWords(ws, i, P.types);
      const word = matchWords(ws, i, P.words);
      // A type at the end, a word elsewhere: "St Mary St" is Saint Mary Street, "Dr.-Müller-Str." Doktor.
      const m = type !== null && word !== null ? (i + type.len - 1 >= last ? type : word) : (type ?? word);
      if (m !== null) {
        out.push(m.phrase.value);
        i += m.len;
        continue;
      }
      const w = ws[i]!;
      if (ws.length > 1 && P.stop.has(w)) {
        i++;
        continue;
      }
      // A compound is split unless the word before a separate street type is its stem ("Bahnhof Str.").
      if (P.compounds.length > 0 && (i + 1 >= ws.length || matchWords(ws, i + 1, P.types) === null)) {
        const split = P.compounds.find(([suffix]) => w.length >= suffix.length + 2 && w.endsWith(suffix));
        if (split !== undefined) {
          out.push(w.slice(0, w.length - split[0].length), split[1]);
          i++;
          continue;
        }
      }
      out.push(w);
      i++;
    }
    if (out.length > 1 && P.impliedTypes.has(out[0]!)) out.shift();
    return out.join(' ');
  }
}

interface CareOf {
  readonly head: string;
  readonly name: string;
  readonly tail: string;
}

/** A word that starts the address again after a care-of name ("c/o Anna Schmidt Hauptstr. 5"). */
function startsAddress(raw: string, P: Profile): boolean {
  const toks: Token[] = [];
  tokenize(fold(raw, P.digraphs), 0, toks);
  const first = toks[0];
  if (first === undefined) return false;
  if (first.num || first.t === '#') return true;
  const w = first.t;
  if (P.types.has(w) || P.before.has(w) || P.levels.has(w)) return true;
  return P.compounds.some(([suffix]) => w.length >= suffix.length + 2 && w.endsWith(suffix));
}

function cutCareOf(segment: string, P: Profile): CareOf | null {
  const m = CARE_OF_START_RE.exec(segment) ?? CARE_OF_ANY_RE.exec(segment);
  if (m === null) return null;
  const markerEnd = m.index + m[0].length;
  const head = segment.slice(0, markerEnd - m[1]!.length);
  const rest = segment.slice(markerEnd).trim().split(/\s+/);
  let stop = rest.length;
  for (let k = 1; k < rest.length; k++) {
    if (startsAddress(rest[k]!, P)) {
      stop = k;
      break;
    }
  }
  const name = rest
    .slice(0, stop)
    .join(' ')
    // Punctuation left from the marker ("Attn: X", "c/o. X") goes; a final dot is an abbreviation's (S.r.l.).
    .replace(/^[\s.:,\-–]+|[\s:,\-–]+$/g, '');
  return { head, name, tail: rest.slice(stop).join(' ') };
}

/** Cities repeat across rows (a few thousand names in millions of rows): their keys are kept. */
const cityKeys = new Map<string, string>();
const CITY_CACHE_LIMIT = 50_000;

function cityKey(raw: string, P: Profile): string {
  const cacheKey = `${P.country}|${raw}`;
  const cached = cityKeys.get(cacheKey);
  if (cached !== undefined) return cached;
  if (cityKeys.size >= CITY_CACHE_LIMIT) cityKeys.clear();
  const toks: Token[] = [];
  tokenize(fold(raw, P.digraphs), 0, toks);
  // Postcodes and CEDEX written into the city field are not the city.
  let key = '';
  for (const t of toks) {
    if (t.num || t.t === '#' || t.t === 'cedex') continue;
    key = key === '' ? t.t : `${key} ${t.t}`;
  }
  const city = P.cities.get(key) ?? key;
  cityKeys.set(cacheKey, city);
  return city;
}

export function normaliseAddress(a: AddressInput): NormalisedAddress {
  const country = a.country.trim().toUpperCase();
  const P = profileFor(country);

  const segments: string[] = [];
  const careOf: string[] = [];
  for (const line of [a.line1, a.line2]) {
    if (line === null || line === undefined) continue;
    for (const part of line.split(SEGMENTS)) {
      const cut = cutCareOf(part, P);
      if (cut === null) {
        segments.push(part);
        continue;
      }
      if (cut.name !== '') careOf.push(cut.name);
      segments.push(cut.head, cut.tail);
    }
  }

  const T: Token[] = [];
  for (let s = 0; s < segments.length; s++) tokenize(fold(segments[s]!, P.digraphs), s, T);
  const parse = new AddressParse(T, P);
  parse.slashes();
  parse.markedHouse();
  parse.levels(true);
  parse.markers();
  parse.levels(false);
  parse.bareOrdinals();
  parse.hashes();
  parse.houseNumber();
  parse.loneNumbers();
  const keep = new Set<number>();
  const street = parse.street(keep);

  const city = cityKey(a.city, P);
  const key = `${country}|${city}|${parse.house ?? ''}|${street}`;
  const written = segments.map((s) => s.trim()).filter((s, i) => keep.has(i) && s !== '');
  const text = [...written, a.city, a.region, a.postcode, country].filter((p) => p !== null && p !== undefined && String(p).trim() !== '').join(', ');
  return {
    key,
    unit: parse.unit(),
    careOf: careOf.length === 0 ? null : careOf.join('; '),
    text,
    city,
    country,
    postcode: normalisePostcode(a.postcode),
  };
}
