import { PATTERNS, VERDICTS } from '@ringwatch/contract';
import { z } from 'zod';

// The brand name and paging shapes live in @ringwatch/wire; the verdict body stays here because it
// validates against the ingest contract (a server lib).
export { BrandSchema, SuspectedQuerySchema } from '@ringwatch/wire';

export const BrandReportSchema = z
  .object({
    listingId: z.string().regex(PATTERNS.id, 'listing ids are 1-64 letters, digits or _.:-').meta({ example: 'L00012345' }),
    verdict: z.enum(VERDICTS),
    note: z.string().trim().max(2000).optional().meta({ example: 'Test purchase: stitching and serial number do not match' }),
  })
  .strict();
export type BrandReport = z.infer<typeof BrandReportSchema>;
