import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequirePermission } from '../auth/roles';
import { ZodPipe } from '../common/zod.pipe';
import { AuditRepository } from './audit.repository';

const AuditQuerySchema = z
  .object({
    action: z.string().max(64).optional(),
    actor: z.string().max(64).optional(),
    skip: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

/** Read-only: the audit trail has no endpoint that changes or deletes an event. */
@ApiTags('audit')
@ApiBearerAuth()
@RequirePermission('audit.read')
@Controller('audit')
export class AuditController {
  constructor(@Inject(AuditRepository) private readonly audit: AuditRepository) {}

  @Get()
  list(@Query(new ZodPipe(AuditQuerySchema)) query: z.infer<typeof AuditQuerySchema>) {
    return this.audit.list(query);
  }
}
