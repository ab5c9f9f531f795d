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
export const AuditQuerySchema = z.object({ action: z.string().max(64).optional(), actor: z.string().max(64).optional(), ...pageQuery(50) }).strict();
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
