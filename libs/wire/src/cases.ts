import { CASE_STATUSES } from '@ringwatch/cases';
import { z } from 'zod';
import { pageOf, pageQuery } from './page';

export const CaseIdSchema = z.string().regex(/^K\d{6,}$/, 'case ids look like K000042');
export const CASE_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export const CasePrioritySchema = z.enum(CASE_PRIORITIES);

export const CaseSummarySchema = z.object({
  id: z.string(),
  clusterId: z.string(),
  status: CaseStatusSchema,
  priority: CasePrioritySchema,
  assignee: z.string().nullable(),
  risk: z.number(),
  size: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  statusReason: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export const CasePageSchema = pageOf(CaseSummarySchema);
export type CasePage = z.infer<typeof CasePageSchema>;

export const CaseNoteSchema = z.object({ id: z.string(), author: z.string(), at: z.string(), text: z.string(), mentions: z.array(z.string()) });
export type CaseNote = z.infer<typeof CaseNoteSchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({
  members: z.array(z.string()),
  agency: z.string().nullable(),
  reference: z.string().nullable(),
  /** The referral as the liaison recorded it: the agency's date, who recorded it and when; the contact is withheld from redacted views. */
  referralDate: z.string().nullable(),
  referralContact: z.string().nullable(),
  referredBy: z.string().nullable(),
  referredAt: z.string().nullable(),
  lastRunId: z.string().nullable(),
  mergedInto: z.string().nullable(),
  splitFrom: z.string().nullable(),
  splitInto: z.array(z.string()),
  absorbed: z.array(z.string()),
  notes: z.array(CaseNoteSchema),
  events: z.array(z.object({ type: z.string(), actor: z.string(), at: z.string(), detail: z.string().nullable(), runId: z.string().nullable() })),
  shutdowns: z.array(z.object({ id: z.string(), status: z.string(), shopsTotal: z.number(), shopsDone: z.number() })),
  alerts: z.array(z.object({ id: z.string(), kind: z.string(), shopId: z.string(), status: z.string(), raisedAt: z.string(), via: z.array(z.string()) })),
  /** Dossiers exported of its network, newest first: who, when, which format, redacted or not, and the SHA-256 of what left. */
  dossiers: z.array(
    z.object({ actor: z.string(), at: z.string(), format: z.string(), redacted: z.boolean(), runId: z.string().nullable(), sha256: z.string().nullable() }),
  ),
  /** Where a person may move it now. */
  moves: z.array(CaseStatusSchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

/** What the inbox filters on: the query of `GET /cases` without paging, and what a saved view keeps. */
const caseFilterFields = {
  status: z
    .union([CaseStatusSchema, z.literal('open')])
    .optional()
    .meta({ description: 'a status, or "open" for every case still being worked on' }),
  assignee: z.string().max(64).optional().meta({ description: '"me" (the caller), "none" (unassigned) or a username' }),
  priority: CasePrioritySchema.optional(),
  minRisk: z.coerce.number().min(0).max(100).optional(),
  brand: z.string().max(200).optional(),
  changedSince: z.iso.datetime({ offset: true }).optional(),
};
export const CaseFilterSchema = z.object(caseFilterFields).strict();
export type CaseFilter = z.infer<typeof CaseFilterSchema>;

/** `GET /cases`: the inbox. `assignee=me` is the caller; `assignee=none`, the unassigned. */
export const CaseListQuerySchema = z.object({ ...caseFilterFields, ...pageQuery(50) }).strict();
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

/** How many views one person may keep: enough for every way of slicing a team's work, few enough to pick from. */
export const SAVED_VIEWS_PER_USER = 20;

/** A saved view: a named inbox filter of one person (`assignee: "me"` stays the person who opens it). */
export const SavedViewSchema = z.object({ id: z.string(), name: z.string(), filter: CaseFilterSchema, createdAt: z.string() });
export type SavedView = z.infer<typeof SavedViewSchema>;
export const SavedViewListSchema = z.object({ items: z.array(SavedViewSchema), max: z.number() });
export type SavedViewList = z.infer<typeof SavedViewListSchema>;
export const SavedViewIdSchema = z.uuid();
export const SavedViewInputSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    filter: CaseFilterSchema,
  })
  .strict();
export type SavedViewInput = z.infer<typeof SavedViewInputSchema>;

export const CaseMoveSchema = z
  .object({
    to: CaseStatusSchema,
    reason: z.string().trim().min(3).max(2000).optional(),
    agency: z.string().trim().min(2).max(200).optional(),
    reference: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type CaseMove = z.infer<typeof CaseMoveSchema>;

/** A referral to law enforcement as the liaison records it. */
export const CaseReferralSchema = z
  .object({
    agency: z.string().trim().min(2).max(200),
    reference: z.string().trim().min(1).max(200),
    /** The day the referral was made (the agency's date), not when it is recorded. */
    date: z.iso.date(),
    /** Who at the agency: name, and phone or email as they gave it. */
    contact: z.string().trim().min(2).max(300),
  })
  .strict();
export type CaseReferral = z.infer<typeof CaseReferralSchema>;

export const CaseAssignSchema = z
  .object({
    assignee: z.string().max(64).nullable(),
    /** The assignee the caller saw (null: unassigned); the change is refused (409) if it moved on meanwhile. */
    expected: z.string().max(64).nullable().optional(),
  })
  .strict();
export type CaseAssign = z.infer<typeof CaseAssignSchema>;

export const CasePriorityChangeSchema = z.object({ priority: CasePrioritySchema }).strict();
export const CaseNoteInputSchema = z.object({ text: z.string().trim().min(1).max(10_000) }).strict();
