import { z } from 'zod';
import { pageOf, pageQuery } from './page';
import { TakedownSchema } from './takedowns';

export const BrandSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N} &'.-]+$/u, "brand names are letters, digits, spaces and &'.-");

export const SuspectedQuerySchema = z.object(pageQuery()).strict();
export type SuspectedQuery = z.infer<typeof SuspectedQuerySchema>;

/** A listing of the brand sold by a shop in a flagged cluster, with the verdicts given so far. */
export const SuspectedListingSchema = z.object({
  listingId: z.string(),
  title: z.string().nullable(),
  price: z.number().nullable(),
  currency: z.string().nullable(),
  status: z.string().nullable(),
  shopId: z.string(),
  shopName: z.string().nullable(),
  clusterId: z.string(),
  clusterRisk: z.number(),
  /** The typical price of comparable listings: the brand's listings in the same currency, their 90th price percentile. */
  typicalPrice: z.number().nullable(),
  /** How many listings that typical price is taken from. */
  comparableListings: z.number(),
  verdicts: z.array(z.object({ verdict: z.string(), reporter: z.string().nullable(), reportedAt: z.string().nullable() })),
});
export type SuspectedListing = z.infer<typeof SuspectedListingSchema>;

export const SuspectedPageSchema = pageOf(SuspectedListingSchema);
export type SuspectedPage = z.infer<typeof SuspectedPageSchema>;

/** The receipt for a brand owner's verdict. */
/**
 * The receipt for a brand owner's verdict. A counterfeit verdict opens a takedown (or names the one already
 * open on the listing): in the fast lane the listing is delisted at once, otherwise it waits for review.
 */
export const BrandReportReceiptSchema = z.object({
  id: z.string(),
  listingId: z.string(),
  verdict: z.string(),
  reportedAt: z.string(),
  takedown: TakedownSchema.nullable(),
});
export type BrandReportReceipt = z.infer<typeof BrandReportReceiptSchema>;
