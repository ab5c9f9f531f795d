import { z } from 'zod';

export const SearchHitSchema = z.object({
  kind: z.enum(['shop', 'address', 'phone', 'email', 'account']),
  id: z.string(),
  label: z.string().nullable(),
  score: z.number(),
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
