/**
 * The identifier kinds: the things two shops can share that make them look like one actor. Every
 * list of kinds in the house (detection, evidence, neighbourhoods, shutdown preview, recidivism watch,
 * dossiers, palette, explorer legend) reads this file; the per-kind Cypher files are held to it by
 * cypher-families.spec.ts. The order is the order of detection's evidence kinds, kept so nothing that
 * iterates kinds changes its output.
 */
export const IDENTIFIER_KINDS = ['account', 'device', 'kyc', 'phone', 'email', 'dispatch', 'return', 'ship_to'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/**
 * How sure a shared identifier makes us, and so how the projection links on it:
 * - `strong` links two shops on its own while narrowly shared (money, hardware and identity documents
 *   rarely coincide by chance) and makes a pair worth flagging;
 * - `medium` (contact points: a phone, an email) links on its own: rings chained pairwise through them
 *   are found, and the families they also join are never flagged on that alone (see detection's risk);
 * - `weak` (places) needs another shared identifier: a warehouse, a building or a pickup point serves
 *   unrelated shops every day.
 */
export type Strength = 'strong' | 'medium' | 'weak';

/**
 * What a redacted view (roles without unredacted access) may show of a value:
 * - `stored-mask`: only the masked form the loader stores; the raw value never reaches the database.
 * - `phone-ends`: country prefix and last four digits.
 * - `email-initial`: first letter of the mailbox and the domain.
 * - `prefix`: the first four characters.
 * - `locality`: city, region and country; no street, no postcode.
 */
export type RedactionRule = 'stored-mask' | 'phone-ends' | 'email-initial' | 'prefix' | 'locality';

interface Reach {
  /**
   * Who holds the identifier: the shop itself (`(s)-[:REL]->(x)`) or the seller owning the shop
   * (`(s)<-[:OWNS]-(:Seller)-[:REL]->(x)`).
   */
  readonly owner: 'shop' | 'seller';
  /** Graph label of the identifier node. */
  readonly label: string;
  /** Relationship from the owner to the identifier. */
  readonly rel: string;
  /** For addresses: the `kind` property of HAS_ADDRESS that makes the address this kind. */
  readonly addressUse: string | null;
  /** The node property a view shows as the identifier's label (masked values for accounts and documents). */
  readonly shown: 'masked' | 'key' | 'text';
}

export interface IdentifierKindSpec extends Reach {
  readonly strength: Strength;
  /** Weight of one identifier shared by two shops in the detection projection (before the wide-sharing discount). */
  readonly weight: number;
  /** Display name (legend, evidence lists). */
  readonly name: string;
  /** Square colour in every picture of a network (Okabe–Ito; see @ringwatch/palette). */
  readonly colour: string;
  /** The colour in words, for legends printed without colour (the PDF dossier). */
  readonly colourName: string;
  readonly redaction: RedactionRule;
  /** Whether sharing it links shops (detection evidence, neighbourhood walks, shutdown hubs). */
  readonly links: boolean;
  /** Whether the recidivism watch raises an alert when a new shop shares it with a shut-down shop. */
  readonly recidivism: boolean;
}

const address = <Use extends string>(use: Use) => ({ owner: 'shop', label: 'Address', rel: 'HAS_ADDRESS', addressUse: use, shown: 'text' }) as const;
const sellerHeld = (label: string, rel: string) => ({ owner: 'seller', label, rel, addressUse: null, shown: 'key' }) as const;

/*
 * The recidivism watch (cypher/alerts/raise-recidivism.cypher) uses the strong kinds and phones. The
 * strong ones are identity-bound: the same payout account, device or identity document coming back
 * after a ban is the signal itself. A phone is the seller's contact point, and reusing one after a
 * shutdown is the classic ban-evasion sign; an alert only asks an analyst to look, it shuts nothing
 * down, so the weaker kind is worth its few false alarms. Emails stay out (free to make, and families
 * and assistants share inboxes), and so do addresses (warehouses and pickup points serve many
 * unrelated shops).
 */
export const IDENTIFIERS = {
  account: {
    owner: 'shop',
    label: 'PaymentAccount',
    rel: 'PAID_TO',
    addressUse: null,
    shown: 'masked',
    strength: 'strong',
    weight: 1.0,
    name: 'payout account',
    colour: '#E69F00',
    colourName: 'orange',
    redaction: 'stored-mask',
    links: true,
    recidivism: true,
  },
  device: {
    ...sellerHeld('Device', 'USES_DEVICE'),
    strength: 'strong',
    weight: 1.0,
    name: 'device',
    colour: '#CC79A7',
    colourName: 'purple',
    redaction: 'prefix',
    links: true,
    recidivism: true,
  },
  kyc: {
    ...sellerHeld('KycDocument', 'HAS_KYC'),
    shown: 'masked',
    strength: 'strong',
    weight: 1.0,
    name: 'identity document',
    colour: '#000000',
    colourName: 'black',
    redaction: 'stored-mask',
    links: true,
    recidivism: true,
  },
  phone: {
    ...sellerHeld('Phone', 'HAS_PHONE'),
    strength: 'medium',
    weight: 0.5,
    name: 'phone',
    colour: '#009E73',
    colourName: 'green',
    redaction: 'phone-ends',
    links: true,
    recidivism: true,
  },
  email: {
    ...sellerHeld('Email', 'HAS_EMAIL'),
    strength: 'medium',
    weight: 0.5,
    name: 'email',
    colour: '#56B4E9',
    colourName: 'sky blue',
    redaction: 'email-initial',
    links: true,
    recidivism: false,
  },
  dispatch: {
    ...address('dispatch'),
    strength: 'weak',
    weight: 0.5,
    name: 'dispatch address',
    colour: '#F0E442',
    colourName: 'yellow',
    redaction: 'locality',
    links: true,
    recidivism: false,
  },
  return: {
    ...address('return'),
    strength: 'weak',
    weight: 0.4,
    name: 'return address',
    colour: '#7A6A00',
    colourName: 'olive',
    redaction: 'locality',
    links: true,
    recidivism: false,
  },
  ship_to: {
    ...address('ship_to'),
    strength: 'weak',
    weight: 0.15,
    name: 'ship-to address',
    colour: '#B8B8B8',
    colourName: 'grey',
    redaction: 'locality',
    links: true,
    recidivism: false,
  },
} as const satisfies Readonly<Record<IdentifierKind, IdentifierKindSpec>>;

/** The kind's entry, typed as the general shape (for code that reads any kind). */
export const identifier = (kind: IdentifierKind): IdentifierKindSpec => IDENTIFIERS[kind];

const kindsWhere = (test: (spec: IdentifierKindSpec) => boolean): readonly IdentifierKind[] => IDENTIFIER_KINDS.filter((k) => test(IDENTIFIERS[k]));

/** Kinds whose sharing is strong evidence on its own. */
export const STRONG_KINDS: readonly IdentifierKind[] = kindsWhere((s) => s.strength === 'strong');
/** Kinds that link shops (all of them today). */
export const LINKING_KINDS: readonly IdentifierKind[] = kindsWhere((s) => s.links);
/** Kinds the recidivism watch follows (see the note above IDENTIFIERS). */
export const RECIDIVISM_KINDS: readonly IdentifierKind[] = kindsWhere((s) => s.recidivism);

/** The address kinds, in the order detection prefers them when a shop uses one address several ways. */
export type AddressKind = { [K in IdentifierKind]: (typeof IDENTIFIERS)[K]['addressUse'] extends null ? never : K }[IdentifierKind];
export const ADDRESS_KINDS = kindsWhere((s) => s.addressUse !== null) as readonly AddressKind[];

export function isIdentifierKind(value: string): value is IdentifierKind {
  return Object.hasOwn(IDENTIFIERS, value);
}

/** The kind an address use (HAS_ADDRESS.kind) stands for. */
export function kindOfAddressUse(use: string): IdentifierKind {
  const kind = ADDRESS_KINDS.find((k) => identifier(k).addressUse === use);
  if (!kind) throw new Error(`no identifier kind for address use ${JSON.stringify(use)}`);
  return kind;
}

/**
 * Where detection reads a kind's shared identifiers: one read per kind, except the address kinds,
 * which one read returns together (a shop counts once per address, under its closest use).
 */
export type GroupSource = Exclude<IdentifierKind, AddressKind> | 'address';
export const groupSourceOf = (kind: IdentifierKind): GroupSource => (identifier(kind).addressUse === null ? (kind as GroupSource) : 'address');
