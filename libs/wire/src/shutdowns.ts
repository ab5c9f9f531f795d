import { z } from 'zod';
import { ClusterIdSchema } from './clusters';
import { pageOf, pageQuery } from './page';
import { ShopIdSchema } from './shops';

export const ShutdownIdSchema = z.string().uuid('shutdown ids are UUIDs');

export const SHUTDOWN_STATUSES = ['proposed', 'approved', 'rejected', 'executing', 'executed'] as const;
export type ShutdownStatus = (typeof SHUTDOWN_STATUSES)[number];

export const ProposeShutdownSchema = z
  .object({
    clusterId: ClusterIdSchema.meta({ example: 'C000042' }),
    reason: z
      .string()
      .trim()
      .min(10, 'say why, in at least 10 characters')
      .max(2000)
      .meta({ example: 'Shared payout account and devices; 14 counterfeit reports for Aurelio' }),
    exclude: z
      .array(ShopIdSchema)
      .max(10_000)
      .default([])
      .meta({ example: ['S0001234'] }),
  })
  .strict();
export type ProposeShutdown = z.infer<typeof ProposeShutdownSchema>;
/** What a client sends (`exclude` may be left out). */
export type ProposeShutdownBody = z.input<typeof ProposeShutdownSchema>;

export const DecisionSchema = z
  .object({ note: z.string().trim().max(2000).optional().meta({ example: 'Evidence checked; two-account overlap confirmed' }) })
  .strict()
  // A decision without a note may come without a body at all.
  .default({});
export type Decision = z.infer<typeof DecisionSchema>;

export const ShutdownListQuerySchema = z
  .object({
    status: z.enum(SHUTDOWN_STATUSES).optional(),
    ...pageQuery(),
  })
  .strict();
export type ShutdownListQuery = z.infer<typeof ShutdownListQuerySchema>;

const MoneySchema = z.object({ currency: z.string(), amount: z.number() });

/** The dry run of a shutdown: what it would take down, and members worth a second look. */
export const PreviewSchema = z.object({
  shops: z.number(),
  activeListings: z.number(),
  payouts: z.array(MoneySchema).meta({ description: 'payout volume of the affected shops per currency (their GMV as the payment feed records it)' }),
  counterfeitReports: z.number(),
  secondLook: z.array(z.object({ shopId: z.string(), name: z.string().nullable(), reasons: z.array(z.string()) })),
});
export type Preview = z.infer<typeof PreviewSchema>;

export const ShutdownSchema = z.object({
  id: z.string(),
  clusterId: z.string(),
  runId: z.string(),
  reason: z.string(),
  excluded: z.array(z.string()),
  status: z.enum(SHUTDOWN_STATUSES),
  proposedBy: z.string(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  executionStartedAt: z.string().nullable(),
  executedAt: z.string().nullable(),
  shopsTotal: z.number(),
  shopsDone: z.number(),
  listingsDelisted: z.number(),
  preview: PreviewSchema,
  shops: z.array(z.string()),
  /** Shops reinstated on appeal since: who, when, why. */
  reinstated: z.array(z.object({ shopId: z.string(), at: z.string(), by: z.string(), reason: z.string().nullable() })),
});
export type Shutdown = z.infer<typeof ShutdownSchema>;

export const ShutdownListItemSchema = ShutdownSchema.omit({
  excluded: true,
  preview: true,
  shops: true,
  reinstated: true,
  decisionNote: true,
  executionStartedAt: true,
});
export type ShutdownListItem = z.infer<typeof ShutdownListItemSchema>;

export const ShutdownPageSchema = pageOf(ShutdownListItemSchema);
export type ShutdownPage = z.infer<typeof ShutdownPageSchema>;
