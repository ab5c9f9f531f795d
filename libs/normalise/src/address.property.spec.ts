import { describe, expect, it } from 'vitest';
import { normaliseAddress, type AddressInput } from './address';

/**
 * Property tests: random addresses in eight languages, each written in many ways (case, punctuation,
 * abbreviation or full word, diacritics, their ASCII spelling or none, compound or split street,
 * c/o line or none, unit/floor/hall notes in different forms and places, "Nr."/"No." markers, extra
 * spaces), must give one building key and one unit per address; other houses, streets and cities
 * must give other keys, other units other units.
 *
 * The generator below is written from how people write addresses, on purpose without reading the
 * normaliser's dictionary (address-dictionary.ts): if both came from one table, a wrong table would
 * pass. Its seeded random source is its own too.
 */

const VARIANTS = 20;
const ADDRESSES = 500; // × VARIANTS = 10,000 variants per language

/** mulberry32: small, seeded, good enough to pick spellings. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number): number => Math.floor(next() * n),
    chance: (p: number): boolean => next() < p,
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)]!;
    },
  };
}
type Rng = ReturnType<typeof rng>;

// --- spelling helpers (the generator's own) ---------------------------------------------------------

const GERMAN_ASCII: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };
const GERMAN_BARE: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', Ä: 'A', Ö: 'O', Ü: 'U', ß: 'ss' };
const BARE: Record<string, string> = {
  á: 'a',
  à: 'a',
  â: 'a',
  ä: 'a',
  ą: 'a',
  ā: 'a',
  ǎ: 'a',
  ç: 'c',
  ć: 'c',
  č: 'c',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  ę: 'e',
  ē: 'e',
  ě: 'e',
  í: 'i',
  ì: 'i',
  î: 'i',
  ï: 'i',
  ī: 'i',
  ǐ: 'i',
  ł: 'l',
  ñ: 'n',
  ń: 'n',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  ö: 'o',
  ō: 'o',
  ǒ: 'o',
  ś: 's',
  ú: 'u',
  ù: 'u',
  û: 'u',
  ü: 'u',
  ū: 'u',
  ǔ: 'u',
  ź: 'z',
  ż: 'z',
  É: 'E',
  È: 'E',
  Ł: 'L',
  Ś: 'S',
  Ż: 'Z',
  Ź: 'Z',
  Ó: 'O',
  Á: 'A',
};
const replaceChars = (text: string, table: Record<string, string>): string => [...text].map((c) => table[c] ?? c).join('');

/** How one name may be spelt: as is, in ASCII (German ue for ü), or with the marks left off. */
function spell(r: Rng, text: string, lang: string): string {
  const mode = r.int(3);
  if (mode === 0) return text;
  if (lang === 'de') return replaceChars(text, mode === 1 ? GERMAN_ASCII : GERMAN_BARE);
  return replaceChars(text, BARE);
}

function casing(r: Rng, text: string): string {
  const x = r.next();
  return x < 0.12 ? text.toUpperCase() : x < 0.24 ? text.toLowerCase() : text;
}

/** Extra spaces where people leave them: doubled, around commas, at the ends. */
function spaces(r: Rng, text: string): string {
  let out = text;
  if (r.chance(0.2)) out = out.replace(/ /g, () => (r.chance(0.3) ? '  ' : ' '));
  if (r.chance(0.15)) out = out.replace(/,/g, ' ,');
  if (r.chance(0.15)) out = `  ${out} `;
  return out;
}

// --- the address model ---------------------------------------------------------------------------------

/** One unit note: what it means (for the test) and how to write it (a fresh form each time). */
interface Note {
  readonly meaning: string;
  readonly write: (r: Rng) => string;
  /** Notes a language writes only after the street (Spanish floors). */
  readonly afterOnly?: boolean;
}

interface Place {
  readonly lang: string;
  readonly city: number;
  readonly street: number;
  readonly type: number;
  readonly house: number;
  readonly suffix: string;
  readonly notes: readonly Note[];
  readonly careOf: string | null;
}

/** A city: its country and the names it goes by (the first is enough for the test, all must agree). */
interface City {
  readonly country: string;
  readonly names: readonly string[];
}
const inCountry = (country: string, cities: readonly (readonly string[])[]): City[] => cities.map((names) => ({ country, names }));

interface LanguageModel {
  readonly lang: string;
  readonly cities: readonly City[];
  readonly streets: readonly string[];
  readonly types: number;
  /** The street line: name, type and house number as someone writes them. */
  readonly streetLine: (r: Rng, p: Place) => string;
  readonly notes: (r: Rng) => Note[];
  readonly careOf: readonly ((name: string) => string)[];
  readonly names: readonly string[];
  /** Where unit notes may stand: 'before' also allows them ahead of the street. */
  readonly notesBefore: boolean;
  readonly suffixes?: readonly string[];
}

const num = (r: Rng, lo: number, hi: number) => lo + r.int(hi - lo + 1);
const ordinalEn = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

// German ---------------------------------------------------------------------------------------------

const DE_TYPES: readonly { compound: readonly string[]; apart: readonly string[] }[] = [
  { compound: ['straße', 'strasse', 'str.', 'str'], apart: ['Straße', 'Strasse', 'Str.', 'Str'] },
  { compound: ['weg'], apart: ['Weg'] },
  { compound: ['allee'], apart: ['Allee'] },
  { compound: ['platz'], apart: ['Platz'] },
  { compound: ['gasse'], apart: ['Gasse'] },
  { compound: ['ring'], apart: ['Ring'] },
  { compound: ['damm'], apart: ['Damm'] },
];

const german: LanguageModel = {
  lang: 'de',
  cities: [
    ...inCountry('DE', [
      ['München', 'Muenchen', 'Munchen', 'Munich'],
      ['Köln', 'Koeln', 'Koln', 'Cologne'],
      ['Düsseldorf', 'Duesseldorf', 'Dusseldorf'],
      ['Nürnberg', 'Nuernberg', 'Nurnberg', 'Nuremberg'],
      ['Berlin', '10115 Berlin'],
      ['Frankfurt am Main', 'Frankfurt a. M.', 'Frankfurt/Main'],
    ]),
    ...inCountry('AT', [['Wien', 'Vienna'], ['Graz']]),
  ],
  streets: [
    'Haupt',
    'Bahnhof',
    'Mühlen',
    'Schiller',
    'Goethe',
    'Linden',
    'Kirch',
    'Rosen',
    'Friedrich-Ebert',
    'Königs',
    'Industrie',
    'Hafen',
    'Brücken',
    'Lager',
  ],
  types: DE_TYPES.length,
  streetLine(r, p) {
    const stem = spell(r, this.streets[p.street]!, 'de');
    const t = DE_TYPES[p.type]!;
    const hyphenated = stem.includes('-');
    const style = r.int(3);
    const street =
      style === 0 && !hyphenated ? `${stem}${r.pick(t.compound)}` : style === 1 || hyphenated ? `${stem}-${r.pick(t.apart)}` : `${stem} ${r.pick(t.apart)}`;
    const house = `${p.house}${p.suffix === '' ? '' : r.pick([p.suffix, ` ${p.suffix}`, p.suffix.toUpperCase(), ` ${p.suffix.toUpperCase()}`])}`;
    if (r.chance(0.15)) return `${street} ${r.pick(['Nr.', 'Nr', 'No.'])} ${house}`;
    // "Hauptstr.5": after an abbreviation's dot the space is often left out.
    return `${street}${street.endsWith('.') && r.chance(0.3) ? '' : ' '}${house}`;
  },
  notes(r) {
    const floor = num(r, 1, 9);
    const n = num(r, 1, 12);
    const floors: Note[] = [
      {
        meaning: `floor ${floor}`,
        write: (q) =>
          q.pick([
            `${floor}. OG`,
            `${floor}.OG`,
            `${floor} OG`,
            `OG ${floor}`,
            `${floor}. Obergeschoss`,
            `${floor}. Stock`,
            `${floor}. Etage`,
            `Etage ${floor}`,
          ]),
      },
      { meaning: 'floor 0', write: (q) => q.pick(['EG', 'Erdgeschoss', 'Erdgeschoß', 'eg']) },
      { meaning: 'floor -1', write: (q) => q.pick(['UG', 'Untergeschoss', '1. UG']) },
    ];
    const others: Note[] = [
      { meaning: `hall ${n}`, write: (q) => q.pick([`Halle ${n}`, `HALLE ${n}`, `Halle ${n}`]) },
      { meaning: `gate ${n}`, write: () => `Tor ${n}` },
      { meaning: `dock ${n}`, write: () => `Rampe ${n}` },
      { meaning: `flat ${n}`, write: (q) => q.pick([`Wohnung ${n}`, `Whg. ${n}`, `Whg ${n}`]) },
    ];
    return pickNotes(r, floors, others);
  },
  careOf: [
    (n) => `c/o ${n}`,
    (n) => `C/O ${n}`,
    (n) => `c/o: ${n}`,
    (n) => `z. Hd. ${n}`,
    (n) => `z.Hd. ${n}`,
    (n) => `zu Händen ${n}`,
    (n) => `zu Haenden ${n}`,
    (n) => `Attn: ${n}`,
  ],
  names: ['Anna Schmidt', 'Müller GmbH', 'Spedition Weber', 'Herrn Thomas Bauer', 'Frau Petra Klein', 'Fa. Meier & Söhne'],
  notesBefore: true,
  suffixes: ['a', 'b', 'c'],
};

// French ---------------------------------------------------------------------------------------------

const FR_TYPES: readonly (readonly string[])[] = [
  ['rue', 'Rue', 'r.', 'R.', 'RUE'],
  ['avenue', 'Avenue', 'av.', 'Av.', 'ave'],
  ['boulevard', 'Boulevard', 'bd', 'Bd', 'boul.'],
  ['place', 'Place', 'pl.', 'Pl.'],
  ['chemin', 'Chemin', 'ch.', 'Ch.', 'chem.'],
  ['impasse', 'Impasse', 'imp.', 'Imp.'],
  ['allée', 'Allée', 'allee', 'all.'],
  ['quai', 'Quai', 'qu.'],
];
const FR_NAMES: readonly ((r: Rng) => string)[] = [
  () => 'de la Paix',
  () => 'Victor Hugo',
  () => 'de la République',
  (r) => `du ${r.pick(['Général', 'Gal', 'Gén.'])} de Gaulle`,
  (r) => `${r.pick(['Saint-', 'St-', 'St ', 'Saint ', 'St. '])}Honoré`,
  () => 'des Lilas',
  (r) => `de l${r.pick(["'", '’'])}Église`,
  () => 'Jean Jaurès',
  () => 'du Château',
  () => 'Pasteur',
];

const french: LanguageModel = {
  lang: 'fr',
  cities: [
    ...inCountry('FR', [['Paris', 'PARIS CEDEX 08', '75008 Paris'], ['Lyon'], ['Marseille']]),
    ...inCountry('BE', [
      ['Liège', 'Liege', 'Luik'],
      ['Bruxelles', 'Brussels', 'Brussel'],
    ]),
  ],
  streets: FR_NAMES.map((_, i) => String(i)),
  types: FR_TYPES.length,
  streetLine(r, p) {
    const name = spell(r, FR_NAMES[p.street]!(r), 'fr');
    const house = `${p.house}${p.suffix === '' ? '' : r.pick([p.suffix, ` ${p.suffix}`, ` ${p.suffix.toUpperCase()}`])}`;
    return `${house}${r.chance(0.3) ? ',' : ''} ${r.pick(FR_TYPES[p.type]!)} ${name}`;
  },
  notes(r) {
    const floor = num(r, 1, 9);
    const n = num(r, 1, 40);
    const b = r.pick(['A', 'B', 'C']);
    const th = floor === 1 ? ['1er', '1ère'] : [`${floor}e`, `${floor}ème`, `${floor}eme`];
    const floors: Note[] = [
      {
        meaning: `floor ${floor}`,
        write: (q) => q.pick([`${q.pick(th)} étage`, `${q.pick(th)} etage`, `${q.pick(th)} ét.`, `Étage ${floor}`, `étage ${floor}`]),
      },
      { meaning: 'floor 0', write: (q) => q.pick(['RDC', 'rez-de-chaussée', 'Rez-de-chaussée', 'rez de chaussee']) },
    ];
    const others: Note[] = [
      { meaning: `building ${b}`, write: (q) => q.pick([`Bât. ${b}`, `Bâtiment ${b}`, `Bat ${b}`, `BAT. ${b}`]) },
      { meaning: `flat ${n}`, write: (q) => q.pick([`Appt ${n}`, `Appartement ${n}`, `App. ${n}`, `apt ${n}`]) },
      { meaning: `entrance ${n}`, write: (q) => q.pick([`Escalier ${n}`, `Esc. ${n}`]) },
      { meaning: `hall ${n}`, write: () => `Hall ${n}` },
    ];
    return pickNotes(r, floors, others);
  },
  careOf: [(n) => `c/o ${n}`, (n) => `chez ${n}`, (n) => `Chez ${n}`, (n) => `à l'attention de ${n}`, (n) => `A l'attention de ${n}`, (n) => `Attn ${n}`],
  names: ['M. Dupont', 'Mme Sophie Martin', 'Société Durand', 'Jean Petit'],
  notesBefore: true,
  suffixes: ['bis', 'ter', 'b'],
};

// Spanish --------------------------------------------------------------------------------------------

const ES_TYPES: readonly (readonly string[])[] = [
  ['Calle', 'C/', 'C/ ', 'c/', 'Cl.', 'CL', 'C.', 'calle'],
  ['Avenida', 'Avda.', 'Av.', 'Avda'],
  ['Plaza', 'Pza.', 'Pl.', 'Plza.'],
  ['Paseo', 'Pº', 'P.º', 'Pso.'],
  ['Carretera', 'Ctra.', 'Ctra'],
];
const ES_NAMES: readonly (readonly [string, string])[] = [
  ['', 'Mayor'],
  ['de ', 'Alcalá'],
  ['del ', 'Sol'],
  ['de la ', 'Constitución'],
  ['', 'San Fernando'],
  ['', 'Real'],
  ['de ', 'Cervantes'],
  ['de los ', 'Reyes Católicos'],
  ['', 'Nueva'],
];

const spanish: LanguageModel = {
  lang: 'es',
  cities: inCountry('ES', [['Sevilla', 'Seville'], ['Madrid'], ['Zaragoza', 'Saragossa'], ['A Coruña', 'La Coruña', 'A Coruna'], ['Málaga', 'Malaga']]),
  streets: ES_NAMES.map((n) => n[1]),
  types: ES_TYPES.length,
  streetLine(r, p) {
    const [article, name] = ES_NAMES[p.street]!;
    // "Calle de Alcalá" and "C/ Alcalá": the article comes and goes.
    const type = r.pick(ES_TYPES[p.type]!);
    // "C/Mayor", "Avda.Constitución": after a slash or a dot the space is often left out.
    const gap = /[/.]$/.test(type) && r.chance(0.5) ? '' : ' ';
    const street = `${type}${gap}${r.chance(0.6) ? article : ''}${spell(r, name, 'es')}`.replace(/\s+/g, ' ');
    const number = r.pick([`${p.house}`, `, ${p.house}`, ` nº ${p.house}`, `, n.º ${p.house}`, `, núm. ${p.house}`, ` Nº${p.house}`, `, ${p.house}`]);
    return `${street}${number.startsWith(',') ? '' : ' '}${number}`.replace(/\s+/g, ' ');
  },
  notes(r) {
    const floor = num(r, 1, 8);
    const door = r.pick(['A', 'B', 'C', 'D']);
    const side = r.pick([
      ['left', ['izda.', 'izquierda', 'izq.', 'Izda.']],
      ['right', ['dcha.', 'derecha', 'Dcha.', 'dcha']],
    ] as const);
    const ord = (q: Rng) => `${floor}${q.pick(['º', 'ª', '°'])}`;
    const floors: Note[] = [
      {
        meaning: `floor ${floor} door ${door}`,
        afterOnly: true,
        write: (q) =>
          q.pick([
            `${ord(q)} ${door}`,
            `${ord(q)}${door}`,
            `piso ${floor}, puerta ${door}`,
            `${floor}ª planta, pta. ${door}`,
            `planta ${floor} puerta ${door}`,
            `${ord(q)} piso ${door}`,
          ]),
      },
      { meaning: `floor ${floor} side ${side[0]}`, afterOnly: true, write: (q) => `${ord(q)} ${q.pick(side[1])}` },
      { meaning: `floor ${floor}`, afterOnly: true, write: (q) => q.pick([ord(q), `piso ${floor}`, `${floor}ª planta`, `planta ${floor}`, `${ord(q)} piso`]) },
      { meaning: 'floor 0', afterOnly: true, write: (q) => q.pick(['bajo', 'Bajo', 'planta baja', 'Planta Baja']) },
    ];
    const others: Note[] = [{ meaning: `hall ${door}`, write: (q) => q.pick([`Nave ${door}`, `nave ${door}`, `NAVE ${door}`]) }];
    return pickNotes(r, floors, others);
  },
  careOf: [(n) => `c/o ${n}`, (n) => `a/c ${n}`, (n) => `A la atención de ${n}`, (n) => `a la atencion de ${n}`],
  names: ['Sr. García', 'Juan Pérez', 'Transportes López S.L.'],
  notesBefore: false,
};

// Italian --------------------------------------------------------------------------------------------

const IT_TYPES: readonly (readonly string[])[] = [
  ['Via', 'V.', 'via', 'VIA'],
  ['Viale', 'V.le', 'v.le', 'Vle'],
  ['Piazza', 'P.za', 'P.zza', 'Pza', 'p.zza'],
  ['Corso', 'C.so', 'c.so'],
  ['Largo', 'L.go'],
  ['Vicolo', 'V.lo'],
];
const IT_NAMES: readonly ((r: Rng) => string)[] = [
  () => 'Roma',
  () => 'Garibaldi',
  () => 'Giuseppe Verdi',
  () => 'Dante Alighieri',
  (r) => r.pick(['San Giovanni', 'S. Giovanni']),
  (r) => r.pick(['Santa Maria', 'S. Maria', 'S.ta Maria']),
  () => 'della Repubblica',
  (r) => r.pick(['Niccolò Tommaseo', "Niccolo' Tommaseo", 'Niccolo Tommaseo']),
  () => 'dei Mille',
  () => 'Cavour',
];

const italian: LanguageModel = {
  lang: 'it',
  cities: inCountry('IT', [['Milano', 'Milan', 'Mailand'], ['Roma', 'Rome'], ['Firenze', 'Florence'], ['Napoli', 'Naples'], ['Torino', 'Turin'], ['Bologna']]),
  streets: IT_NAMES.map((_, i) => String(i)),
  types: IT_TYPES.length,
  streetLine(r, p) {
    const street = `${r.pick(IT_TYPES[p.type]!)} ${spell(r, IT_NAMES[p.street]!(r), 'it')}`;
    const suffix = p.suffix === '' ? '' : r.pick([p.suffix, p.suffix.toUpperCase(), `/${p.suffix.toUpperCase()}`]);
    return `${street}${r.pick([' ', ', ', ' n. ', ', n. ', ' n° ', ' N. '])}${p.house}${suffix}`;
  },
  notes(r) {
    const floor = num(r, 1, 9);
    const n = num(r, 1, 30);
    const s = r.pick(['A', 'B', 'C']);
    const floors: Note[] = [
      {
        meaning: `floor ${floor}`,
        write: (q) => q.pick([`${floor}° piano`, `piano ${floor}`, `p. ${floor}`, `${floor}º piano`, `P. ${floor}`, `${floor}o piano`]),
      },
      { meaning: 'floor 0', write: (q) => q.pick(['piano terra', 'PT', 'p.t.', 'Piano Terra']) },
    ];
    const others: Note[] = [
      { meaning: `entrance ${s}`, write: (q) => q.pick([`scala ${s}`, `Scala ${s}`, `sc. ${s}`]) },
      { meaning: `flat ${n}`, write: (q) => q.pick([`int. ${n}`, `interno ${n}`, `Int. ${n}`]) },
      { meaning: `hall ${n}`, write: (q) => q.pick([`Capannone ${n}`, `capannone ${n}`]) },
    ];
    return pickNotes(r, floors, others);
  },
  careOf: [(n) => `c/o ${n}`, (n) => `presso ${n}`, (n) => `Presso ${n}`, (n) => `c.a. ${n}`, (n) => `C/O ${n}`],
  names: ['Sig. Rossi', 'Mario Bianchi', 'Ditta Ferrari', 'Logistica Conti S.r.l.'],
  notesBefore: false,
  suffixes: ['a', 'b'],
};

// Dutch ----------------------------------------------------------------------------------------------

const NL_TYPES: readonly (readonly string[])[] = [['straat', 'str.', 'str'], ['laan', 'ln.'], ['plein'], ['gracht', 'gr.'], ['kade'], ['weg']];

const dutch: LanguageModel = {
  lang: 'nl',
  cities: inCountry('NL', [
    ['Den Haag', "'s-Gravenhage", 'The Hague', 's-Gravenhage'],
    ['Amsterdam'],
    ['Rotterdam'],
    ['Utrecht'],
    ["'s-Hertogenbosch", 'Den Bosch'],
  ]),
  streets: ['Kerk', 'Molen', 'Dorps', 'Stations', 'School', 'Haven', 'Prinsen', 'Heeren', 'Keizers', 'Linden', 'Koe', 'Brouwers'],
  types: NL_TYPES.length,
  streetLine(r, p) {
    const stem = this.streets[p.street]!;
    const type = r.pick(NL_TYPES[p.type]!);
    const street = r.chance(0.15) ? `${stem} ${type[0]!.toUpperCase()}${type.slice(1)}` : `${stem}${type}`;
    const suffix = p.suffix === '' ? '' : r.pick([p.suffix, p.suffix.toUpperCase(), ` ${p.suffix.toUpperCase()}`, `-${p.suffix.toUpperCase()}`]);
    return `${street} ${r.chance(0.1) ? 'nr. ' : ''}${p.house}${suffix}`;
  },
  notes(r) {
    const floor = num(r, 1, 4);
    const roman = ['I', 'II', 'III', 'IV'][floor - 1]!;
    const n = num(r, 1, 12);
    const floors: Note[] = [
      {
        meaning: `floor ${floor}`,
        afterOnly: true,
        write: (q) =>
          q.pick([
            `-${roman}`,
            ` ${roman}`,
            `, ${floor}e verdieping`,
            `, ${floor}de verdieping`,
            `, verdieping ${floor}`,
            `, ${floor}e etage`,
            `, ${floor} hoog`,
          ]),
      },
      { meaning: 'floor 0', afterOnly: true, write: (q) => q.pick(['-hs', ' hs', ', bg', ', begane grond']) },
    ];
    const others: Note[] = [
      { meaning: `hall ${n}`, write: (q) => q.pick([`Hal ${n}`, `hal ${n}`]) },
      { meaning: `flat ${n}`, write: (q) => q.pick([`app. ${n}`, `appartement ${n}`]) },
    ];
    return pickNotes(r, floors, others);
  },
  careOf: [(n) => `t.a.v. ${n}`, (n) => `T.a.v. ${n}`, (n) => `p/a ${n}`, (n) => `c/o ${n}`],
  names: ['J. de Vries', 'Bakker B.V.', 'Familie Jansen'],
  notesBefore: false,
  suffixes: ['a', 'b'],
};

// Polish ---------------------------------------------------------------------------------------------

const PL_TYPES: readonly (readonly string[])[] = [
  ['ul.', 'ulica', 'UL.', 'ul', ''],
  ['al.', 'aleja', 'Al.', 'Aleja'],
  ['pl.', 'plac', 'Pl.'],
  ['os.', 'osiedle', 'Os.'],
];
const PL_NAMES: readonly ((r: Rng) => string)[] = [
  () => 'Marszałkowska',
  () => 'Długa',
  () => 'Piłsudskiego',
  () => 'Mickiewicza',
  () => 'Jana Pawła II',
  () => 'Świętokrzyska',
  () => 'Grunwaldzka',
  () => 'Żeromskiego',
  (r) => `${r.pick(['św.', 'Św.', 'Świętego'])} Marcina`,
];

const polish: LanguageModel = {
  lang: 'pl',
  cities: inCountry('PL', [
    ['Warszawa', 'Warsaw', 'WARSZAWA'],
    ['Kraków', 'Krakow', 'Cracow'],
    ['Gdańsk', 'Gdansk'],
    ['Łódź', 'Lodz'],
    ['Wrocław', 'Wroclaw'],
    ['Poznań', 'Poznan'],
  ]),
  streets: PL_NAMES.map((_, i) => String(i)),
  types: PL_TYPES.length,
  streetLine(r, p) {
    const type = r.pick(PL_TYPES[p.type]!);
    const name = spell(r, PL_NAMES[p.street]!(r), 'pl');
    return `${type} ${name} ${r.chance(0.1) ? 'nr ' : ''}${p.house}`.trim();
  },
  notes(r) {
    const floor = num(r, 1, 4);
    const roman = ['I', 'II', 'III', 'IV'][floor - 1]!;
    const n = num(r, 1, 60);
    const floors: Note[] = [
      {
        meaning: `floor ${floor}`,
        write: (q) => q.pick([`${roman} p.`, `p. ${roman}`, `${floor} piętro`, `piętro ${floor}`, `${roman} piętro`, `${floor}. piętro`]),
      },
      { meaning: 'floor 0', write: (q) => q.pick(['parter', 'Parter']) },
    ];
    const others: Note[] = [
      { meaning: `flat ${n}`, afterOnly: true, write: (q) => q.pick([`m. ${n}`, `m ${n}`, `lok. ${n}`, `lokal ${n}`, `/${n}`, `, lok. ${n}`, `, m. ${n}`]) },
      { meaning: `hall ${n}`, write: (q) => q.pick([`hala ${n}`, `Hala ${n}`]) },
    ];
    return pickNotes(r, floors, others);
  },
  careOf: [(n) => `c/o ${n}`, (n) => `C/O ${n}`],
  names: ['Jan Kowalski', 'Firma Nowak Sp. z o.o.', 'Anna Wiśniewska'],
  notesBefore: false,
};

// Chinese (pinyin) -----------------------------------------------------------------------------------

const ZH_TYPES: readonly { pinyin: readonly string[]; english: readonly string[]; han: string }[] = [
  { pinyin: ['Lu', 'lu', 'Lù'], english: ['Road', 'Rd', 'Rd.', 'ROAD'], han: '路' },
  { pinyin: ['Jie', 'jie', 'Jiē'], english: ['Street', 'St', 'St.'], han: '街' },
  { pinyin: ['Dadao', 'Dàdào'], english: ['Avenue', 'Ave', 'Ave.'], han: '大道' },
  { pinyin: ['Xiang'], english: ['Lane', 'Ln'], han: '巷' },
];
const ZH_NAMES: readonly (readonly [string, string])[] = [
  ['Xinhua', 'Xīnhuá'],
  ['Renmin', 'Rénmín'],
  ['Jiefang', 'Jiěfàng'],
  ['Zhongshan', 'Zhōngshān'],
  ['Huaqiang', 'Huáqiáng'],
  ['Binhai', 'Bīnhǎi'],
  ['Shennan', 'Shēnnán'],
];

const chinese: LanguageModel = {
  lang: 'zh',
  cities: inCountry('CN', [
    ['Shenzhen', '深圳', 'SHENZHEN'],
    ['Guangzhou', 'Canton', '广州'],
    ['Beijing', 'Peking', '北京'],
    ['Shanghai', '上海'],
    ['Yiwu', '义乌'],
  ]),
  streets: ZH_NAMES.map((n) => n[0]),
  types: ZH_TYPES.length,
  streetLine(r, p) {
    const [plain, toned] = ZH_NAMES[p.street]!;
    const name = r.chance(0.2) ? toned : plain;
    const t = ZH_TYPES[p.type]!;
    const style = r.int(6);
    if (style === 0) return `No. ${p.house} ${name} ${r.pick(t.english)}`;
    if (style === 1) return `No.${p.house} ${name} ${r.pick(t.english)}`;
    if (style === 2) return `${p.house} ${name} ${r.pick(t.english)}`;
    if (style === 3) return `${name} ${r.pick(t.pinyin)} ${p.house} ${r.pick(['Hao', 'hao', '号', 'Hào'])}`;
    if (style === 4) return `${name} ${r.pick([...t.pinyin, ...t.english])} No. ${p.house}`;
    return `${name}${t.han}${p.house}号`;
  },
  notes(r) {
    const floor = num(r, 2, 30);
    const room = floor * 100 + num(r, 1, 20);
    const building = num(r, 1, 12);
    const floors: Note[] = [
      {
        meaning: `floor ${floor}`,
        write: (q) =>
          q.pick([
            `${floor}/F`,
            `${floor}F`,
            `Floor ${floor}`,
            `${floor} Lou`,
            `${floor}楼`,
            `${floor} Ceng`,
            `${floor}层`,
            `Fl. ${floor}`,
            `${ordinalEn(floor)} Floor`,
          ]),
      },
    ];
    const others: Note[] = [
      { meaning: `room ${room}`, write: (q) => q.pick([`Room ${room}`, `Rm ${room}`, `Rm. ${room}`, `${room} Shi`, `${room}室`, `#${room}`, `Unit ${room}`]) },
      {
        meaning: `building ${building}`,
        write: (q) =>
          q.pick([
            `Building ${building}`,
            `Bldg ${building}`,
            `Bldg. ${building}`,
            `${building} Hao Lou`,
            `${building}号楼`,
            `${building} Dong`,
            `${building}栋`,
          ]),
      },
    ];
    return pickNotes(r, floors, others);
  },
  careOf: [(n) => `c/o ${n}`, (n) => `Attn: ${n}`, (n) => `ATTN ${n}`],
  names: ['Mr. Wang', 'Li Wei', 'Shenzhen Trading Co. Ltd', 'Zhang San'],
  notesBefore: true,
};

// English --------------------------------------------------------------------------------------------

const EN_TYPES: readonly (readonly string[])[] = [
  ['Street', 'St', 'St.', 'STREET'],
  ['Road', 'Rd', 'Rd.'],
  ['Avenue', 'Ave', 'Ave.', 'Av.'],
  ['Lane', 'Ln', 'Ln.'],
  ['Drive', 'Dr', 'Dr.'],
  ['Place', 'Pl', 'Pl.'],
  ['Square', 'Sq', 'Sq.'],
  ['Court', 'Ct', 'Ct.'],
  ['Boulevard', 'Blvd', 'Blvd.'],
];
const EN_NAMES: readonly ((r: Rng) => string)[] = [
  () => 'Baker',
  () => 'High',
  () => 'Station',
  () => 'Church',
  () => 'Victoria',
  () => 'Queen',
  () => 'Market',
  (r) => r.pick(["St Mary's", "St. Mary's", "Saint Mary's", 'St Marys', 'Saint Marys']),
  (r) => r.pick(['N Main', 'North Main', 'N. Main']),
  () => 'Oak',
];

const english: LanguageModel = {
  lang: 'en',
  cities: [...inCountry('GB', [['London'], ['Manchester']]), ...inCountry('US', [['New York', 'New York City', 'NYC'], ['Chicago'], ['Los Angeles']])],
  streets: EN_NAMES.map((_, i) => String(i)),
  types: EN_TYPES.length,
  streetLine(r, p) {
    const house = `${p.house}${p.suffix === '' ? '' : r.pick([p.suffix, p.suffix.toUpperCase()])}`;
    return `${r.chance(0.1) ? 'No. ' : ''}${house}${r.chance(0.2) ? ',' : ''} ${EN_NAMES[p.street]!(r)} ${r.pick(EN_TYPES[p.type]!)}`;
  },
  notes(r) {
    const floor = num(r, 1, 20);
    const n = num(r, 1, 50);
    const floors: Note[] = [
      {
        meaning: `floor ${floor}`,
        write: (q) => q.pick([`Floor ${floor}`, `${ordinalEn(floor)} Floor`, `${ordinalEn(floor)} Fl`, `Fl ${floor}`, `Level ${floor}`, `FLOOR ${floor}`]),
      },
      { meaning: 'floor 0', write: (q) => q.pick(['Ground Floor', 'GF', 'Ground floor']) },
    ];
    const others: Note[] = [
      {
        meaning: `flat ${n}`,
        write: (q) => q.pick([`Flat ${n}`, `Apt ${n}`, `Apt. ${n}`, `Apartment ${n}`, `Unit ${n}`, `Suite ${n}`, `Ste ${n}`, `Room ${n}`, `Rm ${n}`, `#${n}`]),
      },
      { meaning: `building ${n}`, write: (q) => q.pick([`Building ${n}`, `Bldg ${n}`, `Bldg. ${n}`]) },
      { meaning: `dock ${n}`, write: (q) => q.pick([`Dock ${n}`, `Loading Dock ${n}`]) },
      { meaning: `gate ${n}`, write: () => `Gate ${n}` },
    ];
    return pickNotes(r, floors, others);
  },
  careOf: [(n) => `c/o ${n}`, (n) => `C/O ${n}`, (n) => `Attn: ${n}`, (n) => `ATTN ${n}`, (n) => `Care of ${n}`, (n) => `FAO ${n}`, (n) => `FAO: ${n}`],
  names: ['John Smith', 'Acme Logistics Ltd', 'Mrs Jane Doe'],
  notesBefore: true,
  suffixes: ['a', 'b'],
};

/** No note, a floor, another note, or a floor and another note. */
function pickNotes(r: Rng, floors: Note[], others: Note[]): Note[] {
  const x = r.next();
  if (x < 0.35) return [];
  if (x < 0.6) return [r.pick(floors)];
  if (x < 0.8) return [r.pick(others)];
  return [r.pick(floors), r.pick(others)];
}

// --- rendering one variant ----------------------------------------------------------------------------

function newPlace(r: Rng, m: LanguageModel): Place {
  return {
    lang: m.lang,
    city: r.int(m.cities.length),
    street: r.int(m.streets.length),
    type: r.int(m.types),
    house: num(r, 1, 250),
    suffix: m.suffixes !== undefined && r.chance(0.15) ? r.pick(m.suffixes) : '',
    notes: m.notes(r),
    careOf: r.chance(0.4) ? r.pick(m.names) : null,
  };
}

interface Variant {
  readonly input: AddressInput;
  readonly withNotes: boolean;
  readonly withCareOf: boolean;
}

function render(r: Rng, m: LanguageModel, p: Place): Variant {
  const street = m.streetLine(r, p);
  const withNotes = p.notes.length > 0 && r.chance(0.85);
  const withCareOf = p.careOf !== null && r.chance(0.7);
  const notes = withNotes ? p.notes.map((n) => ({ n, text: n.write(r) })) : [];
  // Notes glued to the house number ("-II", "/5", ", lok. 5") follow it directly; the rest go
  // after the street, on the second line or, where people write them so, before the street.
  let line1 = street;
  const line2: string[] = [];
  const ahead: string[] = [];
  for (const { text } of notes) if (/^[-/, ]/.test(text)) line1 += text;
  for (const { n, text } of notes) {
    if (/^[-/, ]/.test(text)) continue;
    const where = r.int(n.afterOnly === true || !m.notesBefore ? 3 : 4);
    if (where === 0) line1 += `, ${text}`;
    else if (where === 1) line1 += ` ${text}`;
    else if (where === 2) line2.push(text);
    else ahead.push(text);
  }
  if (ahead.length > 0) line1 = `${ahead.join(', ')}, ${line1}`;
  let secondLine = line2.length > 0 ? line2.join(', ') : null;
  if (withCareOf) {
    const co = r.pick(m.careOf)(p.careOf!);
    const where = r.int(4);
    if (where === 0) {
      secondLine = secondLine === null ? line1 : `${line1}, ${secondLine}`;
      line1 = co;
    } else if (where === 1) secondLine = secondLine === null ? co : `${secondLine}, ${co}`;
    else if (where === 2) line1 = `${co}, ${line1}`;
    else line1 = `${line1}, ${co}`;
  }
  const city = m.cities[p.city]!;
  return {
    input: {
      line1: spaces(r, casing(r, line1)),
      line2: secondLine === null ? (r.chance(0.2) ? '' : null) : spaces(r, casing(r, secondLine)),
      city: casing(r, spell(r, r.pick(city.names), p.lang)),
      region: r.chance(0.3) ? 'Region' : null,
      postcode: r.chance(0.5) ? String(10000 + r.int(89999)) : null,
      country: r.chance(0.1) ? city.country.toLowerCase() : city.country,
    },
    withNotes,
    withCareOf,
  };
}

const identity = (p: Place) => `${p.lang}|${p.city}|${p.street}|${p.type}|${p.house}${p.suffix}`;

const MODELS = [german, french, spanish, italian, dutch, polish, chinese, english];

describe('address keys, property tests (10,000 generated variants per language)', () => {
  for (const [index, m] of MODELS.entries()) {
    it(`${m.lang}: every way of writing one address gives one building key and one unit; other addresses other keys`, () => {
      const r = rng(1000 + index);
      const failures: string[] = [];
      const owners = new Map<string, string>();
      let variants = 0;
      for (let a = 0; a < ADDRESSES; a++) {
        const p = newPlace(r, m);
        const keys = new Map<string, AddressInput>();
        const units = new Map<string, AddressInput>();
        for (let v = 0; v < VARIANTS; v++) {
          const variant = render(r, m, p);
          const n = normaliseAddress(variant.input);
          variants++;
          keys.set(n.key, variant.input);
          if (variant.withNotes) units.set(String(n.unit), variant.input);
          else if (n.unit !== null) failures.push(`unit ${n.unit} without a note: ${JSON.stringify(variant.input)}`);
          // The name comes back as written, in whatever case the variant wrote it.
          const careOf = variant.withCareOf ? p.careOf!.toLowerCase() : null;
          if ((n.careOf?.toLowerCase() ?? null) !== careOf)
            failures.push(`careOf ${JSON.stringify(n.careOf)}, expected ${JSON.stringify(careOf)}: ${JSON.stringify(variant.input)}`);
        }
        if (keys.size > 1) failures.push(`${keys.size} keys for one address:\n  ${[...keys].map(([k, i]) => `${k}  ←  ${JSON.stringify(i)}`).join('\n  ')}`);
        if (p.notes.length > 0 && (units.size > 1 || units.has('null')))
          failures.push(
            `units ${[...units.keys()].join(' / ')} for ${p.notes.map((n) => n.meaning).join(', ')}:\n  ${[...units].map(([u, i]) => `${u}  ←  ${JSON.stringify(i)}`).join('\n  ')}`,
          );
        // Different addresses must not share a key.
        for (const key of keys.keys()) {
          const owner = owners.get(key);
          if (owner !== undefined && owner !== identity(p)) failures.push(`one key ${key} for ${owner} and ${identity(p)}`);
          owners.set(key, identity(p));
        }
      }
      expect(variants).toBe(ADDRESSES * VARIANTS);
      expect(failures.slice(0, 8).join('\n')).toBe('');
    });

    it(`${m.lang}: another house number, street, city or unit gives another key or unit`, () => {
      const r = rng(2000 + index);
      const failures: string[] = [];
      for (let a = 0; a < 300; a++) {
        const p = newPlace(r, m);
        const base = normaliseAddress(render(r, m, { ...p, careOf: null }).input);
        const others: [string, Place][] = [
          ['house', { ...p, house: p.house + 1 + r.int(20) }],
          ['street', { ...p, street: (p.street + 1 + r.int(m.streets.length - 1)) % m.streets.length }],
          ['type', { ...p, type: (p.type + 1 + r.int(m.types - 1)) % m.types }],
          ['city', { ...p, city: (p.city + 1 + r.int(m.cities.length - 1)) % m.cities.length }],
        ];
        for (const [what, other] of others) {
          const n = normaliseAddress(render(r, m, { ...other, careOf: null }).input);
          if (n.key === base.key) failures.push(`another ${what}, same key ${n.key} (${JSON.stringify(n.text)}, ${JSON.stringify(base.text)})`);
        }
        // Another unit in the same building: same key, another unit.
        const notes = m.notes(r);
        if (notes.length > 0 && notes.map((n) => n.meaning).join() !== p.notes.map((n) => n.meaning).join()) {
          const withNotes = (q: Place) => {
            for (;;) {
              const v = render(r, m, { ...q, careOf: null });
              if (v.withNotes) return normaliseAddress(v.input);
            }
          };
          const mine = p.notes.length > 0 ? withNotes(p).unit : null;
          const theirs = withNotes({ ...p, notes });
          if (theirs.key !== base.key) failures.push(`a unit note moved the building: ${theirs.key} vs ${base.key} (${JSON.stringify(theirs.text)})`);
          if (theirs.unit === mine) failures.push(`units ${notes.map((n) => n.meaning).join()} and ${p.notes.map((n) => n.meaning).join()} both ${mine}`);
        }
      }
      expect(failures.slice(0, 8).join('\n')).toBe('');
    });
  }
});
