import {
  CITY_NAMES,
  COUNTRY_LANGUAGES,
  LANGUAGE_TABLES,
  NO_DIGRAPH_FOLD,
  UNIT_FIRST_SLASH,
  type Language,
  type LanguageTable,
  type MarkerType,
} from './address-dictionary';
import { words } from './address-text';

/**
 * The dictionary compiled for one country: its languages' tables (first language first, English
 * street types and markers last), every form folded exactly as address text is folded, so a form and
 * the text it should match cannot drift apart. Built once per country and cached.
 */

/** A dictionary entry keyed by its first word; `rest` holds the words after it ("planta baja"). */
export interface Phrase<V> {
  readonly rest: readonly string[];
  readonly value: V;
  readonly weak: boolean;
  readonly late: boolean;
}
export type Phrases<V> = ReadonlyMap<string, readonly Phrase<V>[]>;

export interface Profile {
  readonly country: string;
  readonly digraphs: boolean;
  readonly types: Phrases<string>;
  readonly words: Phrases<string>;
  /** Folded suffix → canonical street type, longest first. */
  readonly compounds: readonly (readonly [string, string])[];
  readonly stop: ReadonlySet<string>;
  readonly houseBefore: Phrases<true>;
  readonly houseAfter: Phrases<true>;
  readonly before: Phrases<MarkerType>;
  readonly after: Phrases<MarkerType>;
  readonly levels: Phrases<string>;
  readonly doors: Phrases<string>;
  /** First words of every house-number, unit and level phrase, and '#'. */
  readonly markerStarts: ReadonlySet<string>;
  readonly romanFloor: boolean;
  /** Canonical street types a street starts with when none is written: dropped from the key. */
  readonly impliedTypes: ReadonlySet<string>;
  readonly unitFirstSlash: boolean;
  readonly cities: ReadonlyMap<string, string>;
}

class PhraseBuilder<V> {
  readonly map = new Map<string, Phrase<V>[]>();
  private readonly seen = new Map<string, V>();

  /** Adds a form unless an earlier language has it; returns the value already there, if different. */
  add(form: readonly string[], value: V, flags: { weak: boolean; late: boolean }): V | undefined {
    if (form.length === 0) return undefined;
    const key = form.join(' ');
    const existing = this.seen.get(key);
    if (existing !== undefined) return existing === value ? undefined : existing;
    this.seen.set(key, value);
    const list = this.map.get(form[0]!) ?? [];
    list.push({ rest: form.slice(1), value, ...flags });
    list.sort((a, b) => b.rest.length - a.rest.length);
    this.map.set(form[0]!, list);
    return undefined;
  }

  mapValues<W>(f: (v: V) => W): Map<string, Phrase<W>[]> {
    return new Map([...this.map].map(([k, list]) => [k, list.map((p) => ({ ...p, value: f(p.value) }))]));
  }
}

/** Canonical names that two languages of one country give the same form are one name (CH: allée/Allee). */
class Canon {
  private readonly parent = new Map<string, string>();
  find(c: string): string {
    let root = c;
    while (this.parent.has(root)) root = this.parent.get(root)!;
    return root;
  }
  union(keep: string, merge: string): void {
    const a = this.find(keep);
    const b = this.find(merge);
    if (a !== b) this.parent.set(b, a);
  }
}

export function languagesOf(country: string): Language[] {
  const own = COUNTRY_LANGUAGES[country] ?? [];
  return own.includes('en') ? [...own] : [...own, 'en'];
}

export function compileProfile(country: string): Profile {
  const digraphs = !NO_DIGRAPH_FOLD.has(country);
  const fold = (form: string): string[] => words(form, digraphs);
  const languages = languagesOf(country);
  const primary = new Set(COUNTRY_LANGUAGES[country] ?? ['en']);

  const canon = new Canon();
  const types = new PhraseBuilder<string>();
  const wordTable = new PhraseBuilder<string>();
  const compounds = new Map<string, string>();
  const stop = new Set<string>();
  const houseBefore = new PhraseBuilder<true>();
  const houseAfter = new PhraseBuilder<true>();
  const before = new PhraseBuilder<MarkerType>();
  const after = new PhraseBuilder<MarkerType>();
  const levels = new PhraseBuilder<string>();
  const doors = new PhraseBuilder<string>();
  let romanFloor = false;
  const implied = new Set<string>();

  const none = { weak: false, late: false };
  for (const language of languages) {
    const table: LanguageTable = LANGUAGE_TABLES[language];
    const weak = new Set((table.weak ?? []).map((f) => fold(f).join(' ')));
    const late = new Set((table.late ?? []).map((f) => fold(f).join(' ')));
    const flags = (form: string[]) => ({ weak: weak.has(form.join(' ')), late: late.has(form.join(' ')) });
    for (const [name, forms] of Object.entries(table.streetTypes)) {
      for (const form of [name.replace(/_/g, ' '), ...forms]) {
        // Two of the country's languages naming one form differently name one thing (CH: Allee, allée);
        // a fallback language's clash is not merged, the country's own reading wins.
        const clash = types.add(fold(form), name, none);
        if (clash !== undefined && primary.has(language)) canon.union(clash, name);
      }
    }
    for (const [name, forms] of Object.entries(table.compoundSuffixes ?? {})) {
      for (const form of forms) {
        const suffix = fold(form).join('');
        if (!compounds.has(suffix)) compounds.set(suffix, name);
      }
    }
    // A fallback language lends its street types and markers, not its words: English "s" is south,
    // Spanish "s." is San.
    if (primary.has(language)) {
      for (const [name, forms] of Object.entries(table.words ?? {})) {
        for (const form of [name, ...forms]) {
          const clash = wordTable.add(fold(form), name, none);
          if (clash !== undefined) canon.union(clash, name);
        }
      }
      for (const w of table.stopWords ?? []) for (const f of fold(w)) stop.add(f);
    }
    for (const form of table.houseNumber.before) houseBefore.add(fold(form), true, none);
    for (const form of table.houseNumber.after ?? []) houseAfter.add(fold(form), true, none);
    for (const [type, forms] of Object.entries(table.unitsBefore)) for (const form of forms) before.add(fold(form), type as MarkerType, flags(fold(form)));
    for (const [type, forms] of Object.entries(table.unitsAfter ?? {})) for (const form of forms) after.add(fold(form), type as MarkerType, flags(fold(form)));
    for (const [value, forms] of Object.entries(table.levels ?? {})) for (const form of forms) levels.add(fold(form), value, flags(fold(form)));
    for (const [value, forms] of Object.entries(table.doors ?? {})) for (const form of forms) doors.add(fold(form), value, none);
    if (table.romanFloorAfterNumber === true && primary.has(language)) romanFloor = true;
    if (table.impliedStreetType !== undefined && primary.has(language)) implied.add(table.impliedStreetType);
  }

  const cities = new Map<string, string>();
  for (const [name, forms] of Object.entries(CITY_NAMES[country] ?? {})) {
    const key = fold(name).join(' ');
    for (const form of [name, ...forms]) cities.set(fold(form).join(' '), key);
  }

  const markerStarts = new Set<string>(['#']);
  for (const phrases of [houseBefore.map, houseAfter.map, before.map, after.map, levels.map]) for (const first of phrases.keys()) markerStarts.add(first);

  return {
    country,
    digraphs,
    types: types.mapValues((v) => canon.find(v)),
    words: wordTable.mapValues((v) => canon.find(v)),
    compounds: [...compounds].map(([suffix, name]) => [suffix, canon.find(name)] as const).sort((a, b) => b[0].length - a[0].length),
    stop,
    houseBefore: houseBefore.map,
    houseAfter: houseAfter.map,
    before: before.map,
    after: after.map,
    levels: levels.map,
    doors: doors.map,
    markerStarts,
    romanFloor,
    impliedTypes: new Set([...implied].map((t) => canon.find(t))),
    unitFirstSlash: UNIT_FIRST_SLASH.has(country),
    cities,
  };
}

const cache = new Map<string, Profile>();

export function profileFor(country: string): Profile {
  let profile = cache.get(country);
  if (profile === undefined) {
    profile = compileProfile(country);
    cache.set(country, profile);
  }
  return profile;
}
