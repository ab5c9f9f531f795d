import { identifier, type IdentifierKind } from './registry';

/*
 * The canonical Cypher text of each kind's paths. Cypher cannot take a label or a relationship type
 * as a parameter and still use an index, so statements that cover every kind spell each one out;
 * cypher-families.spec.ts holds those files to these renderings. The identifier is always `x`, an
 * address relationship `h` (its `kind` property is the address use).
 */

function hops(kind: IdentifierKind): { toIdentifier: string; toShop: string } {
  const { owner, rel, addressUse } = identifier(kind);
  const variable = addressUse === null ? '' : 'h';
  return owner === 'shop'
    ? { toIdentifier: `-[${variable}:${rel}]->`, toShop: `<-[:${rel}]-` }
    : { toIdentifier: `<-[:OWNS]-(:Seller)-[${variable}:${rel}]->`, toShop: `<-[:${rel}]-(:Seller)-[:OWNS]->` };
}

/** From a shop to the identifier: `(s)<-[:OWNS]-(:Seller)-[:HAS_PHONE]->(x:Phone)`. */
export const pathToIdentifier = (kind: IdentifierKind, shop = 's'): string => `(${shop})${hops(kind).toIdentifier}(x:${identifier(kind).label})`;

/** From the identifier back to the shops using it: `(x)<-[:HAS_PHONE]-(:Seller)-[:OWNS]->(:Shop)`. */
export const pathToShops = (kind: IdentifierKind, shop = ':Shop'): string => `(x)${hops(kind).toShop}(${shop})`;

/** From one shop through the identifier to another: both of the above in one pattern. */
export const sharedPath = (kind: IdentifierKind, from = 's', to = 'o:Shop'): string =>
  `(${from})${hops(kind).toIdentifier}(x:${identifier(kind).label})${hops(kind).toShop}(${to})`;

/** The column naming the kind: a literal, or the address use for addresses. */
export const kindColumn = (kind: IdentifierKind): string => (identifier(kind).addressUse === null ? `'${kind}' AS kind` : 'h.kind AS kind');

/** The column a view shows as the identifier's label. */
export const labelColumn = (kind: IdentifierKind): string => `x.${identifier(kind).shown} AS label`;
