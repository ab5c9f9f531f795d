/**
 * The words addresses are written with, per language: street types and their abbreviations, common
 * words of street names, house-number markers, unit/floor/hall markers, care-of markers and the
 * exonyms of major cities. The one table address normalisation reads (compiled per country in
 * address-profile.ts); the tests' own generator deliberately does not read it.
 *
 * Source of the facts: libpostal's expansion dictionaries, https://github.com/openvenues/libpostal,
 * resources/dictionaries/<lang>/{street_types, concatenated_suffixes_separable, unit_types_numbered,
 * unit_types_standalone, level_types_*, building_types, number, house_numbers, entrances, staircases,
 * stopwords}.txt at commit 4c030d8f (v1.1.3). A subset was copied and regrouped: forms as written
 * (diacritics and dots kept; they are folded when the table is compiled), each grouped under the thing
 * it names. Single-letter and rare abbreviations that collide with other words were left out (libpostal
 * scores its expansions; a key cannot). Entries not in libpostal (hall, gate and dock markers,
 * care-of markers, Spanish door sides, Dutch "hoog", the exonyms) come from ordinary usage.
 *
 * libpostal is MIT-licensed; its notice, for the parts copied here:
 *
 *   The MIT License (MIT)
 *   Copyright (c) 2015 openvenues
 *   Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
 *   associated documentation files (the "Software"), to deal in the Software without restriction,
 *   including without limitation the rights to use, copy, modify, merge, publish, distribute,
 *   sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
 *   furnished to do so, subject to the following conditions:
 *   The above copyright notice and this permission notice shall be included in all copies or
 *   substantial portions of the Software.
 *   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
 *   NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 *   NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
 *   OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
 *   CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 */

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What a unit note names; the normalised unit lists its parts in this order. */
export const UNIT_TYPES = ['building', 'entrance', 'hall', 'gate', 'dock', 'floor', 'unit'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
/** A numbered basement ("2. UG", "sótano 2") is floor −n. */
export type MarkerType = UnitType | 'basement';

export interface LanguageTable {
  /**
   * Street types, canonical name → written forms. The canonical name is shared across languages where
   * the thing is the same (Straße, straat, rue, calle, via, ulica, jie → street), so an address written
   * in the local language and in English gives one key.
   */
  readonly streetTypes: Readonly<Record<string, readonly string[]>>;
  /** Street types that close a one-word compound (Hauptstraße, Kalverstraat), by canonical name. */
  readonly compoundSuffixes?: Readonly<Record<string, readonly string[]>>;
  /** Other words of street names written several ways (saints, titles, directions). */
  readonly words?: Readonly<Record<string, readonly string[]>>;
  /** Articles and prepositions people write or leave out ("Calle de Alcalá" / "C/ Alcalá"). */
  readonly stopWords?: readonly string[];
  /** House-number markers: before the number ("Nr. 5") and after it ("5 号"). */
  readonly houseNumber: { readonly before: readonly string[]; readonly after?: readonly string[] };
  /** Unit markers before their value ("Halle 4") and after it ("3. OG", "301 室"); some go both ways. */
  readonly unitsBefore: Readonly<Partial<Record<MarkerType, readonly string[]>>>;
  readonly unitsAfter?: Readonly<Partial<Record<MarkerType, readonly string[]>>>;
  /**
   * Markers that are also ordinary words of street names ("Am Tor 5", "Via del Piano 5", "Puerta del
   * Sol"): taken as a marker only when a number is left for the house.
   */
  readonly weak?: readonly string[];
  /** Markers and floor words that abbreviate a street type too ("pl." plaza / planta): only after the house number. */
  readonly late?: readonly string[];
  /** Floors named without a number, value → forms ("EG" → 0). */
  readonly levels?: Readonly<Record<string, readonly string[]>>;
  /** Door sides after a floor ("2º izda."), value → forms. */
  readonly doors?: Readonly<Record<string, readonly string[]>>;
  /** A Roman numeral after the house number is the floor ("Kerkstraat 12-II"). */
  readonly romanFloorAfterNumber?: boolean;
  /** The street type people leave out because it is the usual one ("ul. Marszałkowska" / "Marszałkowska"). */
  readonly impliedStreetType?: string;
}

export const LANGUAGE_TABLES: Readonly<Record<Language, LanguageTable>> = {
  en: {
    streetTypes: {
      street: ['street', 'st', 'str', 'strt', 'stre'],
      road: ['road', 'rd'],
      avenue: ['avenue', 'ave', 'av', 'aven', 'avn'],
      boulevard: ['boulevard', 'blvd', 'boul', 'bvd', 'bd'],
      lane: ['lane', 'ln'],
      drive: ['drive', 'dr', 'drv'],
      court: ['court', 'ct', 'crt'],
      place: ['place', 'pl'],
      square: ['square', 'sq'],
      highway: ['highway', 'hwy', 'hway'],
      terrace: ['terrace', 'tce', 'terr', 'ter'],
      crescent: ['crescent', 'cres'],
      close: ['close', 'cl'],
      parade: ['parade', 'pde'],
      way: ['way', 'wy'],
      grove: ['grove', 'grv'],
      gardens: ['gardens', 'gdns'],
      park: ['park', 'pk'],
      parkway: ['parkway', 'pkwy', 'pky'],
      circle: ['circle', 'cir'],
      trail: ['trail', 'trl'],
      plaza: ['plaza', 'plz'],
      alley: ['alley', 'aly'],
      expressway: ['expressway', 'expy'],
      freeway: ['freeway', 'fwy'],
      quay: ['quay', 'qy'],
      wharf: ['wharf', 'whf'],
      esplanade: ['esplanade', 'esp'],
      centre: ['centre', 'center', 'ctr'],
      estate: ['estate', 'est'],
      walk: ['walk', 'wlk'],
      mews: ['mews'],
      row: ['row'],
      green: ['green', 'grn'],
    },
    words: {
      saint: ['saint', 'st'],
      mount: ['mount', 'mt'],
      fort: ['fort', 'ft'],
      doctor: ['doctor', 'dr'],
      north: ['north', 'n'],
      south: ['south', 's'],
      east: ['east', 'e'],
      west: ['west', 'w'],
      northeast: ['northeast', 'ne'],
      northwest: ['northwest', 'nw'],
      southeast: ['southeast', 'se'],
      southwest: ['southwest', 'sw'],
    },
    stopWords: ['the', 'of'],
    houseNumber: { before: ['number', 'no', 'nr', 'num', 'nbr', '№'] },
    unitsBefore: {
      unit: ['room', 'rm', 'unit', 'flat', 'flt', 'suite', 'ste', 'apartment', 'apt', 'office', 'ofc', 'shop'],
      floor: ['floor', 'fl', 'flr', 'level', 'lvl', 'lev', 'storey'],
      basement: ['basement'],
      building: ['building', 'bldg', 'bld', 'blg', 'block', 'blk', 'tower', 'twr'],
      entrance: ['entrance', 'entr', 'staircase'],
      hall: ['hall', 'hangar', 'warehouse'],
      gate: ['gate'],
      dock: ['dock', 'bay', 'ramp', 'berth', 'loading dock'],
    },
    unitsAfter: { floor: ['floor', 'fl', 'flr', 'level', 'storey'] },
    weak: ['shop', 'office', 'ofc', 'block', 'tower', 'twr', 'hall', 'hangar', 'warehouse', 'gate', 'bay', 'ramp', 'berth', 'dock', 'ste', 'level'],
    late: ['ground', 'lg'],
    levels: {
      '0': ['ground floor', 'ground', 'gf', 'grd fl', 'ground level'],
      '-1': ['basement', 'bsmt', 'lower ground', 'lower ground floor', 'lg'],
      mezzanine: ['mezzanine', 'mezz'],
    },
  },

  de: {
    streetTypes: {
      street: ['straße', 'strasse', 'str'],
      way: ['weg'],
      allee: ['allee'],
      square: ['platz'],
      alley: ['gasse'],
      ring: ['ring'],
      damm: ['damm'],
      ufer: ['ufer'],
      chaussee: ['chaussee'],
      brucke: ['brücke'],
      graben: ['graben'],
      markt: ['markt'],
      hof: ['hof'],
      pfad: ['pfad'],
      steig: ['steig'],
      steg: ['steg'],
      stiege: ['stiege'],
      wiese: ['wiese'],
      kamp: ['kamp'],
      siedlung: ['siedlung', 'sdlg'],
      promenade: ['promenade'],
      boulevard: ['boulevard'],
      autobahn: ['autobahn'],
    },
    compoundSuffixes: {
      street: ['straße', 'strasse', 'str'],
      way: ['weg'],
      allee: ['allee'],
      square: ['platz'],
      alley: ['gasse'],
      ring: ['ring'],
      damm: ['damm'],
      ufer: ['ufer'],
      chaussee: ['chaussee'],
      brucke: ['brücke'],
      graben: ['graben'],
      markt: ['markt'],
      hof: ['hof'],
      pfad: ['pfad'],
      steig: ['steig'],
      wiese: ['wiese'],
      kamp: ['kamp'],
      siedlung: ['siedlung'],
      promenade: ['promenade'],
    },
    words: {
      saint: ['sankt', 'st'],
      doctor: ['doktor', 'dr'],
      professor: ['professor', 'prof'],
      burgermeister: ['bürgermeister', 'bgm'],
    },
    stopWords: ['am', 'an', 'auf', 'bei', 'beim', 'der', 'die', 'das', 'dem', 'den', 'des', 'im', 'in', 'zum', 'zur', 'vom', 'von'],
    houseNumber: { before: ['nr', 'nummer', 'no', 'hausnummer', 'hnr'] },
    unitsBefore: {
      floor: ['etage', 'stock', 'stockwerk', 'og', 'obergeschoss', 'geschoss', 'ebene'],
      basement: ['ug', 'untergeschoss'],
      unit: ['wohnung', 'whg', 'zimmer', 'zi', 'appartement', 'app', 'apt', 'büro', 'einheit', 'top', 'tür', 'lokal'],
      building: ['gebäude', 'geb', 'haus', 'block', 'bauteil'],
      entrance: ['eingang', 'aufgang', 'stiege', 'treppe'],
      hall: ['halle', 'lagerhalle', 'hallen'],
      gate: ['tor', 'einfahrt'],
      dock: ['rampe', 'laderampe', 'dock', 'ladetor'],
    },
    unitsAfter: {
      floor: ['etage', 'stock', 'stockwerk', 'og', 'obergeschoss', 'geschoss', 'ebene'],
      basement: ['ug', 'untergeschoss'],
    },
    weak: ['haus', 'block', 'top', 'tür', 'stiege', 'treppe', 'halle', 'hallen', 'tor', 'einfahrt', 'rampe', 'dock', 'ebene', 'lokal'],
    levels: {
      '0': ['eg', 'erdgeschoss', 'parterre', 'hochparterre'],
      '-1': ['ug', 'untergeschoss', 'kellergeschoss', 'keller', 'souterrain'],
      attic: ['dg', 'dachgeschoss'],
    },
    doors: { left: ['links', 'li'], right: ['rechts', 're'], centre: ['mitte'] },
  },

  fr: {
    streetTypes: {
      street: ['rue', 'r'],
      avenue: ['avenue', 'av', 'ave', 'aven'],
      boulevard: ['boulevard', 'bd', 'boul', 'bld', 'bvd', 'blvd', 'bvd'],
      place: ['place', 'pl'],
      chemin: ['chemin', 'ch', 'che', 'chem'],
      impasse: ['impasse', 'imp'],
      allee: ['allée', 'all'],
      quay: ['quai', 'qu'],
      road: ['route', 'rte'],
      cours: ['cours', 'crs'],
      square: ['square', 'sq'],
      passage: ['passage', 'psg'],
      promenade: ['promenade', 'prom'],
      esplanade: ['esplanade', 'esp'],
      faubourg: ['faubourg', 'fbg'],
      residence: ['résidence', 'res'],
      ruelle: ['ruelle', 'rle'],
      sentier: ['sentier', 'sent'],
      hameau: ['hameau', 'ham'],
      rond_point: ['rond-point', 'rond point', 'rdpt'],
      zone: ['zone'],
      parc: ['parc'],
      chaussee: ['chaussée', 'chs'],
      voie: ['voie'],
      montee: ['montée', 'mte'],
    },
    words: {
      saint: ['saint', 'st', 'sainte', 'ste'],
      general: ['général', 'gen', 'gal'],
      marechal: ['maréchal', 'mal'],
      president: ['président', 'pdt'],
      docteur: ['docteur', 'dr'],
      professeur: ['professeur', 'prof'],
    },
    stopWords: ['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'au', 'aux'],
    houseNumber: { before: ['numéro', 'numero', 'num', 'no', 'n°', 'nº'] },
    unitsBefore: {
      floor: ['étage', 'ét', 'niveau', 'niv'],
      basement: ['sous-sol'],
      unit: ['appartement', 'appart', 'appt', 'app', 'apt', 'porte', 'bureau', 'local', 'logement', 'lgt', 'boîte', 'bte', 'chambre'],
      building: ['bâtiment', 'bât', 'bat', 'bt', 'immeuble', 'imm', 'tour'],
      entrance: ['escalier', 'esc', 'entrée', 'cage'],
      hall: ['hall', 'hangar', 'entrepôt'],
      gate: ['portail'],
      dock: ['dock', 'quai de chargement'],
    },
    unitsAfter: { floor: ['étage', 'ét', 'niveau'], basement: ['sous-sol'] },
    weak: ['porte', 'local', 'tour', 'hall', 'hangar', 'portail', 'dock', 'cage', 'niveau', 'niv', 'chambre'],
    levels: {
      '0': ['rdc', 'rez-de-chaussée', 'rez de chaussée', 'rez'],
      '-1': ['sous-sol'],
      mezzanine: ['entresol', 'mezzanine'],
    },
  },

  es: {
    streetTypes: {
      street: ['calle', 'c', 'cl', 'cll', 'c/'],
      avenue: ['avenida', 'avda', 'av', 'avd'],
      square: ['plaza', 'pza', 'pl', 'plz', 'plza', 'p.za'],
      paseo: ['paseo', 'pº', 'p.º', 'pso', 'po'],
      road: ['carretera', 'ctra', 'crta'],
      camino: ['camino', 'cno', 'cmno'],
      ronda: ['ronda', 'rda'],
      travesia: ['travesía', 'trva'],
      glorieta: ['glorieta', 'gta'],
      alley: ['callejón', 'cjon'],
      pasaje: ['pasaje', 'psje', 'pje'],
      rambla: ['rambla', 'rbla'],
      boulevard: ['bulevar', 'blvr'],
      urbanizacion: ['urbanización', 'urb'],
      poligono: ['polígono', 'pol', 'polig'],
      cuesta: ['cuesta', 'cta'],
      costanilla: ['costanilla', 'cstan'],
      carrera: ['carrera', 'cra', 'kra'],
      diagonal: ['diagonal', 'diag'],
      transversal: ['transversal', 'tv'],
    },
    words: {
      saint: ['san', 'santo', 'santa', 'sto', 'sta', 'sant'],
      doctor: ['doctor', 'dr'],
      general: ['general', 'gral'],
    },
    stopWords: ['de', 'del', 'la', 'las', 'el', 'los'],
    houseNumber: { before: ['número', 'núm', 'num', 'no', 'nº', 'n°', 'nro', 'n'] },
    unitsBefore: {
      floor: ['piso', 'planta', 'pl', 'p'],
      basement: ['sótano'],
      unit: ['puerta', 'pta', 'apartamento', 'apto', 'departamento', 'dpto', 'depto', 'oficina', 'of', 'ofic', 'local', 'loc', 'despacho'],
      building: ['edificio', 'edif', 'bloque', 'blq', 'torre'],
      entrance: ['escalera', 'esc', 'portal'],
      hall: ['nave'],
      dock: ['muelle', 'muelle de carga'],
    },
    unitsAfter: { floor: ['piso', 'planta', 'pl', 'p'] },
    weak: ['puerta', 'local', 'loc', 'of', 'torre', 'portal', 'nave', 'muelle', 'p', 'pl'],
    late: ['p', 'pl', 'bajo', 'bajos', 'bj', 'pb'],
    levels: {
      '0': ['bajo', 'bajos', 'planta baja', 'pb', 'bj'],
      '-1': ['sótano', 'semisótano'],
      mezzanine: ['entresuelo', 'entlo', 'entreplanta'],
      attic: ['ático', 'sobreático'],
    },
    doors: {
      left: ['izquierda', 'izda', 'izq', 'iz'],
      right: ['derecha', 'dcha', 'dch', 'der', 'dra'],
      centre: ['centro', 'ctro'],
    },
  },

  it: {
    streetTypes: {
      street: ['via', 'v'],
      avenue: ['viale', 'v.le', 'vle'],
      square: ['piazza', 'p.za', 'p.zza', 'pza', 'pzza', 'p.zza'],
      piazzale: ['piazzale', 'p.le', 'ple'],
      corso: ['corso', 'c.so', 'cso'],
      largo: ['largo', 'l.go', 'lgo'],
      alley: ['vicolo', 'v.lo', 'vlo'],
      vico: ['vico'],
      road: ['strada', 'str.da'],
      lungomare: ['lungomare', 'l.mare'],
      localita: ['località', 'loc', 'loc.tà'],
      frazione: ['frazione', 'fraz'],
      contrada: ['contrada', 'c.da', 'cda'],
      borgo: ['borgo', 'b.go', 'bgo'],
      galleria: ['galleria', 'gall'],
      salita: ['salita', 'sal'],
      traversa: ['traversa', 'trav'],
      circonvallazione: ['circonvallazione', 'circonv'],
      calle: ['calle'],
      rampa: ['rampa'],
    },
    words: {
      saint: ['san', 'santo', 'santa', 'sant', 's', 's.ta', 'sto', 'sta'],
      saints: ['santi', 'ss'],
    },
    stopWords: [
      'di',
      'del',
      'dei',
      'degli',
      'della',
      'delle',
      'dello',
      'd',
      'l',
      'la',
      'il',
      'lo',
      'le',
      'gli',
      'da',
      'dal',
      'dalla',
      'al',
      'alla',
      'ai',
      'agli',
      'alle',
    ],
    houseNumber: { before: ['numero', 'num', 'no', 'n', 'n°', 'nº', 'nr'] },
    unitsBefore: {
      floor: ['piano', 'p', 'p°'],
      unit: ['interno', 'int', 'appartamento', 'app', 'ufficio', 'uff'],
      building: ['edificio', 'edif', 'palazzina', 'pal', 'lotto'],
      entrance: ['scala', 'sc', 'ingresso'],
      hall: ['capannone', 'padiglione', 'pad'],
      gate: ['cancello', 'portone'],
      dock: ['baia di carico', 'banchina'],
    },
    unitsAfter: { floor: ['piano', 'p'] },
    weak: ['piano', 'p', 'p°', 'scala', 'sc', 'pal', 'lotto', 'cancello', 'portone', 'capannone', 'banchina', 'int'],
    late: ['p', 'pt', 'p°'],
    levels: {
      '0': ['piano terra', 'pianoterra', 'pt', 'p.t.', 'piano terreno'],
      '-1': ['seminterrato', 'interrato'],
      mezzanine: ['ammezzato', 'mezzanino'],
      attic: ['attico', 'sottotetto'],
    },
  },

  nl: {
    streetTypes: {
      street: ['straat', 'str'],
      lane: ['laan', 'ln'],
      square: ['plein', 'pln'],
      gracht: ['gracht', 'gr'],
      quay: ['kade', 'kd'],
      way: ['weg', 'wg'],
      singel: ['singel', 'sngl'],
      dijk: ['dijk', 'dk'],
      steeg: ['steeg'],
      dreef: ['dreef'],
      hof: ['hof'],
      markt: ['markt', 'mkt'],
      pad: ['pad'],
      steenweg: ['steenweg', 'stwg'],
      boulevard: ['boulevard'],
      park: ['park'],
    },
    compoundSuffixes: {
      street: ['straat', 'str'],
      lane: ['laan', 'ln'],
      square: ['plein', 'pln'],
      gracht: ['gracht', 'gr'],
      quay: ['kade', 'kd'],
      way: ['weg', 'wg'],
      singel: ['singel'],
      dijk: ['dijk'],
      steeg: ['steeg'],
      dreef: ['dreef'],
      markt: ['markt'],
      steenweg: ['steenweg', 'stwg'],
    },
    words: {
      saint: ['sint', 'st'],
      burgemeester: ['burgemeester', 'burg'],
      dokter: ['dokter', 'dr'],
      meester: ['meester', 'mr'],
      professor: ['professor', 'prof'],
    },
    stopWords: ['de', 'het', 'van', 'der', 'den', 't', 'aan', 'op', 'in', 'bij'],
    houseNumber: { before: ['nummer', 'nr', 'no', 'huisnummer'] },
    unitsBefore: {
      floor: ['verdieping', 'verd', 'etage', 'et'],
      unit: ['appartement', 'app', 'apt', 'kamer', 'unit', 'bus'],
      building: ['gebouw', 'geb', 'blok'],
      entrance: ['ingang', 'opgang'],
      hall: ['hal', 'loods'],
      gate: ['poort'],
      dock: ['dock', 'laadperron'],
    },
    unitsAfter: { floor: ['verdieping', 'verd', 'etage', 'et', 'hoog'] },
    weak: ['bus', 'blok', 'hal', 'loods', 'poort', 'dock', 'et'],
    late: ['bg', 'hs'],
    levels: {
      '0': ['begane grond', 'bg', 'parterre', 'gelijkvloers', 'hs'],
      '-1': ['souterrain', 'kelder'],
      attic: ['zolder'],
    },
    romanFloorAfterNumber: true,
  },

  pl: {
    streetTypes: {
      street: ['ulica', 'ul', 'ulicy'],
      avenue: ['aleja', 'al', 'aleje', 'alei'],
      square: ['plac', 'pl', 'placu'],
      osiedle: ['osiedle', 'os', 'osiedla'],
      rondo: ['rondo'],
      bulwar: ['bulwar', 'bulw'],
      skwer: ['skwer'],
      road: ['droga'],
      rynek: ['rynek'],
      park: ['park'],
      wybrzeze: ['wybrzeże', 'wyb'],
    },
    words: {
      saint: ['święty', 'świętego', 'świętej', 'świętych', 'św'],
      general: ['generała', 'gen'],
      ksiadz: ['księdza', 'ks'],
      marszalek: ['marszałka', 'marsz'],
      profesor: ['profesora', 'prof'],
      doktor: ['doktora', 'dr'],
    },
    impliedStreetType: 'street',
    houseNumber: { before: ['nr', 'numer', 'no'] },
    unitsBefore: {
      floor: ['piętro', 'p', 'ptr'],
      unit: ['mieszkanie', 'm', 'lokal', 'lok', 'pokój', 'pok', 'apartament'],
      building: ['budynek', 'bud', 'blok'],
      entrance: ['klatka', 'kl', 'wejście'],
      hall: ['hala'],
      gate: ['brama'],
      dock: ['rampa'],
    },
    unitsAfter: { floor: ['piętro', 'p', 'ptr'] },
    weak: ['m', 'p', 'blok', 'hala', 'brama', 'rampa', 'kl'],
    late: ['p'],
    levels: {
      '0': ['parter'],
      '-1': ['suterena', 'piwnica'],
      attic: ['poddasze'],
    },
  },

  zh: {
    streetTypes: {
      road: ['lu', '路'],
      street: ['jie', '街'],
      avenue: ['dadao', '大道'],
      lane: ['xiang', '巷'],
      hutong: ['hutong', '胡同'],
      dajie: ['dajie', '大街'],
      dao: ['dao', '道'],
      nong: ['nong', '弄'],
    },
    words: {
      east: ['dong', '东'],
      west: ['xi', '西'],
      south: ['nan', '南'],
      north: ['bei', '北'],
      middle: ['zhong', '中'],
    },
    houseNumber: { before: ['no'], after: ['hao', '号'] },
    unitsBefore: {},
    unitsAfter: {
      unit: ['shi', '室'],
      floor: ['ceng', 'lou', 'f', '层', '楼'],
      building: ['hao lou', '号楼', 'dong', '栋', 'zuo', '座'],
      entrance: ['danyuan', '单元'],
    },
  },
};

/**
 * Han characters of address words and their pinyin, so "新华路5号301室" and "Xinhua Lu 5 Hao 301 Shi"
 * share the parts a key is made of (names in characters stay characters: no full transliteration).
 * Longer words first: 号楼 before 号, 大道 before 道.
 */
export const HAN_READINGS: Readonly<Record<string, string>> = {
  号楼: 'hao lou',
  號樓: 'hao lou',
  大道: 'dadao',
  大街: 'dajie',
  胡同: 'hutong',
  单元: 'danyuan',
  單元: 'danyuan',
  路: 'lu',
  街: 'jie',
  道: 'dao',
  巷: 'xiang',
  弄: 'nong',
  号: 'hao',
  號: 'hao',
  室: 'shi',
  层: 'ceng',
  層: 'ceng',
  楼: 'lou',
  樓: 'lou',
  栋: 'dong',
  棟: 'dong',
  座: 'zuo',
  东: 'dong',
  東: 'dong',
  西: 'xi',
  南: 'nan',
  北: 'bei',
  中: 'zhong',
};

/**
 * Care-of markers (c/o, z. Hd., chez, presso, t.a.v., …): what follows is a person or company, not
 * the building. ANYWHERE markers are unmistakable wherever they stand; the others (co, chez, presso,
 * attention, …) are words or names too and count only at the start of a line or comma part.
 * Written as regular-expression fragments over the raw text (case-insensitive).
 */
export const CARE_OF_ANYWHERE: readonly string[] = [
  'c\\s*\\/\\s*o',
  'c\\/-',
  'c\\.\\s*o\\.',
  'care\\s+of',
  'in\\s+care\\s+of',
  'attn\\.?',
  'z\\.\\s*hd\\.?(?:\\s*v\\.)?',
  'z\\.\\s*h\\.',
  'zhd\\.?',
  'zu\\s+h(?:ä|ae|a)nden(?:\\s+vo[nm])?',
  "(?:à|a)\\s+l['’]att(?:ention|\\.)?\\s+(?:de|du|des)",
  'a\\/c',
  'a\\s+la\\s+atenci(?:ó|o)n\\s+de',
  '(?:alla\\s+)?c\\.\\s*a\\.',
  "all['’]att(?:enzione|\\.)\\s+(?:di|del|della)",
  't\\.\\s*a\\.\\s*v\\.?',
  'p\\/a',
  'ter\\s+attentie\\s+van',
  'f\\.\\s*a\\.\\s*o\\.',
  '转交',
  '轉交',
];
export const CARE_OF_AT_START: readonly string[] = ['co(?=\\s)', 'att[.:]?', 'attention(?:\\s+of)?', 'fao', 'chez', 'presso', 'tav'];

/**
 * Countries' languages, most used first; every country also reads English street types (marketplace
 * addresses are often written in English wherever the building stands). Unlisted countries read English.
 */
export const COUNTRY_LANGUAGES: Readonly<Record<string, readonly Language[]>> = {
  DE: ['de'],
  AT: ['de'],
  LI: ['de'],
  CH: ['de', 'fr', 'it'],
  LU: ['fr', 'de'],
  BE: ['fr', 'nl'],
  FR: ['fr'],
  MC: ['fr'],
  CA: ['en', 'fr'],
  ES: ['es'],
  MX: ['es'],
  AR: ['es'],
  CO: ['es'],
  CL: ['es'],
  PE: ['es'],
  VE: ['es'],
  EC: ['es'],
  UY: ['es'],
  PY: ['es'],
  BO: ['es'],
  CR: ['es'],
  PA: ['es'],
  DO: ['es'],
  GT: ['es'],
  IT: ['it'],
  SM: ['it'],
  VA: ['it'],
  NL: ['nl'],
  SR: ['nl'],
  PL: ['pl'],
  CN: ['zh'],
  TW: ['zh'],
  MO: ['zh'],
  HK: ['en', 'zh'],
  SG: ['en', 'zh'],
};

/**
 * Countries whose names are romanised from scripts where ae, oe and ue are vowels of their own
 * (pinyin xue ≠ xu, yue ≠ yu; Korean, Japanese, Vietnamese): the German/Dutch ü = ue fold is not
 * applied there, so it merges nothing that is different.
 */
export const NO_DIGRAPH_FOLD: ReadonlySet<string> = new Set(['CN', 'TW', 'HK', 'MO', 'SG', 'JP', 'KR', 'KP', 'VN']);

/** "10/5" is house 10, unit 5, except where the unit comes first ("5/10 Smith St" is unit 5 of number 10). */
export const UNIT_FIRST_SLASH: ReadonlySet<string> = new Set(['AU', 'NZ']);

/**
 * Major cities under their other names, per country (Rome, Georgia is not Roma): canonical → forms.
 * Folding already joins München, Muenchen and Munchen; this joins Munich and München.
 */
export const CITY_NAMES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  DE: {
    münchen: ['munich', 'monaco di baviera', 'múnich', 'monachium'],
    köln: ['cologne', 'colonia', 'kolonia'],
    nürnberg: ['nuremberg', 'norymberga', 'núremberg', 'norimberga'],
    braunschweig: ['brunswick'],
    hannover: ['hanover', 'hanovre'],
    aachen: ['aix-la-chapelle', 'aquisgrán', 'aquisgrana'],
    'frankfurt am main': ['frankfurt a. m.', 'frankfurt a.m.', 'frankfurt/main', 'frankfurt (main)', 'frankfurt main', 'francfort-sur-le-main'],
  },
  AT: { wien: ['vienna', 'vienne', 'viena', 'wiedeń', 'bécs'], salzburg: ['salisburgo'] },
  CH: {
    genève: ['geneva', 'genf', 'ginevra', 'ginebra', 'genewa'],
    zürich: ['zurich', 'zurigo', 'zúrich', 'zurych'],
    basel: ['bâle', 'basle', 'basilea', 'bazylea'],
    bern: ['berne', 'berna'],
    luzern: ['lucerne', 'lucerna'],
  },
  PL: {
    warszawa: ['warsaw', 'varsovie', 'varsovia', 'warschau', 'varsavia'],
    kraków: ['krakow', 'cracow', 'krakau', 'cracovie', 'cracovia'],
    gdańsk: ['gdansk', 'danzig', 'dantzig', 'danzica'],
    wrocław: ['breslau', 'wroclaw'],
    poznań: ['posen', 'poznan'],
    łódź: ['lodz', 'lodsch'],
    szczecin: ['stettin'],
  },
  IT: {
    milano: ['milan', 'mailand', 'milán', 'mediolan'],
    roma: ['rome', 'rom', 'rzym'],
    firenze: ['florence', 'florenz', 'florencia', 'florencja'],
    napoli: ['naples', 'neapel', 'nápoles', 'neapol'],
    torino: ['turin', 'turyn'],
    venezia: ['venice', 'venedig', 'venise', 'venecia', 'wenecja'],
    genova: ['genoa', 'genua', 'gênes', 'génova'],
    padova: ['padua', 'padoue'],
    bolzano: ['bozen'],
  },
  CZ: { praha: ['prague', 'prag', 'praga'], brno: ['brünn'] },
  PT: { lisboa: ['lisbon', 'lissabon', 'lisbonne', 'lizbona'], porto: ['oporto'] },
  NL: {
    'den haag': ['the hague', "'s-gravenhage", 's-gravenhage', 'la haye', 'haga', 'den haag'],
    "'s-hertogenbosch": ['den bosch', 's-hertogenbosch', 'bois-le-duc'],
  },
  BE: {
    bruxelles: ['brussels', 'brussel', 'brüssel', 'bruselas', 'bruksela', 'bruxelas'],
    antwerpen: ['antwerp', 'anvers', 'amberes', 'anversa'],
    gent: ['ghent', 'gand'],
    brugge: ['bruges', 'brügge', 'brujas'],
    liège: ['luik', 'lüttich', 'lieja'],
    leuven: ['louvain', 'löwen'],
  },
  CN: {
    beijing: ['peking', 'pékin', 'pekin', 'pechino', 'pekín', '北京', 'pekin'],
    guangzhou: ['canton', 'kanton', 'cantón', '广州', '廣州'],
    shanghai: ['上海', 'szanghaj'],
    shenzhen: ['深圳'],
    nanjing: ['nanking', '南京'],
    tianjin: ['tientsin', '天津'],
    chongqing: ['chungking', '重庆'],
    xiamen: ['amoy', '厦门'],
    hangzhou: ['hangchow', '杭州'],
    yiwu: ['义乌'],
  },
  ES: {
    sevilla: ['seville', 'séville', 'siviglia', 'sewilla'],
    'a coruña': ['la coruña', 'corunna', 'la coruna', 'a coruna'],
    'donostia-san sebastián': ['san sebastián', 'donostia', 'san sebastian'],
    zaragoza: ['saragossa', 'saragosse'],
  },
  DK: { københavn: ['copenhagen', 'kopenhagen', 'copenhague', 'kopenhaga'] },
  RU: {
    moskva: ['moscow', 'moskau', 'moscou', 'moscú', 'москва'],
    'sankt-peterburg': ['saint petersburg', 'st. petersburg', 'st petersburg', 'санкт-петербург'],
  },
  GR: { athína: ['athens', 'athen', 'athènes', 'atenas', 'atene', 'αθήνα'] },
  RO: { bucurești: ['bucharest', 'bukarest', 'bucarest'] },
  RS: { beograd: ['belgrade', 'belgrad'] },
  MX: { 'ciudad de méxico': ['mexico city', 'cdmx', 'méxico d.f.', 'mexico df', 'mexiko-stadt'] },
  LU: { luxembourg: ['luxemburg', 'lëtzebuerg', 'luksemburg'] },
  US: { 'new york': ['new york city', 'nyc'] },
};
