import { z } from 'zod';

/** A node of a shop network as the explorer draws it: a shop, or an identifier shops share. */
export const NetworkNodeSchema = z.object({
  id: z.string(),
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
