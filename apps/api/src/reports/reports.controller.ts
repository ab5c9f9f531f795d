import { ConflictException, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { ReportIdSchema, ReportListQuerySchema, type ReportListQuery } from '@ringwatch/wire';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { ZodPipe } from '../common/zod.pipe';
import { REPORT_FILES, ReportsService, type ReportFile } from './reports.service';

const FileSchema = z.enum(REPORT_FILES);
const CONTENT_TYPES: Record<ReportFile, string> = {
  'report.json': 'application/json',
  'report.html': 'text/html; charset=utf-8',
  'clusters.csv': 'text/csv; charset=utf-8',
  'summary.txt': 'text/plain; charset=utf-8',
};

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(@Inject(ReportsService) private readonly reports: ReportsService) {}

  @Get()
  @RequirePermission('reports.read')
  list(@Query(new ZodPipe(ReportListQuerySchema)) page: ReportListQuery) {
    return this.reports.list(page.skip, page.limit);
  }

  @Get(':id')
  @RequirePermission('reports.read')
  get(@Param('id', new ZodPipe(ReportIdSchema)) id: string, @Actor() actor: Actor) {
    return this.reports.get(id, actor);
  }

  @Get(':id/:file')
  @RequirePermission('reports.read')
  async file(
    @Param('id', new ZodPipe(ReportIdSchema)) id: string,
    @Param('file', new ZodPipe(FileSchema)) file: ReportFile,
    @Actor() actor: Actor,
    @Res() res: Response,
  ) {
    const found = await this.reports.file(id, file, actor);
    res.setHeader('content-type', CONTENT_TYPES[file]);
    // The HTML is a document to read, never a page that runs: no script, no frames.
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    if ('path' in found) res.sendFile(found.path);
    else res.send(found.body);
  }

  /** Runs the nightly report now (it runs detection first); 409 while one is running here. */
  @Post()
  @HttpCode(202)
  @RequirePermission('reports.run')
  run(@Actor() actor: Actor) {
    if (this.reports.isRunning()) throw new ConflictException('a report is already running');
    void this.reports.nightly('manual', 1, actor.name);
    return { status: 'started' };
  }
}
