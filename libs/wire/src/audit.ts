import { z } from 'zod';
import { pageOf, pageQuery } from './page';

/** One audit event; `before` and `after` are JSON text as recorded. */
export const AuditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string().meta({ example: 'shutdown.approve' }),
  target: z.string().meta({ example: 'shop:S0001234' }),
  before: z.string().nullable(),
  after: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditPageSchema = pageOf(AuditEventSchema);
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** `GET /audit`: by action and actor, paged. */
/** The audit trail's filters: action and actor exact, target by a part of it, time from a day (inclusive) to a day (inclusive, UTC). */
export const AuditQuerySchema = z
  .object({
    action: z.string().max(64).optional(),
    actor: z.string().max(64).optional(),
    target: z.string().min(1).max(200).optional().meta({ description: 'a part of the target, e.g. "user:" or a case id' }),
    from: z.iso.date().optional().meta({ description: 'first day (UTC), YYYY-MM-DD' }),
    to: z.iso.date().optional().meta({ description: 'last day (UTC), YYYY-MM-DD, inclusive' }),
    ...pageQuery(50),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** `GET /audit/export.csv`: the same filters, the whole trail they select (no paging). */
export const AuditExportQuerySchema = AuditQuerySchema.omit({ skip: true, limit: true });
export type AuditExportQuery = z.infer<typeof AuditExportQuerySchema>;
