import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { AuthenticatedRequest } from '../auth/roles.guard';
import { Roles } from '../auth/roles';
import { ZodPipe } from '../common/zod.pipe';
import { ImportsService } from './imports.service';

const UploadQuerySchema = z.object({ file: z.string().min(5).max(200) }).strict();
const ImportIdSchema = z.string().uuid('import ids are UUIDs');

@ApiTags('imports')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('imports')
export class ImportsController {
  constructor(@Inject(ImportsService) private readonly imports: ImportsService) {}

  /** Streams one data file (raw body; `file` names its kind, e.g. shops.csv) to disk and starts loading it. */
  @Post()
  @HttpCode(202)
  upload(@Query(new ZodPipe(UploadQuerySchema)) query: { file: string }, @Req() request: AuthenticatedRequest) {
    return this.imports.upload(query.file, request, request.user!.sub);
  }

  @Get(':id')
  async get(@Param('id', new ZodPipe(ImportIdSchema)) id: string) {
    const record = await this.imports.get(id);
    if (!record) throw new NotFoundException(`import ${id} not found`);
    return { ...record, perFile: record.perFile ? (JSON.parse(record.perFile) as unknown) : null };
  }
}
