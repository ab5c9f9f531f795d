import { z } from 'zod';
import { NetworkEdgeSchema, NetworkNodeSchema } from './network';
import { pageQuery } from './page';

export const ShopIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'shop ids are 1-64 letters, digits or _.:-');

export const ShopDetailSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  status: z.string().nullable(),
  category: z.string().nullable(),
  openedAt: z.string().nullable(),
  placeholder: z.boolean().meta({ description: 'true while the shop is known only from rows pointing to it (its own row not loaded yet)' }),
  sellerId: z.string().nullable(),
  sellerName: z.string().nullable(),
  sellerCountry: z.string().nullable(),
  listings: z.number(),
  counterfeitReports: z.number(),
  clusterId: z.string().nullable(),
  clusterRisk: z.number().nullable(),
  confidence: z.number().nullable(),
});
export type ShopDetail = z.infer<typeof ShopDetailSchema>;

export const NeighbourhoodQuerySchema = z
  .object({
    depth: z.coerce.number().int().min(1).max(3).default(1),
    limit: z.coerce.number().int().min(1).max(2000).default(300),
    perIdentifier: z.coerce.number().int().min(1).max(2000).default(25).meta({
      description: 'at most this many other shops through one identifier (the rest are listed in `cut`), so one wide account does not fill the picture',
    }),
  })
  .strict();
export type NeighbourhoodQuery = z.infer<typeof NeighbourhoodQuerySchema>;

export const NeighbourhoodNodeSchema = NetworkNodeSchema.extend({ depth: z.number() });
export type NeighbourhoodNode = z.infer<typeof NeighbourhoodNodeSchema>;

export const NeighbourhoodSchema = z.object({
  shopId: z.string(),
  depth: z.number(),
  truncated: z.boolean(),
  nodes: z.array(NeighbourhoodNodeSchema),
  edges: z.array(NetworkEdgeSchema),
  cut: z
    .array(z.object({ id: z.string(), kind: z.string(), label: z.string().nullable(), shown: z.number(), of: z.number() }))
    .meta({ description: 'identifiers through which only `shown` of the `of` other shops were drawn (perIdentifier)' }),
});
export type Neighbourhood = z.infer<typeof NeighbourhoodSchema>;

export const ReinstateSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(10, 'say why, in at least 10 characters')
      .max(2000)
      .meta({ example: 'Appeal upheld: invoices from the brand’s authorised distributor' }),
  })
  .strict();
export type Reinstate = z.infer<typeof ReinstateSchema>;

export const ReinstatedSchema = z.object({
  id: z.string(),
  status: z.literal('active'),
  relisted: z.number(),
  shutdownId: z.string().nullable().meta({ description: 'the shutdown that had suspended the shop' }),
});
export type Reinstated = z.infer<typeof ReinstatedSchema>;

/** `GET /shops/:id/path?to=`: the other shop, and how many shop-to-shop steps to search at most. */
export const ShopPathQuerySchema = z
  .object({
    to: ShopIdSchema,
    maxSteps: z.coerce.number().int().min(1).max(6).default(4),
  })
  .strict();
export type ShopPathQuery = z.infer<typeof ShopPathQuerySchema>;

/**
 * The shortest evidence path between two shops: shops and the identifiers linking each to the next,
 * in order (`path`), as nodes and edges the explorer draws. Hubs are not walked through. An empty
 * `path` means none within `maxSteps`.
 */
export const ShopPathSchema = z.object({
  from: z.string(),
  to: z.string(),
  maxSteps: z.number(),
  steps: z.number().meta({ description: 'shop-to-shop steps on the path (0 when none was found)' }),
  path: z.array(z.string()).meta({ description: 'node ids from `from` to `to`, shops and identifiers alternating' }),
  truncated: z.boolean(),
  nodes: z.array(NetworkNodeSchema),
  edges: z.array(NetworkEdgeSchema),
});
export type ShopPath = z.infer<typeof ShopPathSchema>;

/** `GET /shops/metrics?ids=a,b`: one to 200 shop ids, comma-separated. */
export const ShopMetricsQuerySchema = z
  .object({
    ids: z
      .string()
      .transform((v) => [
        ...new Set(
          v
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        ),
      ])
      .pipe(z.array(ShopIdSchema).min(1, 'name at least one shop').max(200, 'name at most 200 shops')),
  })
  .strict();
export type ShopMetricsQuery = z.infer<typeof ShopMetricsQuerySchema>;

/** Size cues for drawing shops: listings, and payout volume summed over currencies (a scale, not money). */
export const ShopMetricsSchema = z.object({
  shops: z.array(z.object({ id: z.string(), listings: z.number(), gmv: z.number() })),
});
export type ShopMetrics = z.infer<typeof ShopMetricsSchema>;

export const ShopListingsQuerySchema = z.object({ ...pageQuery(20) }).strict();
export type ShopListingsQuery = z.infer<typeof ShopListingsQuerySchema>;

/** A shop's listing with the price of comparable listings (same brand and currency): `priceRatio` is price ÷ typical. */
export const ShopListingSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  brand: z.string().nullable(),
  category: z.string().nullable(),
  price: z.number().nullable(),
  currency: z.string().nullable(),
  listedAt: z.string().nullable(),
  status: z.string().nullable(),
  typicalPrice: z
    .number()
    .nullable()
    .meta({ description: "comparable listings' price: the brand's listings in the same currency, at their 90th price percentile" }),
  priceRatio: z.number().nullable(),
});
export type ShopListing = z.infer<typeof ShopListingSchema>;

export const ShopListingsPageSchema = z.object({ total: z.number(), items: z.array(ShopListingSchema) });
export type ShopListingsPage = z.infer<typeof ShopListingsPageSchema>;

/** One dated event of a shop's timeline, oldest first. */
export const ShopEventSchema = z.object({
  at: z.string(),
  kind: z.enum(['opened', 'report', 'cluster', 'shutdown', 'reinstated']),
  text: z.string(),
  link: z.string().nullable().meta({ description: 'the explorer page the event opens (a cluster of a run, a shutdown)' }),
});
export type ShopEvent = z.infer<typeof ShopEventSchema>;

export const ShopActivitySchema = z.object({
  payments: z.array(
    z.object({ currency: z.string().nullable(), payments: z.number(), total: z.number(), first: z.string().nullable(), last: z.string().nullable() }),
  ),
  timeline: z.array(ShopEventSchema),
});
export type ShopActivity = z.infer<typeof ShopActivitySchema>;
