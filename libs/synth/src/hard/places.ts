/**
 * The hard world's places, in the languages people write them in: streets, street types and their
 * abbreviations, words of street names people shorten, floor, hall and flat notes, care-of forms, city
 * names with their exonyms and ASCII spellings, postcode shapes and phone numbering plans.
 *
 * This is the generator's own vocabulary, written from the conventions of each country (the facts that
 * libpostal's expansion dictionaries also record); it deliberately shares nothing with libs/normalise,
 * so the world can test it.
 */

export type Language = 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pl' | 'zh' | 'en';

/** A kind of street, canonical first, then the ways it is written (abbreviations, other cases). */
export interface StreetType {
  readonly canonical: string;
  readonly forms: readonly string[];
  /** Written glued to the name (German Hauptstraße, Dutch Kerkstraat). */
  readonly joined?: boolean;
}

export interface Street {
  /** The name without its type ("Haupt", "de la République", "Marszałkowska", "Huaqiang Bei"). */
  readonly name: string;
  readonly type: string;
}

export interface City {
  readonly name: string;
  /** Other ways the city is written: exonyms, ASCII spellings, official long forms. */
  readonly variants: readonly string[];
  readonly region: string;
  readonly regionVariants: readonly string[];
  /** Leading digits or letters of the city's postcodes; the rest comes from the country's shape. */
  readonly postcodePrefix: string;
  /** Trunk-less area code of the city's landlines. */
  readonly areaCode: string;
}

export interface PhonePlan {
  readonly dialCode: string;
  /** National trunk prefix dialled at home ('0', '1' for the US, '' where none). */
  readonly trunk: string;
  /** Italy keeps its leading 0 after the country code: the 0 is part of the number. */
  readonly trunkInNumber: boolean;
  /** Mobile national significant numbers: 9 = any digit. */
  readonly mobile: readonly string[];
  /** Length of a landline's national significant number (area code included); 0: the area code and eight digits. */
  readonly landlineLength: number;
}

export interface UnitForms {
  readonly floor: readonly ((n: number) => string)[];
  readonly ground: readonly string[];
  readonly hall: readonly ((n: number) => string)[];
  readonly flat: readonly ((n: number) => string)[];
  readonly building: readonly ((letter: string) => string)[];
}

export interface PlaceCountry {
  readonly code: string;
  readonly language: Language;
  readonly currency: string;
  /** Share of the hard world's shops based here. */
  readonly weight: number;
  readonly streetTypes: Record<string, StreetType>;
  readonly streets: readonly Street[];
  /** Streets of industrial estates, where warehouses are. */
  readonly industrialStreets: readonly Street[];
  readonly cities: readonly City[];
  /** Postcode after the city prefix: 9 digit, A letter, other characters literal. */
  readonly postcode: string;
  /** Ways to write a canonical postcode (the canonical one first). */
  readonly postcodeForms: readonly ((pc: string) => string)[];
  /** The type comes before the name ("rue de la Paix", "ul. Długa") or after ("Kerkstraat"). */
  readonly typeFirst: boolean;
  /** House number before the street ("12 rue …") or after ("Hauptstraße 12"). */
  readonly numberFirst: boolean;
  readonly numberForms: readonly ((n: string) => string)[];
  /** Words inside street names people abbreviate: canonical → short forms. */
  readonly nameAbbreviations: Record<string, readonly string[]>;
  readonly units: UnitForms;
  readonly careOf: readonly ((name: string) => string)[];
  readonly phone: PhonePlan;
  /** IBAN country and BBAN shape (9 digit, A letter, X letter or digit), or null where payouts go elsewhere. */
  readonly iban: { readonly country: string; readonly bban: string } | null;
  readonly firstNames: readonly string[];
  readonly lastNames: readonly string[];
  /** Company words for warehouses, agents and brand companies. */
  readonly companySuffixes: readonly string[];
}

const roman = (n: number) => ['0', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n] ?? String(n);
const englishOrdinal = (n: number) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;

export const PLACE_COUNTRIES: readonly PlaceCountry[] = [
  {
    code: 'DE',
    language: 'de',
    currency: 'EUR',
    weight: 14,
    streetTypes: {
      straße: { canonical: 'straße', forms: ['straße', 'strasse', 'str.', 'str', 'Straße', 'Strasse', 'Str.'], joined: true },
      weg: { canonical: 'weg', forms: ['weg', 'Weg'], joined: true },
      platz: { canonical: 'platz', forms: ['platz', 'pl.', 'Platz'], joined: true },
      allee: { canonical: 'allee', forms: ['allee', 'Allee'], joined: true },
      damm: { canonical: 'damm', forms: ['damm'], joined: true },
    },
    streets: [
      { name: 'Linden', type: 'straße' },
      { name: 'Birken', type: 'weg' },
      { name: 'Rosen', type: 'straße' },
      { name: 'Eichendorff', type: 'straße' },
      { name: 'Tannen', type: 'weg' },
      { name: 'Berliner', type: 'allee' },
      { name: 'Wiesen', type: 'weg' },
      { name: 'Brücken', type: 'straße' },
      { name: 'Schützen', type: 'straße' },
      { name: 'Blumen', type: 'straße' },
      { name: 'Haupt', type: 'straße' },
      { name: 'Bahnhof', type: 'straße' },
      { name: 'Goethe', type: 'straße' },
      { name: 'Schiller', type: 'straße' },
      { name: 'Mühlen', type: 'weg' },
      { name: 'Königs', type: 'allee' },
      { name: 'Karl-Marx-', type: 'straße' },
      { name: 'Friedrich-Ebert-', type: 'straße' },
      { name: 'Sankt-Georg-', type: 'straße' },
      { name: 'Schloß', type: 'platz' },
      { name: 'Große Bleichen', type: '' },
      { name: 'Kurfürsten', type: 'damm' },
      { name: 'Lindenhöfe', type: 'weg' },
      { name: 'Müller', type: 'straße' },
    ],
    industrialStreets: [
      { name: 'Industrie', type: 'straße' },
      { name: 'Gewerbe', type: 'straße' },
      { name: 'Am Güterbahnhof', type: '' },
      { name: 'Logistik', type: 'allee' },
      { name: 'Großmarkt', type: 'straße' },
      { name: 'Hafen', type: 'straße' },
    ],
    cities: [
      {
        name: 'München',
        variants: ['Muenchen', 'Munchen', 'Munich', 'MÜNCHEN'],
        region: 'Bayern',
        regionVariants: ['Bavaria', 'BY'],
        postcodePrefix: '80',
        areaCode: '89',
      },
      {
        name: 'Köln',
        variants: ['Koeln', 'Koln', 'Cologne'],
        region: 'Nordrhein-Westfalen',
        regionVariants: ['NRW', 'Nordrhein Westfalen'],
        postcodePrefix: '50',
        areaCode: '221',
      },
      {
        name: 'Düsseldorf',
        variants: ['Duesseldorf', 'Dusseldorf'],
        region: 'Nordrhein-Westfalen',
        regionVariants: ['NRW'],
        postcodePrefix: '40',
        areaCode: '211',
      },
      { name: 'Berlin', variants: ['BERLIN', 'Berlin-Mitte'], region: 'Berlin', regionVariants: ['BE'], postcodePrefix: '10', areaCode: '30' },
      { name: 'Hamburg', variants: ['HAMBURG'], region: 'Hamburg', regionVariants: ['HH'], postcodePrefix: '20', areaCode: '40' },
      {
        name: 'Frankfurt am Main',
        variants: ['Frankfurt a. M.', 'Frankfurt/Main', 'Frankfurt a.M.', 'Frankfurt'],
        region: 'Hessen',
        regionVariants: ['Hesse'],
        postcodePrefix: '60',
        areaCode: '69',
      },
      {
        name: 'Nürnberg',
        variants: ['Nuernberg', 'Nurnberg', 'Nuremberg'],
        region: 'Bayern',
        regionVariants: ['Bavaria'],
        postcodePrefix: '90',
        areaCode: '911',
      },
    ],
    postcode: '999',
    postcodeForms: [(pc) => pc, (pc) => `D-${pc}`, (pc) => `DE-${pc}`, (pc) => `D ${pc}`],
    typeFirst: false,
    numberFirst: false,
    numberForms: [(n) => n, (n) => n, (n) => `${n}`.replace(/^(\d+)([a-z])$/, '$1 $2'), (n) => n.toUpperCase()],
    nameAbbreviations: { 'Sankt-': ['St.-', 'St-'], 'Friedrich-': ['Fr.-', 'Friedr.-'], Große: ['Gr.', 'Grosse'], Am: ['Am'] },
    units: {
      floor: [(n) => `${n}. OG`, (n) => `${n}.OG`, (n) => `${n}. Obergeschoss`, (n) => `${n}. Etage`, (n) => `OG ${n}`],
      ground: ['EG', 'Erdgeschoss', 'Parterre'],
      hall: [(n) => `Halle ${n}`, (n) => `Halle ${n}`, (n) => `H. ${n}`, (n) => `Lagerhalle ${n}`],
      flat: [(n) => `Whg. ${n}`, (n) => `Wohnung ${n}`, (n) => `App. ${n}`],
      building: [(l) => `Haus ${l}`, (l) => `Geb. ${l}`, (l) => `Gebäude ${l}`],
    },
    careOf: [(x) => `c/o ${x}`, (x) => `c/o ${x}`, (x) => `z. Hd. ${x}`, (x) => `bei ${x}`],
    phone: { dialCode: '49', trunk: '0', trunkInNumber: false, mobile: ['15199999999', '1609999999', '17099999999'], landlineLength: 10 },
    iban: { country: 'DE', bban: '999999999999999999' },
    firstNames: ['Lukas', 'Jürgen', 'Sophie', 'Jonas', 'Mia', 'Björn', 'Käthe', 'Günter', 'Anna', 'Felix'],
    lastNames: ['Müller', 'Schmidt', 'Schäfer', 'Weiß', 'Groß', 'Becker', 'Hoffmann', 'Köhler', 'Wagner', 'Krüger'],
    companySuffixes: ['GmbH', 'Logistik GmbH', 'Fulfillment GmbH', 'Handels GmbH', 'KG'],
  },
  {
    code: 'FR',
    language: 'fr',
    currency: 'EUR',
    weight: 10,
    streetTypes: {
      rue: { canonical: 'rue', forms: ['rue', 'Rue', 'R.', 'r.'] },
      avenue: { canonical: 'avenue', forms: ['avenue', 'Avenue', 'av.', 'Av.', 'ave'] },
      boulevard: { canonical: 'boulevard', forms: ['boulevard', 'Boulevard', 'bd', 'Bd', 'boul.', 'bld'] },
      place: { canonical: 'place', forms: ['place', 'Place', 'pl.'] },
      allée: { canonical: 'allée', forms: ['allée', 'Allée', 'allee', 'all.'] },
      'zone industrielle': { canonical: 'zone industrielle', forms: ['Zone Industrielle', 'ZI', 'Z.I.', 'zone ind.'] },
    },
    streets: [
      { name: 'des Lilas', type: 'rue' },
      { name: 'Gambetta', type: 'avenue' },
      { name: 'de la Gare', type: 'rue' },
      { name: 'Voltaire', type: 'boulevard' },
      { name: 'du Château', type: 'rue' },
      { name: 'Sainte-Catherine', type: 'rue' },
      { name: 'des Peupliers', type: 'allée' },
      { name: 'de Verdun', type: 'avenue' },
      { name: 'Carnot', type: 'place' },
      { name: 'de la Paix', type: 'rue' },
      { name: 'de la République', type: 'rue' },
      { name: 'Victor Hugo', type: 'avenue' },
      { name: 'Jean Jaurès', type: 'boulevard' },
      { name: 'du Général de Gaulle', type: 'avenue' },
      { name: 'Saint-Honoré', type: 'rue' },
      { name: 'des Écoles', type: 'rue' },
      { name: "de l'Église", type: 'place' },
      { name: 'des Tilleuls', type: 'allée' },
      { name: 'Pasteur', type: 'rue' },
      { name: 'Émile Zola', type: 'boulevard' },
    ],
    industrialStreets: [
      { name: 'des Entrepôts', type: 'rue' },
      { name: 'du Marché International', type: 'avenue' },
      { name: 'de la Logistique', type: 'rue' },
      { name: 'Paris Nord II', type: 'zone industrielle' },
      { name: 'des Transporteurs', type: 'allée' },
    ],
    cities: [
      {
        name: 'Paris',
        variants: ['PARIS', 'Paris Cedex'],
        region: 'Île-de-France',
        regionVariants: ['Ile-de-France', 'IDF'],
        postcodePrefix: '750',
        areaCode: '1',
      },
      {
        name: 'Lyon',
        variants: ['LYON', 'Lyons'],
        region: 'Auvergne-Rhône-Alpes',
        regionVariants: ['Auvergne-Rhone-Alpes', 'ARA'],
        postcodePrefix: '690',
        areaCode: '4',
      },
      {
        name: 'Saint-Étienne',
        variants: ['St-Etienne', 'Saint Etienne', 'St Étienne', 'St-Étienne'],
        region: 'Auvergne-Rhône-Alpes',
        regionVariants: ['Auvergne-Rhone-Alpes'],
        postcodePrefix: '420',
        areaCode: '4',
      },
      { name: 'Orléans', variants: ['Orleans', 'ORLEANS'], region: 'Centre-Val de Loire', regionVariants: ['Centre'], postcodePrefix: '450', areaCode: '2' },
      {
        name: 'Roissy-en-France',
        variants: ['Roissy en France', 'Roissy', 'Roissy CDG'],
        region: 'Île-de-France',
        regionVariants: ['Ile de France'],
        postcodePrefix: '957',
        areaCode: '1',
      },
      {
        name: 'Besançon',
        variants: ['Besancon', 'BESANCON'],
        region: 'Bourgogne-Franche-Comté',
        regionVariants: ['Bourgogne-Franche-Comte'],
        postcodePrefix: '250',
        areaCode: '3',
      },
    ],
    postcode: '99',
    postcodeForms: [(pc) => pc, (pc) => `F-${pc}`, (pc) => `FR-${pc}`, (pc) => `${pc} CEDEX`],
    typeFirst: true,
    numberFirst: true,
    numberForms: [(n) => n, (n) => n, (n) => `${n},`, (n) => n.replace(/^(\d+)b$/, '$1bis').replace(/^(\d+)c$/, '$1ter')],
    nameAbbreviations: {
      'Saint-': ['St-', 'St '],
      Général: ['Gén.', 'Gal', 'General'],
      Jaurès: ['Jaures'],
      Écoles: ['Ecoles'],
      "l'Église": ["l'Eglise"],
      Émile: ['Emile', 'E.'],
    },
    units: {
      floor: [(n) => `${n}e étage`, (n) => `${n}ème étage`, (n) => `${n}eme etage`, (n) => `étage ${n}`, (n) => `${n}e ét.`],
      ground: ['RDC', 'rez-de-chaussée', 'Rez de chaussee'],
      hall: [(n) => `Entrepôt ${n}`, (n) => `Entrepot ${n}`, (n) => `Hall ${n}`, (n) => `Bât. ${n}`],
      flat: [(n) => `Appt ${n}`, (n) => `Apt ${n}`, (n) => `Appartement ${n}`],
      building: [(l) => `Bâtiment ${l}`, (l) => `Bât. ${l}`, (l) => `Bat ${l}`],
    },
    careOf: [(x) => `c/o ${x}`, (x) => `chez ${x}`, (x) => `C/O ${x}`],
    phone: { dialCode: '33', trunk: '0', trunkInNumber: false, mobile: ['699999999', '799999999'], landlineLength: 9 },
    iban: { country: 'FR', bban: '9999999999XXXXXXXXXXX99' },
    firstNames: ['Camille', 'Élodie', 'Hélène', 'Jérôme', 'Léa', 'François', 'Théo', 'Chloé', 'Noël', 'Inès'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Rousseau', 'Bonnet', 'Fournier', 'Mercier'],
    companySuffixes: ['SARL', 'SAS', 'Logistique SAS', 'Distribution SA'],
  },
  {
    code: 'ES',
    language: 'es',
    currency: 'EUR',
    weight: 9,
    streetTypes: {
      calle: { canonical: 'calle', forms: ['Calle', 'C/', 'c/', 'Cl.', 'CALLE', 'calle'] },
      avenida: { canonical: 'avenida', forms: ['Avenida', 'Av.', 'Avda.', 'Avd.', 'avda'] },
      plaza: { canonical: 'plaza', forms: ['Plaza', 'Pl.', 'Pza.'] },
      paseo: { canonical: 'paseo', forms: ['Paseo', 'Pº', 'P.º', 'Pso.'] },
      'polígono industrial': { canonical: 'polígono industrial', forms: ['Polígono Industrial', 'Pol. Ind.', 'P.I.', 'Poligono Industrial', 'Polig. Ind.'] },
    },
    streets: [
      { name: 'del Sol', type: 'calle' },
      { name: 'de Andalucía', type: 'avenida' },
      { name: 'Real', type: 'calle' },
      { name: 'de Cervantes', type: 'calle' },
      { name: 'de la Castellana', type: 'paseo' },
      { name: 'Mayor', type: 'plaza' },
      { name: 'de Goya', type: 'calle' },
      { name: 'San Vicente', type: 'calle' },
      { name: 'de Valencia', type: 'avenida' },
      { name: 'del Príncipe', type: 'calle' },
      { name: 'Mayor', type: 'calle' },
      { name: 'de Alcalá', type: 'calle' },
      { name: 'Gran Vía', type: 'calle' },
      { name: 'de la Constitución', type: 'avenida' },
      { name: 'Núñez de Balboa', type: 'calle' },
      { name: 'de España', type: 'plaza' },
      { name: 'de Gracia', type: 'paseo' },
      { name: 'San Fernando', type: 'calle' },
      { name: 'Nuestra Señora del Carmen', type: 'avenida' },
    ],
    industrialStreets: [
      { name: 'Cobo Calleja', type: 'polígono industrial' },
      { name: 'de la Industria', type: 'calle' },
      { name: 'Zona Franca', type: 'polígono industrial' },
      { name: 'de los Almacenes', type: 'avenida' },
    ],
    cities: [
      {
        name: 'Madrid',
        variants: ['MADRID'],
        region: 'Comunidad de Madrid',
        regionVariants: ['Madrid', 'C. de Madrid'],
        postcodePrefix: '280',
        areaCode: '91',
      },
      {
        name: 'Barcelona',
        variants: ['BARCELONA', 'Barna'],
        region: 'Cataluña',
        regionVariants: ['Catalunya', 'Cataluna', 'Catalonia'],
        postcodePrefix: '080',
        areaCode: '93',
      },
      {
        name: 'València',
        variants: ['Valencia', 'VALENCIA'],
        region: 'Comunidad Valenciana',
        regionVariants: ['Comunitat Valenciana'],
        postcodePrefix: '460',
        areaCode: '96',
      },
      {
        name: 'Málaga',
        variants: ['Malaga', 'MALAGA'],
        region: 'Andalucía',
        regionVariants: ['Andalucia', 'Andalusia'],
        postcodePrefix: '290',
        areaCode: '95',
      },
      {
        name: 'A Coruña',
        variants: ['La Coruña', 'A Coruna', 'La Coruna', 'Coruña'],
        region: 'Galicia',
        regionVariants: ['GA'],
        postcodePrefix: '150',
        areaCode: '981',
      },
      { name: 'Fuenlabrada', variants: ['FUENLABRADA'], region: 'Comunidad de Madrid', regionVariants: ['Madrid'], postcodePrefix: '289', areaCode: '91' },
    ],
    postcode: '99',
    postcodeForms: [(pc) => pc, (pc) => `E-${pc}`, (pc) => `ES-${pc}`],
    typeFirst: true,
    numberFirst: false,
    numberForms: [(n) => n, (n) => `, ${n}`, (n) => `nº ${n}`, (n) => `n.º ${n}`, (n) => `núm. ${n}`, (n) => `no. ${n}`],
    nameAbbreviations: {
      'Nuestra Señora': ['Ntra. Sra.', 'Nuestra Senora', 'Ntra Sra'],
      Núñez: ['Nunez'],
      Alcalá: ['Alcala'],
      Vía: ['Via'],
      San: ['S.'],
      Constitución: ['Constitucion'],
    },
    units: {
      floor: [(n) => `${n}º piso`, (n) => `${n}º`, (n) => `piso ${n}`, (n) => `${n}ª planta`, (n) => `planta ${n}`, (n) => `${n}o piso`],
      ground: ['bajo', 'Bajo', 'planta baja', 'PB'],
      hall: [(n) => `Nave ${n}`, (n) => `nave ${n}`, (n) => `Nave nº ${n}`, (n) => `Almacén ${n}`],
      flat: [(n) => `puerta ${n}`, (n) => `pta. ${n}`, (n) => `${n}ª`],
      building: [(l) => `Edificio ${l}`, (l) => `Edif. ${l}`, (l) => `Bloque ${l}`],
    },
    careOf: [(x) => `c/o ${x}`, (x) => `a/a ${x}`, (x) => `Att. ${x}`],
    phone: { dialCode: '34', trunk: '', trunkInNumber: false, mobile: ['699999999', '699999999', '799999999'], landlineLength: 9 },
    iban: { country: 'ES', bban: '99999999999999999999' },
    firstNames: ['José', 'María', 'Lucía', 'Álvaro', 'Begoña', 'Íñigo', 'Sofía', 'Martín', 'Raúl', 'Nuria'],
    lastNames: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Muñoz', 'Gómez'],
    companySuffixes: ['S.L.', 'SL', 'Logística S.L.', 'Distribuciones S.A.'],
  },
  {
    code: 'IT',
    language: 'it',
    currency: 'EUR',
    weight: 9,
    streetTypes: {
      via: { canonical: 'via', forms: ['Via', 'via', 'V.', 'VIA'] },
      viale: { canonical: 'viale', forms: ['Viale', 'V.le', 'v.le'] },
      piazza: { canonical: 'piazza', forms: ['Piazza', 'P.za', 'P.zza', 'Pza'] },
      corso: { canonical: 'corso', forms: ['Corso', 'C.so', 'c.so'] },
      largo: { canonical: 'largo', forms: ['Largo', 'L.go'] },
    },
    streets: [
      { name: 'Dante Alighieri', type: 'via' },
      { name: 'Mazzini', type: 'via' },
      { name: 'Cesare Battisti', type: 'via' },
      { name: 'Europa', type: 'viale' },
      { name: 'del Popolo', type: 'piazza' },
      { name: 'Umberto I', type: 'corso' },
      { name: 'Marconi', type: 'via' },
      { name: 'San Marco', type: 'piazza' },
      { name: 'della Libertà', type: 'viale' },
      { name: 'Manzoni', type: 'via' },
      { name: 'Roma', type: 'via' },
      { name: 'Giuseppe Garibaldi', type: 'via' },
      { name: 'Giuseppe Verdi', type: 'via' },
      { name: 'della Repubblica', type: 'piazza' },
      { name: 'Vittorio Emanuele II', type: 'corso' },
      { name: 'San Giovanni', type: 'via' },
      { name: 'dei Mille', type: 'viale' },
      { name: 'Cavour', type: 'largo' },
      { name: 'Niccolò Tommaseo', type: 'via' },
    ],
    industrialStreets: [
      { name: "dell'Industria", type: 'via' },
      { name: 'dei Trasporti', type: 'via' },
      { name: "dell'Artigianato", type: 'viale' },
      { name: 'Interporto', type: 'via' },
    ],
    cities: [
      { name: 'Milano', variants: ['Milan', 'MILANO'], region: 'Lombardia', regionVariants: ['Lombardy', 'MI'], postcodePrefix: '201', areaCode: '02' },
      { name: 'Roma', variants: ['Rome', 'ROMA'], region: 'Lazio', regionVariants: ['RM'], postcodePrefix: '001', areaCode: '06' },
      { name: 'Napoli', variants: ['Naples', 'NAPOLI'], region: 'Campania', regionVariants: ['NA'], postcodePrefix: '801', areaCode: '081' },
      { name: 'Firenze', variants: ['Florence', 'FIRENZE'], region: 'Toscana', regionVariants: ['Tuscany', 'FI'], postcodePrefix: '501', areaCode: '055' },
      {
        name: 'Forlì',
        variants: ['Forli', "Forli'", 'FORLI'],
        region: 'Emilia-Romagna',
        regionVariants: ['Emilia Romagna', 'FC'],
        postcodePrefix: '471',
        areaCode: '0543',
      },
      { name: 'Cantù', variants: ['Cantu', "Cantu'"], region: 'Lombardia', regionVariants: ['Lombardy', 'CO'], postcodePrefix: '220', areaCode: '031' },
    ],
    postcode: '99',
    postcodeForms: [(pc) => pc, (pc) => `I-${pc}`, (pc) => `IT-${pc}`],
    typeFirst: true,
    numberFirst: false,
    numberForms: [(n) => n, (n) => `, ${n}`, (n) => `n. ${n}`, (n) => `n° ${n}`, (n) => n.replace(/^(\d+)([a-z])$/, '$1/$2').toUpperCase()],
    nameAbbreviations: {
      Giuseppe: ['G.', 'Gius.'],
      San: ['S.'],
      Niccolò: ['Niccolo', "Niccolo'"],
      'Vittorio Emanuele II': ['V. Emanuele II', 'Vitt. Emanuele II'],
    },
    units: {
      floor: [(n) => `${n}º piano`, (n) => `piano ${n}`, (n) => `${n}° p.`, (n) => `p. ${n}`],
      ground: ['piano terra', 'p.t.', 'PT', 'pianoterra'],
      hall: [(n) => `Capannone ${n}`, (n) => `capannone ${n}`, (n) => `Cap. ${n}`, (n) => `Magazzino ${n}`],
      flat: [(n) => `interno ${n}`, (n) => `int. ${n}`],
      building: [(l) => `Scala ${l}`, (l) => `sc. ${l}`, (l) => `Edificio ${l}`],
    },
    careOf: [(x) => `c/o ${x}`, (x) => `presso ${x}`, (x) => `C/O ${x}`],
    phone: { dialCode: '39', trunk: '0', trunkInNumber: true, mobile: ['3479999999', '3389999999', '3209999999'], landlineLength: 10 },
    iban: { country: 'IT', bban: 'A9999999999XXXXXXXXXXXX' },
    firstNames: ['Giulia', 'Niccolò', 'Francesca', 'Luca', 'Chiara', 'Matteo', 'Alessia', 'Lorenzo', 'Elena', 'Andrea'],
    lastNames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Fabbri'],
    companySuffixes: ['S.r.l.', 'Srl', 'S.p.A.', 'Logistica S.r.l.'],
  },
  {
    code: 'NL',
    language: 'nl',
    currency: 'EUR',
    weight: 7,
    streetTypes: {
      straat: { canonical: 'straat', forms: ['straat', 'str.', 'str', 'Straat'], joined: true },
      weg: { canonical: 'weg', forms: ['weg', 'Weg'], joined: true },
      laan: { canonical: 'laan', forms: ['laan', 'ln', 'Laan'], joined: true },
      plein: { canonical: 'plein', forms: ['plein', 'pln'], joined: true },
      gracht: { canonical: 'gracht', forms: ['gracht', 'gr.'], joined: true },
    },
    streets: [
      { name: 'Hoofd', type: 'straat' },
      { name: 'School', type: 'straat' },
      { name: 'Beuken', type: 'laan' },
      { name: 'Nieuwe', type: 'weg' },
      { name: 'Markt', type: 'plein' },
      { name: 'Keizers', type: 'gracht' },
      { name: 'Wilhelmina', type: 'straat' },
      { name: 'Juliana', type: 'weg' },
      { name: 'Oranje', type: 'laan' },
      { name: 'Kanaal', type: 'straat' },
      { name: 'Kerk', type: 'straat' },
      { name: 'Molen', type: 'weg' },
      { name: 'Dorps', type: 'straat' },
      { name: 'Stations', type: 'plein' },
      { name: 'Prinsen', type: 'gracht' },
      { name: 'De Ruijter', type: 'weg' },
      { name: 'Van Heemstra', type: 'laan' },
      { name: 'Eik', type: 'laan' },
    ],
    industrialStreets: [
      { name: 'Industrie', type: 'weg' },
      { name: 'Transport', type: 'weg' },
      { name: 'Distributie', type: 'laan' },
      { name: 'Havens', type: 'straat' },
    ],
    cities: [
      {
        name: 'Amsterdam',
        variants: ['AMSTERDAM', "A'dam"],
        region: 'Noord-Holland',
        regionVariants: ['Noord Holland', 'NH'],
        postcodePrefix: '10',
        areaCode: '20',
      },
      { name: 'Rotterdam', variants: ['ROTTERDAM'], region: 'Zuid-Holland', regionVariants: ['Zuid Holland', 'ZH'], postcodePrefix: '30', areaCode: '10' },
      {
        name: "'s-Gravenhage",
        variants: ['Den Haag', 'The Hague', "'s Gravenhage", 'Den-Haag'],
        region: 'Zuid-Holland',
        regionVariants: ['ZH'],
        postcodePrefix: '25',
        areaCode: '70',
      },
      {
        name: "'s-Hertogenbosch",
        variants: ['Den Bosch', "'s Hertogenbosch", 'Hertogenbosch'],
        region: 'Noord-Brabant',
        regionVariants: ['Noord Brabant', 'NB'],
        postcodePrefix: '52',
        areaCode: '73',
      },
      { name: 'Venlo', variants: ['VENLO'], region: 'Limburg', regionVariants: ['LI'], postcodePrefix: '59', areaCode: '77' },
    ],
    postcode: '99 AA',
    postcodeForms: [(pc) => pc, (pc) => pc.replace(' ', ''), (pc) => pc.toLowerCase(), (pc) => `NL-${pc}`],
    typeFirst: false,
    numberFirst: false,
    numberForms: [(n) => n, (n) => n.toUpperCase(), (n) => n.replace(/^(\d+)([a-z])$/, '$1-$2'), (n) => n.replace(/^(\d+)([a-z])$/, '$1 $2')],
    nameAbbreviations: { 'De Ruijter': ['De Ruyter', 'de Ruijter'], 'Van Heemstra': ['v. Heemstra', 'van Heemstra'] },
    units: {
      floor: [(n) => `${n}e verdieping`, (n) => `${n}e verd.`, (n) => `${n} hoog`, (n) => `${n}-hoog`],
      ground: ['begane grond', 'bg', 'BG', 'parterre'],
      hall: [(n) => `Hal ${n}`, (n) => `hal ${n}`, (n) => `Loods ${n}`],
      flat: [(n) => `app. ${n}`, (n) => `appartement ${n}`],
      building: [(l) => `Gebouw ${l}`, (l) => `Geb. ${l}`],
    },
    careOf: [(x) => `c/o ${x}`, (x) => `t.a.v. ${x}`, (x) => `p/a ${x}`],
    phone: { dialCode: '31', trunk: '0', trunkInNumber: false, mobile: ['699999999', '699999999'], landlineLength: 9 },
    iban: { country: 'NL', bban: 'AAAA9999999999' },
    firstNames: ['Daan', 'Sanne', 'Bram', 'Femke', 'Joost', 'Anouk', 'Sem', 'Lotte', 'Thijs', 'Eva'],
    lastNames: ['de Vries', 'Jansen', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Jong', 'van den Berg', 'Mulder'],
    companySuffixes: ['B.V.', 'BV', 'Logistics B.V.', 'Fulfilment B.V.'],
  },
  {
    code: 'PL',
    language: 'pl',
    currency: 'PLN',
    weight: 8,
    streetTypes: {
      ulica: { canonical: 'ulica', forms: ['ul.', 'ul.', 'ul', 'Ul.', 'UL.', 'ulica'] },
      aleja: { canonical: 'aleja', forms: ['al.', 'Al.', 'aleja', 'Aleja'] },
      plac: { canonical: 'plac', forms: ['pl.', 'plac', 'Pl.'] },
      osiedle: { canonical: 'osiedle', forms: ['os.', 'osiedle', 'Os.'] },
    },
    streets: [
      { name: 'Mickiewicza', type: 'ulica' },
      { name: 'Słowackiego', type: 'ulica' },
      { name: 'Sienkiewicza', type: 'ulica' },
      { name: 'Wolności', type: 'plac' },
      { name: 'Niepodległości', type: 'aleja' },
      { name: 'Kwiatowa', type: 'ulica' },
      { name: 'Ogrodowa', type: 'ulica' },
      { name: 'Lipowa', type: 'ulica' },
      { name: 'Polna', type: 'ulica' },
      { name: 'Młyńska', type: 'ulica' },
      { name: 'Marszałkowska', type: 'ulica' },
      { name: 'Piłsudskiego', type: 'aleja' },
      { name: 'Świętokrzyska', type: 'ulica' },
      { name: 'Łódzka', type: 'ulica' },
      { name: 'Jana Pawła II', type: 'aleja' },
      { name: 'Żeromskiego', type: 'ulica' },
      { name: 'Kościuszki', type: 'plac' },
      { name: 'Długa', type: 'ulica' },
      { name: 'Słoneczne', type: 'osiedle' },
    ],
    industrialStreets: [
      { name: 'Magazynowa', type: 'ulica' },
      { name: 'Logistyczna', type: 'ulica' },
      { name: 'Przemysłowa', type: 'ulica' },
      { name: 'Składowa', type: 'ulica' },
    ],
    cities: [
      {
        name: 'Warszawa',
        variants: ['Warsaw', 'WARSZAWA'],
        region: 'mazowieckie',
        regionVariants: ['Mazowieckie', 'woj. mazowieckie', 'Masovia'],
        postcodePrefix: '00',
        areaCode: '22',
      },
      {
        name: 'Kraków',
        variants: ['Krakow', 'Cracow', 'KRAKÓW'],
        region: 'małopolskie',
        regionVariants: ['malopolskie', 'Małopolska'],
        postcodePrefix: '30',
        areaCode: '12',
      },
      { name: 'Łódź', variants: ['Lodz', 'Łodz', 'LODZ'], region: 'łódzkie', regionVariants: ['lodzkie'], postcodePrefix: '90', areaCode: '42' },
      {
        name: 'Wrocław',
        variants: ['Wroclaw', 'Breslau', 'WROCŁAW'],
        region: 'dolnośląskie',
        regionVariants: ['dolnoslaskie', 'Lower Silesia'],
        postcodePrefix: '50',
        areaCode: '71',
      },
      { name: 'Stryków', variants: ['Strykow', 'STRYKÓW'], region: 'łódzkie', regionVariants: ['lodzkie'], postcodePrefix: '95', areaCode: '42' },
      {
        name: 'Poznań',
        variants: ['Poznan', 'Posen', 'POZNAŃ'],
        region: 'wielkopolskie',
        regionVariants: ['Wielkopolska'],
        postcodePrefix: '60',
        areaCode: '61',
      },
    ],
    postcode: '-999',
    postcodeForms: [(pc) => pc, (pc) => pc.replace('-', ''), (pc) => `PL-${pc}`, (pc) => `PL ${pc}`],
    typeFirst: true,
    numberFirst: false,
    numberForms: [(n) => n, (n) => n.toUpperCase(), (n) => `nr ${n}`],
    nameAbbreviations: {
      'Jana Pawła II': ['J. Pawła II', 'Jana Pawla II', 'JPII'],
      Piłsudskiego: ['J. Piłsudskiego', 'Pilsudskiego'],
      Świętokrzyska: ['Swietokrzyska'],
    },
    units: {
      floor: [(n) => `${n} piętro`, (n) => `piętro ${n}`, (n) => `p. ${n}`, (n) => `pietro ${n}`, (n) => `${roman(n)} p.`],
      ground: ['parter', 'Parter'],
      hall: [(n) => `hala ${n}`, (n) => `Hala ${n}`, (n) => `magazyn ${n}`],
      flat: [(n) => `m. ${n}`, (n) => `lok. ${n}`, (n) => `m ${n}`],
      building: [(l) => `bud. ${l}`, (l) => `budynek ${l}`],
    },
    careOf: [(x) => `c/o ${x}`, (x) => `C/O ${x}`, (x) => `firma ${x}`],
    phone: { dialCode: '48', trunk: '', trunkInNumber: false, mobile: ['601999999', '501999999', '791999999'], landlineLength: 9 },
    iban: { country: 'PL', bban: '999999999999999999999999' },
    firstNames: ['Łukasz', 'Agnieszka', 'Paweł', 'Małgorzata', 'Krzysztof', 'Zofia', 'Michał', 'Katarzyna', 'Wojciech', 'Joanna'],
    lastNames: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak'],
    companySuffixes: ['Sp. z o.o.', 'sp. z o.o.', 'Spółka z o.o.', 'Logistyka Sp. z o.o.'],
  },
  {
    code: 'CN',
    language: 'zh',
    currency: 'CNY',
    weight: 22,
    streetTypes: {
      lu: { canonical: 'Lu', forms: ['Lu', 'Road', 'Rd', 'Rd.', 'lu', 'ROAD'] },
      jie: { canonical: 'Jie', forms: ['Jie', 'Street', 'St', 'St.'] },
      dadao: { canonical: 'Dadao', forms: ['Dadao', 'Avenue', 'Ave', 'Da Dao'] },
    },
    streets: [
      { name: 'Nanshan', type: 'dadao' },
      { name: 'Shennan Dong', type: 'lu' },
      { name: 'Jianshe', type: 'lu' },
      { name: 'Heping', type: 'lu' },
      { name: 'Yingbin', type: 'dadao' },
      { name: 'Xueyuan', type: 'lu' },
      { name: 'Chaoyang Bei', type: 'lu' },
      { name: 'Longgang', type: 'dadao' },
      { name: 'Songbai', type: 'lu' },
      { name: 'Gongye Xi', type: 'lu' },
      { name: 'Qingnian', type: 'lu' },
      { name: 'Beijing Nan', type: 'lu' },
      { name: 'Huaqiang Bei', type: 'lu' },
      { name: 'Shennan Zhong', type: 'lu' },
      { name: 'Renmin Nan', type: 'lu' },
      { name: 'Jiefang Xi', type: 'lu' },
      { name: 'Zhongshan Dong', type: 'lu' },
      { name: 'Binhe', type: 'dadao' },
      { name: 'Xinhua', type: 'jie' },
      { name: 'Futian', type: 'jie' },
    ],
    industrialStreets: [
      { name: 'Gongye', type: 'lu' },
      { name: 'Wuliu Yuan', type: 'lu' },
      { name: 'Guoji Shangmao Cheng', type: 'dadao' },
      { name: 'Baoan Dong', type: 'lu' },
    ],
    cities: [
      {
        name: 'Shenzhen',
        variants: ['Shenzhen Shi', 'Shen Zhen', 'SHENZHEN', 'ShenZhen'],
        region: 'Guangdong',
        regionVariants: ['Guangdong Sheng', 'Guangdong Province', 'GD'],
        postcodePrefix: '518',
        areaCode: '755',
      },
      {
        name: 'Guangzhou',
        variants: ['Guangzhou Shi', 'Canton', 'GUANGZHOU'],
        region: 'Guangdong',
        regionVariants: ['Guangdong Sheng', 'Guangdong Province'],
        postcodePrefix: '510',
        areaCode: '20',
      },
      {
        name: 'Yiwu',
        variants: ['Yiwu Shi', 'YIWU', 'Yi Wu'],
        region: 'Zhejiang',
        regionVariants: ['Zhejiang Sheng', 'Zhejiang Province'],
        postcodePrefix: '322',
        areaCode: '579',
      },
      {
        name: 'Dongguan',
        variants: ['Dongguan Shi', 'Dong Guan', 'DONGGUAN'],
        region: 'Guangdong',
        regionVariants: ['Guangdong Sheng'],
        postcodePrefix: '523',
        areaCode: '769',
      },
      {
        name: 'Shanghai',
        variants: ['Shanghai Shi', 'Shang Hai', 'SHANGHAI'],
        region: 'Shanghai',
        regionVariants: ['Shanghai Shi', 'SH'],
        postcodePrefix: '200',
        areaCode: '21',
      },
      {
        name: 'Putian',
        variants: ['Putian Shi', 'Pu Tian'],
        region: 'Fujian',
        regionVariants: ['Fujian Sheng', 'Fujian Province'],
        postcodePrefix: '351',
        areaCode: '594',
      },
    ],
    postcode: '999',
    postcodeForms: [(pc) => pc, (pc) => pc, (pc) => `PRC ${pc}`],
    typeFirst: false,
    numberFirst: false,
    numberForms: [(n) => `${n} Hao`, (n) => `No.${n}`, (n) => `No. ${n}`, (n) => `${n}Hao`, (n) => n],
    nameAbbreviations: {
      Bei: ['North', 'bei', 'N.'],
      Nan: ['South', 'nan', 'S.'],
      Dong: ['East', 'dong', 'E.'],
      Xi: ['West', 'xi', 'W.'],
      Zhong: ['Middle', 'Central', 'zhong'],
    },
    units: {
      floor: [(n) => `${n} Ceng`, (n) => `${n}F`, (n) => `${n}/F`, (n) => `Floor ${n}`, (n) => `${n} Lou`],
      ground: ['1F', '1 Ceng', 'Ground Floor'],
      hall: [(n) => `${n} Hao Cangku`, (n) => `Warehouse ${n}`, (n) => `Cangku ${n}`, (n) => `${n}# Cangku`],
      flat: [(n) => `Room ${n}01`, (n) => `${n}01 Shi`, (n) => `Rm ${n}01`, (n) => `${n}01`],
      building: [(l) => `${l} Dong`, (l) => `Building ${l}`, (l) => `Block ${l}`, (l) => `${l} Zuo`],
    },
    careOf: [(x) => `c/o ${x}`, (x) => `C/O ${x}`, (x) => `Attn: ${x}`],
    phone: { dialCode: '86', trunk: '0', trunkInNumber: false, mobile: ['13899999999', '15999999999', '18699999999', '13799999999'], landlineLength: 0 },
    iban: null,
    firstNames: ['Wei', 'Fang', 'Min', 'Jing', 'Lei', 'Yan', 'Jun', 'Hui', 'Xiaoming', 'Lihua'],
    lastNames: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou'],
    companySuffixes: ['Co., Ltd.', 'Trading Co., Ltd.', 'Maoyi Youxian Gongsi', 'Supply Chain Co., Ltd.', 'Wuliu Co., Ltd.'],
  },
  {
    code: 'GB',
    language: 'en',
    currency: 'GBP',
    weight: 11,
    streetTypes: {
      road: { canonical: 'Road', forms: ['Road', 'Rd', 'Rd.', 'ROAD'] },
      street: { canonical: 'Street', forms: ['Street', 'St', 'St.'] },
      lane: { canonical: 'Lane', forms: ['Lane', 'Ln'] },
      'industrial estate': { canonical: 'Industrial Estate', forms: ['Industrial Estate', 'Ind. Est.', 'Ind Est', 'Trading Estate'] },
      park: { canonical: 'Park', forms: ['Park', 'Pk'] },
    },
    streets: [
      { name: 'London', type: 'road' },
      { name: 'Manor', type: 'road' },
      { name: 'New', type: 'street' },
      { name: 'Park', type: 'lane' },
      { name: 'Kings', type: 'road' },
      { name: 'Green', type: 'lane' },
      { name: 'Chapel', type: 'street' },
      { name: 'Albert', type: 'road' },
      { name: 'Grange', type: 'road' },
      { name: 'North', type: 'street' },
      { name: 'High', type: 'street' },
      { name: 'Station', type: 'road' },
      { name: 'Church', type: 'lane' },
      { name: 'Victoria', type: 'road' },
      { name: 'Saint Mary', type: 'street' },
      { name: 'Queen', type: 'street' },
      { name: 'Mill', type: 'lane' },
    ],
    industrialStreets: [
      { name: 'Trafford', type: 'park' },
      { name: 'Magna', type: 'industrial estate' },
      { name: 'Dock', type: 'road' },
      { name: 'Wharf', type: 'road' },
    ],
    cities: [
      { name: 'London', variants: ['LONDON', 'Greater London'], region: 'Greater London', regionVariants: ['London'], postcodePrefix: 'E1', areaCode: '20' },
      {
        name: 'Manchester',
        variants: ['MANCHESTER', 'Gtr Manchester'],
        region: 'Greater Manchester',
        regionVariants: ['Gtr Manchester', 'Lancashire'],
        postcodePrefix: 'M4',
        areaCode: '161',
      },
      {
        name: 'Birmingham',
        variants: ['BIRMINGHAM', "B'ham"],
        region: 'West Midlands',
        regionVariants: ['W. Midlands', 'W Mids'],
        postcodePrefix: 'B5',
        areaCode: '121',
      },
      {
        name: 'Milton Keynes',
        variants: ['MILTON KEYNES', 'Milton-Keynes'],
        region: 'Buckinghamshire',
        regionVariants: ['Bucks'],
        postcodePrefix: 'MK1',
        areaCode: '1908',
      },
    ],
    postcode: ' 9AA',
    postcodeForms: [(pc) => pc, (pc) => pc.replace(' ', ''), (pc) => pc.toLowerCase()],
    typeFirst: false,
    numberFirst: true,
    numberForms: [(n) => n, (n) => n.toUpperCase(), (n) => `${n},`],
    nameAbbreviations: { Saint: ['St', 'St.'] },
    units: {
      floor: [(n) => `Floor ${n}`, (n) => `${englishOrdinal(n)} Floor`, (n) => `Fl. ${n}`],
      ground: ['Ground Floor', 'GF'],
      hall: [(n) => `Unit ${n}`, (n) => `Unit ${n}`, (n) => `Bay ${n}`],
      flat: [(n) => `Flat ${n}`, (n) => `Apt ${n}`],
      building: [(l) => `Building ${l}`, (l) => `Bldg ${l}`, (l) => `Block ${l}`],
    },
    careOf: [(x) => `c/o ${x}`, (x) => `FAO ${x}`, (x) => `Attn: ${x}`],
    phone: { dialCode: '44', trunk: '0', trunkInNumber: false, mobile: ['7999999999', '7499999999'], landlineLength: 10 },
    iban: { country: 'GB', bban: 'AAAA99999999999999' },
    firstNames: ['James', 'Olivia', 'Harry', 'Amelia', 'George', 'Isla', 'Jack', 'Emily', 'Oliver', 'Grace'],
    lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', "O'Brien", 'Patel', 'Khan'],
    companySuffixes: ['Ltd', 'Ltd.', 'Limited', 'Logistics Ltd'],
  },
  {
    code: 'US',
    language: 'en',
    currency: 'USD',
    weight: 10,
    streetTypes: {
      street: { canonical: 'Street', forms: ['Street', 'St', 'St.'] },
      avenue: { canonical: 'Avenue', forms: ['Avenue', 'Ave', 'Ave.', 'Av'] },
      boulevard: { canonical: 'Boulevard', forms: ['Boulevard', 'Blvd', 'Blvd.'] },
      drive: { canonical: 'Drive', forms: ['Drive', 'Dr', 'Dr.'] },
      parkway: { canonical: 'Parkway', forms: ['Parkway', 'Pkwy'] },
    },
    streets: [
      { name: 'Broadway', type: '' },
      { name: 'Elm', type: 'street' },
      { name: 'Park', type: 'avenue' },
      { name: 'Maple', type: 'drive' },
      { name: 'Ocean', type: 'boulevard' },
      { name: 'Lincoln', type: 'avenue' },
      { name: 'Pine', type: 'street' },
      { name: 'Cedar', type: 'drive' },
      { name: 'Madison', type: 'avenue' },
      { name: 'Sunrise', type: 'boulevard' },
      { name: 'Main', type: 'street' },
      { name: 'Washington', type: 'avenue' },
      { name: 'Sunset', type: 'boulevard' },
      { name: 'Lake Shore', type: 'drive' },
      { name: 'Martin Luther King Jr', type: 'boulevard' },
      { name: 'Fort Washington', type: 'avenue' },
      { name: 'North Oak', type: 'street' },
    ],
    industrialStreets: [
      { name: 'Commerce', type: 'parkway' },
      { name: 'Distribution', type: 'drive' },
      { name: 'Port', type: 'boulevard' },
      { name: 'Industrial', type: 'parkway' },
    ],
    cities: [
      {
        name: 'Los Angeles',
        variants: ['LOS ANGELES', 'LA', 'Los Angeles CA'],
        region: 'CA',
        regionVariants: ['California', 'Calif.'],
        postcodePrefix: '900',
        areaCode: '213',
      },
      { name: 'New York', variants: ['NEW YORK', 'New York City', 'NYC'], region: 'NY', regionVariants: ['New York'], postcodePrefix: '100', areaCode: '212' },
      { name: 'Newark', variants: ['NEWARK'], region: 'NJ', regionVariants: ['New Jersey'], postcodePrefix: '071', areaCode: '973' },
      { name: 'Miami', variants: ['MIAMI'], region: 'FL', regionVariants: ['Florida', 'Fla.'], postcodePrefix: '331', areaCode: '305' },
    ],
    postcode: '99',
    postcodeForms: [(pc) => pc, (pc) => pc, (pc) => `${pc}-${pc.slice(0, 4)}`],
    typeFirst: false,
    numberFirst: true,
    numberForms: [(n) => n, (n) => n.toUpperCase()],
    nameAbbreviations: { North: ['N', 'N.'], Fort: ['Ft', 'Ft.'], 'Martin Luther King Jr': ['MLK', 'M.L.K. Jr.', 'Martin Luther King'] },
    units: {
      floor: [(n) => `Floor ${n}`, (n) => `${englishOrdinal(n)} Fl`, (n) => `Fl ${n}`],
      ground: ['Ground Floor', '1st Floor'],
      hall: [(n) => `Suite ${n}00`, (n) => `Ste ${n}00`, (n) => `Dock ${n}`],
      flat: [(n) => `Apt ${n}`, (n) => `#${n}`, (n) => `Unit ${n}`],
      building: [(l) => `Bldg ${l}`, (l) => `Building ${l}`],
    },
    careOf: [(x) => `c/o ${x}`, (x) => `Attn: ${x}`, (x) => `C/O ${x}`],
    phone: { dialCode: '1', trunk: '1', trunkInNumber: false, mobile: ['2135559999', '3475559999', '3055559999'], landlineLength: 10 },
    iban: null,
    firstNames: ['Michael', 'Jennifer', 'Chris', 'Ashley', 'Daniel', 'Jessica', 'Matthew', 'Amanda', 'Joshua', 'Brittany'],
    lastNames: ['Johnson', 'Williams', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Martinez', 'Hernandez', 'Lee', 'Thompson'],
    companySuffixes: ['LLC', 'Inc.', 'Logistics LLC', 'Fulfillment Inc.'],
  },
];

export function placeCountry(code: string): PlaceCountry {
  const found = PLACE_COUNTRIES.find((c) => c.code === code);
  if (!found) throw new Error(`synth: no hard-world country ${code}`);
  return found;
}

/** The countries whose languages rings write warehouse addresses in (the list). */
export const VARIANT_LANGUAGE_COUNTRIES = ['DE', 'FR', 'ES', 'IT', 'NL', 'PL', 'CN'] as const;
