import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditQuerySchema, type AuditQuery } from '@ringwatch/wire';
import { RequirePermission } from '../auth/roles';
import { ZodPipe } from '../common/zod.pipe';
import { AuditRepository } from './audit.repository';

/** Read-only: the audit trail has no endpoint that changes or deletes an event. */
@ApiTags('audit')
@ApiBearerAuth()
@RequirePermission('audit.read')
@Controller('audit')
export class AuditController {
  constructor(@Inject(AuditRepository) private readonly audit: AuditRepository) {}

  @Get()
  list(@Query(new ZodPipe(AuditQuerySchema)) query: AuditQuery) {
    return this.audit.list(query);
  }
}
