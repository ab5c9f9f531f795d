import { describe, expect, it } from 'vitest';
import { normaliseAddress, type AddressInput } from './address';
import { COUNTRY_LANGUAGES, LANGUAGE_TABLES } from './address-dictionary';
import { compileProfile } from './address-profile';
import { words } from './address-text';

const n = (line1: string, country: string, city = 'X', line2: string | null = null) => normaliseAddress({ line1, line2, city, country });
const keyOf = (line1: string, country: string, city = 'X', line2: string | null = null) => n(line1, country, city, line2).key;
const sameKey = (country: string, city: string, ...lines: (string | [string, string])[]) =>
  new Set(lines.map((l) => (typeof l === 'string' ? keyOf(l, country, city) : keyOf(l[0], country, city, l[1])))).size;

describe('the building key', () => {
  it('folds the measured failures of issue 17 into one key per building', () => {
    expect(sameKey('DE', 'München', 'Hauptstraße 5', 'Hauptstr. 5', 'Hauptstrasse 5', 'Haupt-Straße 5', 'Haupt Strasse 5', 'HAUPTSTR 5')).toBe(1);
    expect(new Set(['München', 'Muenchen', 'Munchen', 'MÜNCHEN', 'Munich'].map((city) => keyOf('Hauptstraße 5', 'DE', city))).size).toBe(1);
    const hall = (line2: string) => normaliseAddress({ line1: 'Hauptstraße 5', line2, city: 'München', country: 'DE' });
    expect(new Set(['c/o Müller GmbH', '3. OG', 'EG', 'Halle 4', 'Halle 7'].map((l) => hall(l).key))).toEqual(
      new Set([keyOf('Hauptstraße 5', 'DE', 'München')]),
    );
    expect(keyOf('Hauptstraße 5', 'DE', 'München')).toBe('DE|munchen|5|haupt street');
  });

  it('reads "Xinhua Lu 5 Hao" as "No.5 Xinhua Rd", and Han address words as their pinyin', () => {
    expect(sameKey('CN', 'Shenzhen', 'Xinhua Lu 5 Hao', 'No.5 Xinhua Rd', '5 Xinhua Road', 'Xīnhuá Lù 5 Hào', 'Xinhua路5号')).toBe(1);
    expect(n('Xinhua Lu 5 Hao 3 Lou 301 Shi', 'CN').unit).toBe('floor 3 unit 301');
    expect(n('Xinhua Lu 5 Hao Lou', 'CN').unit).toBe(null);
    expect(n('Xinhua Lu 8 Hao, 5 Hao Lou', 'CN').unit).toBe('building 5');
  });

  it('keeps the ü = ue fold out of pinyin, where xue and xu are different syllables', () => {
    expect(keyOf('Xuefu Lu 5 Hao', 'CN')).not.toBe(keyOf('Xufu Lu 5 Hao', 'CN'));
    expect(keyOf('Kühweg 5', 'DE')).toBe(keyOf('Kuehweg 5', 'DE'));
  });

  it('reads house numbers with letters, "bis", ranges and flats', () => {
    expect(sameKey('DE', 'Berlin', 'Hauptstr. 5a', 'Hauptstr. 5 A', 'Hauptstr. 5A', 'Hauptstr. 5-a', 'Hauptstr. Nr. 5a')).toBe(1);
    expect(keyOf('Hauptstr. 5a', 'DE')).not.toBe(keyOf('Hauptstr. 5', 'DE'));
    expect(sameKey('FR', 'Paris', '12 bis rue de la Paix', '12bis, rue de la Paix', '12 BIS R. DE LA PAIX')).toBe(1);
    expect(keyOf('12 bis rue de la Paix', 'FR')).not.toBe(keyOf('12 rue de la Paix', 'FR'));
    // A range is its own house number: "5-7" is not "5" (which may be another building).
    expect(sameKey('DE', 'Berlin', 'Hauptstr. 5-7', 'Hauptstr. 5 - 7', 'Hauptstr. 5–7')).toBe(1);
    expect(keyOf('Hauptstr. 5-7', 'DE')).toBe('DE|x|5-7|haupt street');
    // "10/5" is house 10, flat 5 (Polish, Czech, German usage); in Australia the flat comes first.
    expect(n('ul. Marszałkowska 10/5', 'PL')).toMatchObject({ key: 'PL|x|10|marszalkowska', unit: 'unit 5' });
    expect(n('ul. Marszałkowska 10 m. 5', 'PL')).toMatchObject({ key: 'PL|x|10|marszalkowska', unit: 'unit 5' });
    expect(n('5/10 Smith St', 'AU')).toMatchObject({ key: 'AU|x|10|smith street', unit: 'unit 5' });
  });

  it('does not take a street word for a unit marker', () => {
    expect(n('Am Tor 5', 'DE')).toMatchObject({ key: 'DE|x|5|tor', unit: null });
    expect(n('Hauptstr. 5, Tor 3', 'DE')).toMatchObject({ key: 'DE|x|5|haupt street', unit: 'gate 3' });
    expect(n('Via del Piano 5, piano 3', 'IT')).toMatchObject({ key: 'IT|x|5|street piano', unit: 'floor 3' });
    expect(n('Puerta del Sol 5', 'ES')).toMatchObject({ unit: null });
    expect(n('Pl. Mayor 3, pl. 2', 'ES')).toMatchObject({ key: 'ES|x|3|square mayor', unit: 'floor 2' });
    expect(n('Straße des 17. Juni 135', 'DE')).toMatchObject({ key: 'DE|x|135|street 17 juni', unit: null });
    expect(n('Hauptstr. 128 UG', 'DE')).toMatchObject({ key: 'DE|x|128|haupt street', unit: 'floor -1' });
  });

  it('expands saints, titles and directions the same way written out or abbreviated', () => {
    expect(sameKey('GB', 'London', "5 St Mary's Rd", "5 Saint Mary's Road", '5 St. Marys Rd.')).toBe(1);
    expect(sameKey('US', 'Chicago', '5 N Main St', '5 North Main Street')).toBe(1);
    expect(sameKey('IT', 'Roma', 'Via S. Maria 4', 'Via Santa Maria 4', 'V. S.ta Maria 4')).toBe(1);
    expect(sameKey('DE', 'Köln', 'Dr.-Müller-Str. 4', 'Doktor-Müller-Straße 4')).toBe(1);
    expect(sameKey('ES', 'Madrid', 'Calle de Alcalá 4', 'C/ Alcalá 4', 'c/Alcala, 4')).toBe(1);
  });

  it('keeps different streets, types and cities apart', () => {
    expect(keyOf('Hauptstraße 5', 'DE')).not.toBe(keyOf('Hauptweg 5', 'DE'));
    expect(keyOf('Lindengasse 5', 'DE')).not.toBe(keyOf('Lindenallee 5', 'DE'));
    expect(keyOf('Place X 5', 'FR')).not.toBe(keyOf('Square X 5', 'FR'));
    expect(keyOf('12 rue de la Paix', 'FR')).not.toBe(keyOf('12 avenue de la Paix', 'FR'));
    expect(keyOf('5 Main St', 'US', 'Rome')).not.toBe(keyOf('5 Main St', 'US', 'Roma'));
  });

  it('joins exonyms within their country only (Rome, Georgia is not Roma)', () => {
    expect(n('x', 'IT', 'Rome').city).toBe('roma');
    expect(n('x', 'US', 'Rome').city).toBe('rome');
    expect(n('x', 'NL', "'s-Gravenhage").city).toBe(n('x', 'NL', 'The Hague').city);
    expect(n('x', 'BE', 'Brussel').city).toBe(n('x', 'BE', 'Bruxelles').city);
    expect(n('x', 'CN', '北京').city).toBe('beijing');
    expect(n('x', 'FR', 'PARIS CEDEX 08').city).toBe('paris');
  });
});

describe('unit notes and care-of names', () => {
  it('gives one unit for the forms of one note, wherever it stands', () => {
    const units = (country: string, forms: (string | [string, string])[]) =>
      new Set(forms.map((f) => (typeof f === 'string' ? n(f, country) : n(f[0], country, 'X', f[1])).unit));
    expect(units('DE', ['Hauptstr. 5, 3. OG', 'Hauptstr. 5 3.OG', ['Hauptstr. 5', 'OG 3'], '3. Obergeschoss, Hauptstr. 5', 'Hauptstr. 5, 3. Etage'])).toEqual(
      new Set(['floor 3']),
    );
    expect(units('ES', ['C/ Mayor 12, 2º B', 'Calle Mayor 12, piso 2, puerta B', ['Calle Mayor, nº 12', '2ª planta, pta. B']])).toEqual(
      new Set(['floor 2 unit b']),
    );
    expect(units('FR', ['12 rue X, 3e étage', '12 rue X, 3ème étage', ['12 rue X', 'Étage 3']])).toEqual(new Set(['floor 3']));
    expect(units('CN', ['5 Xinhua Rd, 3/F', '5 Xinhua Rd 3F', 'Xinhua Lu 5 Hao 3 Lou', 'Xinhua Lu 5 Hao 3 Ceng', '3rd Floor, 5 Xinhua Road'])).toEqual(
      new Set(['floor 3']),
    );
    expect(n('Hauptstr. 5', 'DE', 'X', 'EG').unit).toBe('floor 0');
    expect(n('Kerkstraat 12-II', 'NL').unit).toBe('floor 2');
    expect(n('Via Roma 4, scala B, int. 7, 3° piano', 'IT').unit).toBe('entrance b floor 3 unit 7');
  });

  it('returns the care-of name as written and keeps it out of the key and the text', () => {
    const a: AddressInput = { line1: 'c/o Müller GmbH', line2: 'Hauptstraße 5, Halle 4', city: 'München', country: 'DE' };
    const r = normaliseAddress(a);
    expect(r).toMatchObject({ key: 'DE|munchen|5|haupt street', unit: 'hall 4', careOf: 'Müller GmbH' });
    expect(r.text).toBe('Hauptstraße 5, München, DE');
    expect(n('Hauptstr. 5 c/o Schmidt', 'DE')).toMatchObject({ key: 'DE|x|5|haupt street', careOf: 'Schmidt' });
    expect(n('c/o Anna Schmidt Hauptstr. 5', 'DE')).toMatchObject({ key: 'DE|x|5|haupt street', careOf: 'Anna Schmidt' });
    expect(n('z. Hd. Herrn Bauer, Hauptstr. 5', 'DE').careOf).toBe('Herrn Bauer');
    expect(n('12 rue X', 'FR', 'X', 'chez Dupont').careOf).toBe('Dupont');
    expect(n('Kerkstraat 5', 'NL', 'X', 't.a.v. J. de Vries').careOf).toBe('J. de Vries');
    // A company form is not a care-of marker, and "C/ O'Donnell" is a Madrid street.
    expect(n('Müller & Co KG, Hauptstr. 5', 'DE').careOf).toBe(null);
    expect(n("C/ O'Donnell 12", 'ES')).toMatchObject({ key: 'ES|x|12|street o donnell', careOf: null });
  });
});

describe('the dictionary, compiled per country', () => {
  it('keeps two street types of one language apart, and reads all forms of one type alike, in every country that speaks it', () => {
    const problems: string[] = [];
    for (const country of [...Object.keys(COUNTRY_LANGUAGES), 'GB', 'US', 'AU']) {
      const profile = compileProfile(country);
      for (const language of COUNTRY_LANGUAGES[country] ?? ['en']) {
        const table = LANGUAGE_TABLES[language];
        for (const [kind, entries, phrases] of [
          ['type', table.streetTypes, profile.types],
          ['word', table.words ?? {}, profile.words],
        ] as const) {
          const readings = new Map<string, Set<string>>();
          for (const [name, forms] of Object.entries(entries)) {
            const seen = new Set<string>();
            for (const form of forms) {
              const [first, ...rest] = words(form, profile.digraphs);
              seen.add(phrases.get(first!)?.find((p) => p.rest.join(' ') === rest.join(' '))?.value ?? '(missing)');
            }
            if (seen.size !== 1) problems.push(`${country} ${language} ${kind} ${name}: forms read as ${[...seen].join(', ')}`);
            for (const [other, theirs] of readings)
              if ([...seen].some((v) => theirs.has(v))) problems.push(`${country} ${language} ${kind}s ${other} and ${name} read alike`);
            readings.set(name, seen);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
