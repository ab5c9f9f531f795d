import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindColumn, labelColumn, pathToIdentifier, pathToShops, sharedPath } from './cypher';
import { groupSourceOf, identifier, IDENTIFIER_KINDS, type IdentifierKind, type IdentifierKindSpec } from './registry';

const CYPHER = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..', 'cypher');
const normalise = (text: string) => text.replace(/\s+/g, ' ');
/** A statement's text without its comment lines, whitespace normalised. */
const read = (name: string) => normalise(fs.readFileSync(path.join(CYPHER, `${name}.cypher`), 'utf8').replace(/^\s*\/\/.*$/gm, ''));

/**
 * A Cypher statement (or a set of them) that must spell out every kind it covers. `files` gives the
 * statement(s) a kind is looked for in; `covers` what must appear there (whitespace normalised) for the
 * kind to count as covered. Every kind is covered unless EXCLUDED lists it for the family; where a
 * registry flag decides the family's kinds (`decidedBy`), the exclusions are exactly the kinds without it.
 */
interface Family {
  readonly files: (kind: IdentifierKind) => string[];
  readonly covers: (kind: IdentifierKind) => string[];
  readonly decidedBy?: (spec: IdentifierKindSpec) => boolean;
}

const linking = (spec: IdentifierKindSpec) => spec.links;
const one = (name: string) => () => [name];

const FAMILIES: Record<string, Family> = {
  'detection/groups-*': {
    files: (kind) => [`detection/groups-${groupSourceOf(kind)}`],
    covers: (kind) =>
      identifier(kind).addressUse === null
        ? [`MATCH (x:${identifier(kind).label})`, pathToShops(kind)]
        : [`MATCH (x:Address)<-[h:HAS_ADDRESS]-(s:Shop)`, `'${identifier(kind).addressUse}'`],
    decidedBy: linking,
  },
  'evidence/shared-identifiers': {
    files: one('evidence/shared-identifiers'),
    covers: (kind) => [`MATCH ${pathToIdentifier(kind)} RETURN x, ${kindColumn(kind)}, ${labelColumn(kind)}`],
    decidedBy: linking,
  },
  'shops/neighbours': {
    files: one('shops/neighbours'),
    covers: (kind) => [`MATCH ${pathToIdentifier(kind)} RETURN x, ${kindColumn(kind)}, ${labelColumn(kind)}`, `[${pathToShops(kind, 'o:Shop')} | o.id]`],
    decidedBy: linking,
  },
  'shutdowns/preview': {
    files: one('shutdowns/preview'),
    covers: (kind) => [
      `MATCH ${pathToIdentifier(kind)} WHERE COUNT { MATCH ${pathToShops(kind, 'o:Shop')} RETURN DISTINCT o } > $hubThreshold RETURN ${kindColumn(kind)}`,
    ],
    decidedBy: linking,
  },
  'alerts/raise-recidivism': {
    files: one('alerts/raise-recidivism'),
    covers: (kind) => [`MATCH ${sharedPath(kind, 'n')} WHERE o.suspendedBy IS NOT NULL RETURN ${kindColumn(kind)}, ${labelColumn(kind)}, o`],
    decidedBy: (spec) => spec.recidivism,
  },
  // The dossier as a whole names every kind: accounts and addresses have sections of their own, the
  // seller-held kinds are listed per seller.
  'dossiers/{accounts,addresses,shops}': {
    files: () => ['dossiers/accounts', 'dossiers/addresses', 'dossiers/shops'],
    covers: (kind) =>
      identifier(kind).owner === 'seller'
        ? [`(u)-[:${identifier(kind).rel}]->(x:${identifier(kind).label})`]
        : [`-[${identifier(kind).addressUse === null ? '' : 'h'}:${identifier(kind).rel}]->(`, `:${identifier(kind).label})`],
  },
  'dossiers/contacts': {
    files: one('dossiers/contacts'),
    covers: (kind) => [`MATCH ${pathToIdentifier(kind)} RETURN x, ${kindColumn(kind)}`],
  },
};

const ADDRESS_SECTION = 'addresses have their own dossier section (dossiers/addresses)';

/** Kinds a family leaves out on purpose, each with the reason. A kind a family neither covers nor lists here fails. */
const EXCLUDED: Record<string, Partial<Record<IdentifierKind, string>>> = {
  'alerts/raise-recidivism': {
    email: 'recidivism: false: free to make, and families and assistants share inboxes',
    dispatch: 'recidivism: false: warehouses and fulfilment centres serve many unrelated shops',
    return: 'recidivism: false: returns go to the same warehouses',
    ship_to: 'recidivism: false: pickup points serve everyone',
  },
  'dossiers/contacts': {
    account: 'payout accounts have their own dossier section with volumes (dossiers/accounts)',
    kyc: 'the sellers table lists each seller’s identity documents (dossiers/shops); contacts are the phone lines and devices a liaison request asks carriers and platforms about',
    email: 'the sellers table lists each seller’s emails (dossiers/shops)',
    dispatch: ADDRESS_SECTION,
    return: ADDRESS_SECTION,
    ship_to: ADDRESS_SECTION,
  },
};

describe('per-kind Cypher families follow the identifier-kind registry', () => {
  for (const [family, { files, covers, decidedBy }] of Object.entries(FAMILIES)) {
    describe(family, () => {
      const excluded = EXCLUDED[family] ?? {};
      const covered = (kind: IdentifierKind) => {
        const text = files(kind)
          .map((f) => (fs.existsSync(path.join(CYPHER, `${f}.cypher`)) ? read(f) : ''))
          .join('\n');
        return covers(kind).every((snippet) => text.includes(normalise(snippet)));
      };
      // Looser than `covered`: any use of the kind's relationship and label, however spelled.
      const mentioned = (kind: IdentifierKind) => {
        const text = files(kind).map(read).join('\n');
        return text.includes(`:${identifier(kind).rel}]`) && text.includes(`:${identifier(kind).label})`);
      };

      it.each(IDENTIFIER_KINDS.filter((k) => excluded[k] === undefined))('covers %s', (kind) => {
        expect(covered(kind), `${family} does not spell out ${kind} (nor does EXCLUDED list it): expected ${covers(kind).join(' … ')}`).toBe(true);
      });

      it.each(IDENTIFIER_KINDS.filter((k) => excluded[k] !== undefined))('leaves out %s, for a stated reason', (kind) => {
        expect(excluded[kind]).toMatch(/\w/);
        expect(mentioned(kind), `${family} uses ${kind}, which it should leave out: ${excluded[kind]}`).toBe(false);
      });

      if (decidedBy)
        it('leaves out exactly the kinds the registry leaves out', () => {
          expect(Object.keys(excluded).sort()).toEqual(IDENTIFIER_KINDS.filter((k) => !decidedBy(identifier(k))).sort());
        });
    });
  }

  it('the exclusion table names only families and kinds that exist', () => {
    for (const [family, kinds] of Object.entries(EXCLUDED)) {
      expect(Object.keys(FAMILIES)).toContain(family);
      for (const kind of Object.keys(kinds)) expect(IDENTIFIER_KINDS).toContain(kind);
    }
  });
});
