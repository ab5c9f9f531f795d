import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ImportIdSchema, UploadQuerySchema, type UploadQuery } from '@ringwatch/wire';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { ZodPipe } from '../common/zod.pipe';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(@Inject(ImportsService) private readonly imports: ImportsService) {}

  /** Streams one data file (raw body; `file` names its kind, e.g. shops.csv) to disk and starts loading it. */
  @Post()
  @RequirePermission('imports.write')
  @HttpCode(202)
  upload(@Query(new ZodPipe(UploadQuerySchema)) query: UploadQuery, @Req() request: Request, @Actor() actor: Actor) {
    return this.imports.upload(query.file, request, actor.name);
  }

  @Get(':id')
  @RequirePermission('imports.read')
  async get(@Param('id', new ZodPipe(ImportIdSchema)) id: string) {
    const record = await this.imports.get(id);
    if (!record) throw new NotFoundException(`import ${id} not found`);
    return { ...record, perFile: record.perFile ? (JSON.parse(record.perFile) as unknown) : null };
  }
}
