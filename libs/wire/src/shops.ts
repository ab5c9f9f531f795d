import { z } from 'zod';
import { NetworkEdgeSchema, NetworkNodeSchema } from './network';

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
