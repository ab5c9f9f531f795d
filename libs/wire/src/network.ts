import { z } from 'zod';

/** A node of a shop network as the explorer draws it: a shop, or an identifier shops share. */
export const NetworkNodeSchema = z.object({
  id: z.string().meta({
    description: 'a shop id, or `kind:key` for an identifier; the key is an opaque stable id (`~…`) for callers without identities.read',
  }),
  type: z.enum(['shop', 'identifier']),
  kind: z.string().meta({ example: 'account' }),
  label: z.string().nullable(),
  status: z.string().nullable(),
  hub: z.boolean(),
  shopCount: z.number().nullable(),
});
export type NetworkNode = z.infer<typeof NetworkNodeSchema>;

/** A shop's use of an identifier. */
export const NetworkEdgeSchema = z.object({ source: z.string(), target: z.string(), kind: z.string() });
export type NetworkEdge = z.infer<typeof NetworkEdgeSchema>;
