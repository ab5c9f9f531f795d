import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { SavedViewIdSchema, SavedViewInputSchema, type SavedViewInput } from '@ringwatch/wire';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { openApiSchema } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { SavedViewsService } from './saved-views.service';

/**
 * The caller's saved views of the inbox. Reading cases is enough to keep views of them: they are the
 * caller's own, so a liaison who follows cases may keep some too. Registered before CasesController,
 * so /cases/views is never taken for a case id.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/views')
export class SavedViewsController {
  constructor(@Inject(SavedViewsService) private readonly views: SavedViewsService) {}

  @Get()
  @RequirePermission('cases.read')
  list(@Actor() actor: Actor) {
    return this.views.list(actor);
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('cases.read')
  @ApiBody({ schema: openApiSchema(SavedViewInputSchema) })
  create(@Body(new ZodPipe(SavedViewInputSchema)) body: SavedViewInput, @Actor() actor: Actor) {
    return this.views.create(body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('cases.read')
  delete(@Param('id', new ZodPipe(SavedViewIdSchema)) id: string, @Actor() actor: Actor) {
    return this.views.delete(id, actor);
  }
}
