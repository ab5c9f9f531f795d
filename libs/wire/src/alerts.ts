import { z } from 'zod';
import { pageOf, pageQuery } from './page';

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

/** `GET /alerts`: by status, paged. */
export const AlertListQuerySchema = z.object({ status: z.enum(['open', 'acknowledged']).optional(), ...pageQuery(50) }).strict();
export type AlertListQuery = z.infer<typeof AlertListQuerySchema>;

export const AlertIdSchema = z.string().uuid('alert ids are UUIDs');

/** `POST /alerts/:id/acknowledge`: an optional note for the trail. */
export const AcknowledgeSchema = z
  .object({ note: z.string().trim().max(2000).optional().meta({ example: 'Same payout account as C000042; proposing a shutdown' }) })
  .strict()
  .default({});
export type Acknowledge = z.infer<typeof AcknowledgeSchema>;
