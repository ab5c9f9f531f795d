// The shapes live in @ringwatch/wire, shared with the explorer; re-exported for this domain's imports.
export {
  NeighbourhoodQuerySchema,
  NeighbourhoodSchema,
  ReinstateSchema,
  ShopIdSchema,
  type Neighbourhood,
  type NeighbourhoodQuery,
  type Reinstate,
} from '@ringwatch/wire';
