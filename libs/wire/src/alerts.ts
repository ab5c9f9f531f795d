import { z } from 'zod';
import { pageOf } from './page';

/** A recidivism alert: a new shop tied by a strong identifier to shops a shutdown took down. */
export const AlertSchema = z.object({
  id: z.string(),
  kind: z.literal('recidivism'),
  shopId: z.string(),
  status: z.enum(['open', 'acknowledged']),
  raisedAt: z.string(),
  via: z.array(z.string()).meta({ description: 'the identifiers it shares with the shut-down shops' }),
  formerShops: z.array(z.string()),
  shutdownIds: z.array(z.string()),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const AlertPageSchema = pageOf(AlertSchema);
export type AlertPage = z.infer<typeof AlertPageSchema>;

export const AlertAcknowledgedSchema = z.object({ id: z.string(), status: z.literal('acknowledged'), acknowledgedBy: z.string() });
export type AlertAcknowledged = z.infer<typeof AlertAcknowledgedSchema>;
