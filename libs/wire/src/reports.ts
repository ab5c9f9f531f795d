import { z } from 'zod';
import { pageOf, pageQuery } from './page';
import { AlertSchema } from './alerts';
import { ClusterListItemSchema } from './clusters';

const CountsSchema = z.record(z.string(), z.number());

/**
 * The sections of a nightly report, in the order it shows them, with their human titles: first what
 * needs a person (the to-do groups), then what changed in the networks. One place for the titles: the
 * HTML, the CSV's `section` column, the plain-text summary and the explorer read them from here.
 */
export const REPORT_TODO_SECTIONS = {
  newCases: 'New flagged networks, unassigned',
  riskRises: 'Cases whose risk rose',
  reopened: 'Re-opened cases',
  proposals: 'Shutdown proposals waiting for a decision',
  alerts: 'Recidivism and regrowth alerts',
  brandVerdicts: 'Brand verdicts',
  reinstatements: 'Reinstatements',
} as const;
export type ReportTodoSection = keyof typeof REPORT_TODO_SECTIONS;

export const REPORT_CHANGE_SECTIONS = {
  newlyFlagged: 'Newly flagged networks',
  newClusters: 'New networks',
  grown: 'Grown networks',
  merged: 'Merged networks',
  split: 'Split networks',
  shutdownsExecuted: 'Shutdowns executed',
  topByRisk: 'Top networks by risk',
} as const;
export type ReportChangeSection = keyof typeof REPORT_CHANGE_SECTIONS;

/** The counts a report keeps (its `counts`, and the `summary` of the report list), with their labels. */
export const REPORT_COUNT_LABELS: Readonly<Record<string, string>> = {
  clusters: 'Networks found',
  flagged: 'Flagged networks',
  ...REPORT_TODO_SECTIONS,
  ...REPORT_CHANGE_SECTIONS,
};

const CaseRef = {
  caseId: z.string(),
  clusterId: z.string(),
};

/** The to-do groups: what needs a person this morning. */
export const ReportTodoSchema = z.object({
  newCases: z.array(
    z.object({
      ...CaseRef,
      risk: z.number(),
      size: z.number(),
      brands: z.array(z.string()),
      priority: z.string(),
      openedAt: z.string(),
    }),
  ),
  riskRises: z.array(
    z.object({
      ...CaseRef,
      status: z.string(),
      statusLabel: z.string(),
      assignee: z.string().nullable(),
      riskBefore: z.number(),
      risk: z.number(),
      factors: z
        .array(z.object({ name: z.string(), label: z.string(), pointsBefore: z.number(), points: z.number(), explanation: z.string() }))
        .meta({ description: 'the risk factors that changed between the two runs, the largest rise first' }),
      because: z.array(z.string()).meta({ description: 'what happened that explains it, where known (brand verdicts, shops that joined)' }),
    }),
  ),
  reopened: z.array(z.object({ ...CaseRef, status: z.string(), statusLabel: z.string(), risk: z.number(), reason: z.string(), at: z.string() })),
  proposals: z.array(
    z.object({
      shutdownId: z.string(),
      clusterId: z.string(),
      caseId: z.string().nullable(),
      proposedBy: z.string(),
      proposedAt: z.string(),
      reason: z.string(),
      shops: z.number(),
      waitingHours: z.number().meta({ description: 'hours since it was proposed, at the time of the report' }),
    }),
  ),
  alerts: z.array(
    AlertSchema.pick({ id: true, shopId: true, raisedAt: true, via: true, formerShops: true }).extend({
      kind: z.enum(['recidivism', 'regrowth']),
      status: z.string(),
      caseId: z.string().nullable(),
    }),
  ),
  brandVerdicts: z.array(
    z.object({
      brand: z.string(),
      total: z.number(),
      verdicts: z.array(z.object({ verdict: z.string(), label: z.string(), count: z.number() })),
      clusters: z.array(z.string()).meta({ description: "the networks of this run whose shops' listings the verdicts are about" }),
    }),
  ),
  reinstatements: z.array(z.object({ shopId: z.string(), shopName: z.string().nullable(), by: z.string(), reason: z.string().nullable(), at: z.string() })),
});
export type ReportTodo = z.infer<typeof ReportTodoSchema>;

/** How many things a to-do group holds (brand verdicts count verdicts, not brands). */
export const reportTodoCount = (todo: ReportTodo, section: ReportTodoSection): number =>
  section === 'brandVerdicts' ? todo.brandVerdicts.reduce((n, b) => n + b.total, 0) : todo[section].length;

/** How long a proposal has waited, in words. */
export function waitedFor(hours: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (hours < 1) return 'less than an hour';
  if (hours < 48) return plural(Math.floor(hours), 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

/** What needs doing and what changed overnight (the content of report.json, and of GET /reports/:id's `content`). */
export const ReportContentSchema = z.object({
  id: z.string(),
  generatedAt: z.string(),
  runId: z.string(),
  previousRunId: z.string().nullable(),
  since: z.string().nullable().meta({ description: 'events since this time (the previous completed report)' }),
  counts: CountsSchema.meta({ description: 'machine keys; their labels are in countLabels' }),
  countLabels: z.record(z.string(), z.string()),
  todo: ReportTodoSchema,
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
