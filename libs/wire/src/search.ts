import { z } from 'zod';

export const SearchHitSchema = z.object({
  kind: z.enum(['shop', 'address', 'phone', 'email', 'account']),
  id: z.string(),
  label: z.string().nullable(),
  score: z.number(),
  shopCount: z.number().nullable().optional().meta({ description: 'for an identifier: how many shops use it (null for a shop)' }),
  shops: z
    .array(z.object({ id: z.string(), name: z.string().nullable() }))
    .nullable()
    .optional()
    .meta({ description: 'for an identifier: the first shops using it, by id (links into the graph)' }),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** Matches grouped by kind (a group only for kinds that matched). */
export const SearchResultSchema = z.object({
  query: z.string(),
  total: z.number(),
  groups: z.record(z.string(), z.array(SearchHitSchema)),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

/** `GET /search?q=`. */
export const SearchQuerySchema = z
  .object({
    q: z.string().trim().min(2, 'type at least two characters').max(200),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuerySchema>;
