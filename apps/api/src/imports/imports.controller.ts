import { Controller, Delete, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ImportIdSchema, UploadQuerySchema, type UploadQuery } from '@ringwatch/wire';
import { assertPermission } from '../auth/roles.guard';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { ZodPipe } from '../common/zod.pipe';
import { BulkImportsService } from './bulk-imports.service';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(
    @Inject(ImportsService) private readonly imports: ImportsService,
    @Inject(BulkImportsService) private readonly bulk: BulkImportsService,
  ) {}

  /**
   * Streams one data file (raw body; `file` names its kind, e.g. shops.csv) to disk and starts loading it
   * (202 with the import id); with `bulk=true` (imports.bulk) stages it for a bulk first load instead (201
   * with what is staged).
   */
  @Post()
  @RequirePermission('imports.write')
  @HttpCode(202)
  upload(
    @Query(new ZodPipe(UploadQuerySchema)) query: UploadQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Actor() actor: Actor,
  ) {
    if (!query.bulk) return this.imports.upload(query.file, request, actor.name);
    assertPermission(actor.roles, 'imports.bulk');
    response.status(201);
    return this.bulk.stage(query.file, request);
  }

  /** The files staged for a bulk first load, and the bulk load running, if any. Declared before :id, which would take "bulk". */
  @Get('bulk')
  @RequirePermission('imports.bulk')
  staging() {
    return this.bulk.staging();
  }

  /** Deletes the staged files (they are raw uploads: card and bank numbers). */
  @Delete('bulk')
  @RequirePermission('imports.bulk')
  discard(@Actor() actor: Actor) {
    return this.bulk.discard(actor.name);
  }

  /** Starts the bulk first load of the staged files into an empty database (409 otherwise); followed with GET /imports/:id. */
  @Post('bulk')
  @RequirePermission('imports.bulk')
  @HttpCode(202)
  startBulk(@Actor() actor: Actor) {
    return this.bulk.start(actor.name);
  }

  @Get(':id')
  @RequirePermission('imports.read')
  async get(@Param('id', new ZodPipe(ImportIdSchema)) id: string) {
    const record = await this.imports.get(id);
    if (!record) throw new NotFoundException(`import ${id} not found`);
    return { ...record, perFile: record.perFile ? (JSON.parse(record.perFile) as unknown) : null };
  }
}
