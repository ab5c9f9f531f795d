import { PATTERNS, VERDICTS } from '@ringwatch/contract';
import { z } from 'zod';

export const BrandSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N} &'.-]+$/u, "brand names are letters, digits, spaces and &'.-");

export const SuspectedQuerySchema = z
  .object({
    skip: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const BrandReportSchema = z
  .object({
    listingId: z.string().regex(PATTERNS.id, 'listing ids are 1-64 letters, digits or _.:-').meta({ example: 'L00012345' }),
    verdict: z.enum(VERDICTS),
    note: z.string().trim().max(2000).optional().meta({ example: 'Test purchase: stitching and serial number do not match' }),
  })
  .strict();
export type BrandReport = z.infer<typeof BrandReportSchema>;
