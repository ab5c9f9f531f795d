import { z } from 'zod';
import { pageOf, pageQuery } from './page';

/** A reporter's (or a brand's) standing in the good-faith fast lane (the rule: libs/good-faith). */
export const StandingSchema = z.object({
  decided: z.number(),
  against: z.number(),
  takenDown: z.number(),
  appealed: z.number(),
  pending: z.number(),
  accuracy: z.number().nullable(),
  appealRate: z.number(),
  trusted: z.boolean(),
  reason: z.string(),
});
export type StandingView = z.infer<typeof StandingSchema>;

/** One row of the reporters table: a reporter, the brands it reported for, its standing. */
export const ReporterSchema = StandingSchema.extend({ reporter: z.string(), brands: z.array(z.string()) });
export type Reporter = z.infer<typeof ReporterSchema>;
export const ReporterPageSchema = pageOf(ReporterSchema);
export type ReporterPage = z.infer<typeof ReporterPageSchema>;
export const ReporterQuerySchema = z.object({ trusted: z.enum(['true', 'false']).optional(), ...pageQuery(50) }).strict();
export type ReporterQuery = z.infer<typeof ReporterQuerySchema>;

/** `GET /brands/:brand/standing`: the brand's standing over all its reporters, and reporters' own (a brand owner: only its own). */
export const BrandStandingSchema = z.object({ brand: z.string(), standing: StandingSchema, reporters: z.array(ReporterSchema) });
export type BrandStanding = z.infer<typeof BrandStandingSchema>;

/** `GET /brands`: the brands known to the system, as spelled in the data. */
export const BrandListSchema = z.object({ brands: z.array(z.string()) });
export type BrandList = z.infer<typeof BrandListSchema>;

export const TAKEDOWN_STATUSES = ['pending', 'taken_down', 'rejected', 'reversed'] as const;
export const TakedownIdSchema = z.string().uuid();

/** What a counterfeit verdict set going: the lane it took, and where it stands. */
export const TakedownSchema = z.object({
  id: z.string(),
  listingId: z.string(),
  brand: z.string(),
  reporter: z.string(),
  lane: z.enum(['fast', 'review']),
  sampled: z.boolean(),
  status: z.enum(TAKEDOWN_STATUSES),
  review: z.string().nullable(),
  requestedAt: z.string(),
  dueAt: z.string().nullable(),
});
export type Takedown = z.infer<typeof TakedownSchema>;

/** The listing a takedown or report is about, as staff and its reporter see it: no personal data (shops are not people). */
const LISTING_SHOWN = {
  title: z.string().nullable(),
  price: z.number().nullable(),
  currency: z.string().nullable(),
  listingStatus: z.string().nullable(),
  shopId: z.string().nullable(),
  shopName: z.string().nullable(),
};

/** A row of the analysts' review queue, oldest due first. */
export const QueuedTakedownSchema = TakedownSchema.extend({ overdue: z.boolean(), ...LISTING_SHOWN });
export type QueuedTakedown = z.infer<typeof QueuedTakedownSchema>;
export const ReviewQueuePageSchema = pageOf(QueuedTakedownSchema);
export type ReviewQueuePage = z.infer<typeof ReviewQueuePageSchema>;
export const ReviewQueueQuerySchema = z.object({ brand: z.string().max(100).optional(), ...pageQuery(50) }).strict();
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuerySchema>;

/** An analyst's decision on a queued report; a reason is required to reject. */
export const ReviewDecisionSchema = z.object({ note: z.string().trim().max(2000).optional() }).strict();
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

/** A seller's appeal, entered by staff: why the takedown was wrong. */
export const AppealSchema = z
  .object({
    note: z.string().trim().min(3, 'say why the appeal is upheld').max(2000).meta({ example: 'Seller showed the invoice from the brand distributor' }),
  })
  .strict();
export type Appeal = z.infer<typeof AppealSchema>;

/** The state of a takedown after a decision or an appeal. */
export const TakedownDecidedSchema = z.object({
  id: z.string(),
  status: z.enum(TAKEDOWN_STATUSES),
  review: z.string().nullable(),
  relisted: z.boolean(),
  delisted: z.boolean(),
});
export type TakedownDecided = z.infer<typeof TakedownDecidedSchema>;

/** `GET /takedowns`: takedowns by status (e.g. `taken_down`: those an appeal can reverse), brand or reporter. */
export const TakedownListQuerySchema = z
  .object({
    status: z.enum(TAKEDOWN_STATUSES).optional(),
    brand: z.string().max(100).optional(),
    reporter: z.string().max(100).optional(),
    ...pageQuery(50),
  })
  .strict();
export type TakedownListQuery = z.infer<typeof TakedownListQuerySchema>;

/** A brand report (verdict) with what came of it: the takedown it set going, and whether that counts against accuracy. */
export const ReportOutcomeSchema = z.object({
  id: z.string(),
  listingId: z.string().nullable(),
  ...LISTING_SHOWN,
  reporter: z.string().nullable(),
  verdict: z.string(),
  note: z.string().nullable(),
  reportedAt: z.string().nullable(),
  takedown: z
    .object({
      id: z.string(),
      lane: z.enum(['fast', 'review']),
      sampled: z.boolean(),
      status: z.enum(TAKEDOWN_STATUSES),
      review: z.string().nullable(),
      requestedAt: z.string(),
      decidedAt: z.string().nullable(),
      countsAgainst: z.boolean(),
    })
    .nullable(),
});
export type ReportOutcome = z.infer<typeof ReportOutcomeSchema>;
export const ReportOutcomePageSchema = pageOf(ReportOutcomeSchema);
export type ReportOutcomePage = z.infer<typeof ReportOutcomePageSchema>;
