import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditExportQuerySchema, AuditQuerySchema, type AuditExportQuery, type AuditQuery } from '@ringwatch/wire';
import type { Response } from 'express';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { csvCell } from '../common/csv';
import { ZodPipe } from '../common/zod.pipe';
import { AuditRepository } from './audit.repository';

const COLUMNS = ['at', 'actor', 'action', 'target', 'before', 'after', 'requestId', 'id'] as const;

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

  /**
   * The whole trail the filters select as CSV, newest first, streamed page by page (the console's table holds
   * only a page). Taking a copy of the trail out is itself recorded, with the filters and the row count.
   */
  @Get('export.csv')
  @ApiProduces('text/csv')
  async export(@Query(new ZodPipe(AuditExportQuerySchema)) query: AuditExportQuery, @Actor() actor: Actor, @Res() res: Response) {
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.setHeader('cache-control', 'no-store');
    res.write(`${COLUMNS.join(',')}\n`);
    let rows = 0;
    try {
      for await (const page of this.audit.all(query)) {
        res.write(page.map((e) => `${COLUMNS.map((c) => csvCell(e[c])).join(',')}\n`).join(''));
        rows += page.length;
      }
    } catch (error) {
      // Headers are gone: a cut-off body is the only honest signal left, never a file that looks whole.
      res.destroy(error as Error);
      return;
    }
    res.end();
    await this.audit.append({
      actor: actor.name,
      action: 'audit.export',
      target: 'audit',
      before: null,
      after: { ...query, rows },
      requestId: actor.requestId,
    });
  }
}
