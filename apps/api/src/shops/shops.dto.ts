import { z } from 'zod';

export const ShopIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'shop ids are 1-64 letters, digits or _.:-');

export const NeighbourhoodQuerySchema = z
  .object({
    depth: z.coerce.number().int().min(1).max(3).default(1),
    limit: z.coerce.number().int().min(1).max(2000).default(300),
  })
  .strict();
export type NeighbourhoodQuery = z.infer<typeof NeighbourhoodQuerySchema>;

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

export const NeighbourhoodSchema = z.object({
  shopId: z.string(),
  depth: z.number(),
  truncated: z.boolean(),
  nodes: z.array(
    z.object({
      id: z.string(),
      type: z.enum(['shop', 'identifier']),
      kind: z.string(),
      label: z.string().nullable(),
      status: z.string().nullable(),
      depth: z.number(),
      hub: z.boolean(),
      shopCount: z.number().nullable(),
    }),
  ),
  edges: z.array(z.object({ source: z.string(), target: z.string(), kind: z.string() })),
});
export type Neighbourhood = z.infer<typeof NeighbourhoodSchema>;
