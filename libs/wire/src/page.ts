import { z } from 'zod';

/** The paging every list endpoint takes: `skip` rows, then at most `limit` (query strings, hence coerced). */
export function pageQuery(defaultLimit = 50) {
  return {
    skip: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(defaultLimit),
  };
}

/** A page of a list: how many rows match in all, and the rows asked for. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number(), items: z.array(item) });
}
