import { z } from 'zod';
import { pageOf, pageQuery } from './page';
import { AlertSchema } from './alerts';
import { ClusterListItemSchema } from './clusters';

const CountsSchema = z.record(z.string(), z.number());

/** What changed overnight (the content of report.json, and of GET /reports/:id's `content`). */
export const ReportContentSchema = z.object({
  id: z.string(),
  generatedAt: z.string(),
  runId: z.string(),
  previousRunId: z.string().nullable(),
  since: z.string().nullable().meta({ description: 'events since this time (the previous completed report)' }),
  counts: CountsSchema,
  newClusters: z.array(ClusterListItemSchema),
  grown: z.array(ClusterListItemSchema),
  merged: z.array(ClusterListItemSchema),
  split: z.array(ClusterListItemSchema),
  newlyFlagged: z.array(ClusterListItemSchema),
  topByRisk: z.array(ClusterListItemSchema),
  shutdownsExecuted: z.array(
    z.object({
      id: z.string(),
      clusterId: z.string(),
      executedAt: z.string(),
      shops: z.number(),
      listings: z.number(),
      proposedBy: z.string(),
      approvedBy: z.string(),
    }),
  ),
  recidivismAlerts: z.array(AlertSchema.pick({ id: true, shopId: true, raisedAt: true, via: true, formerShops: true }).extend({ status: z.string() })),
});
export type ReportContent = z.infer<typeof ReportContentSchema>;

/** A nightly report run, with its counts once it completed. */
export const ReportSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'completed', 'failed']),
  trigger: z.string().meta({ example: 'schedule' }),
  attempt: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  runId: z.string().nullable(),
  previousRunId: z.string().nullable(),
  summary: CountsSchema.nullable(),
  files: z.array(z.string()).nullable(),
  content: ReportContentSchema.nullable().meta({ description: 'null while running, after a failure, or when the files are gone' }),
});
export type Report = z.infer<typeof ReportSchema>;

export const ReportListItemSchema = ReportSchema.omit({ previousRunId: true, files: true, content: true });
export type ReportListItem = z.infer<typeof ReportListItemSchema>;

export const ReportPageSchema = pageOf(ReportListItemSchema);
export type ReportPage = z.infer<typeof ReportPageSchema>;

/** `GET /reports`, paged. */
export const ReportListQuerySchema = z.object(pageQuery(30)).strict();
export type ReportListQuery = z.infer<typeof ReportListQuerySchema>;

export const ReportIdSchema = z.string().uuid('report ids are UUIDs');
