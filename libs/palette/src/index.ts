import { IDENTIFIER_KINDS, IDENTIFIERS, isIdentifierKind, type IdentifierKind } from '@ringwatch/kinds';

/**
 * The colours every picture of a shop network uses — the explorer's canvas and the dossier's graph —
 * so a printed dossier reads like the screen. Okabe–Ito colours, which stay distinguishable with the
 * common colour-vision deficiencies. Shops are drawn as discs coloured by status, identifiers as
 * squares coloured by kind (the colours and names live with the kinds, in @ringwatch/kinds).
 */
export const SHOP_STATUS_COLOURS: Record<string, string> = {
  active: '#0072B2',
  suspended: '#D55E00',
  closed: '#8C8C8C',
};

const byKind = <T>(value: (kind: IdentifierKind) => T): Readonly<Record<IdentifierKind, T>> =>
  Object.fromEntries(IDENTIFIER_KINDS.map((kind) => [kind, value(kind)])) as Record<IdentifierKind, T>;

export const IDENTIFIER_COLOURS = byKind((kind) => IDENTIFIERS[kind].colour);
export const IDENTIFIER_NAMES = byKind((kind) => IDENTIFIERS[kind].name);

/** For a kind unknown to this build (a newer server): grey, and the kind as the server spells it. */
const UNKNOWN_KIND_COLOUR = '#666666';

/** The colour of a kind as the wire spells it (any string). */
export const identifierColour = (kind: string): string => (isIdentifierKind(kind) ? IDENTIFIER_COLOURS[kind] : UNKNOWN_KIND_COLOUR);

/** The display name of a kind as the wire spells it (any string). */
export const identifierName = (kind: string): string => (isIdentifierKind(kind) ? IDENTIFIER_NAMES[kind] : kind);
