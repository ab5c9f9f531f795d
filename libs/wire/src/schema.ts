import { z } from 'zod';

export const SchemaGraphSchema = z
  .object({
    nodes: z.array(z.object({ id: z.string(), label: z.string().meta({ example: 'Shop' }) })),
    edges: z.array(
      z.object({
        id: z.string(),
        source: z.string().meta({ example: 'Shop' }),
        target: z.string().meta({ example: 'Seller' }),
        type: z.string().meta({ example: 'OWNED_BY' }),
      }),
    ),
  })
  .meta({ description: 'Node labels and the relationship types between them' });
export type SchemaGraph = z.infer<typeof SchemaGraphSchema>;
