import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { openApiSchema } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import {
  DecisionSchema,
  ProposeShutdownSchema,
  ShutdownIdSchema,
  ShutdownListQuerySchema,
  ShutdownPageSchema,
  ShutdownSchema,
  type Decision,
  type ProposeShutdown,
  type ShutdownListQuery,
} from '@ringwatch/wire';
import { ShutdownsService } from './shutdowns.service';

@ApiTags('shutdowns')
@ApiBearerAuth()
@Controller('shutdowns')
export class ShutdownsController {
  constructor(@Inject(ShutdownsService) private readonly shutdowns: ShutdownsService) {}

  @Post()
  @RequirePermission('shutdown.propose')
  @ApiBody({ schema: openApiSchema(ProposeShutdownSchema) })
  @ApiCreatedResponse({ schema: openApiSchema(ShutdownSchema) })
  propose(@Body(new ZodPipe(ProposeShutdownSchema)) body: ProposeShutdown, @Actor() actor: Actor) {
    return this.shutdowns.propose(body, actor);
  }

  @Get()
  @RequirePermission('shutdowns.read')
  @ApiOkResponse({ schema: openApiSchema(ShutdownPageSchema) })
  list(@Query(new ZodPipe(ShutdownListQuerySchema)) query: ShutdownListQuery) {
    return this.shutdowns.list(query);
  }

  @Get(':id')
  @RequirePermission('shutdowns.read')
  @ApiOkResponse({ schema: openApiSchema(ShutdownSchema) })
  get(@Param('id', new ZodPipe(ShutdownIdSchema)) id: string) {
    return this.shutdowns.get(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('shutdown.decide')
  @ApiBody({ schema: openApiSchema(DecisionSchema) })
  @ApiOkResponse({ schema: openApiSchema(ShutdownSchema) })
  approve(@Param('id', new ZodPipe(ShutdownIdSchema)) id: string, @Body(new ZodPipe(DecisionSchema)) body: Decision, @Actor() actor: Actor) {
    return this.shutdowns.decide(id, 'approved', body.note, actor);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission('shutdown.decide')
  @ApiBody({ schema: openApiSchema(DecisionSchema) })
  @ApiOkResponse({ schema: openApiSchema(ShutdownSchema) })
  reject(@Param('id', new ZodPipe(ShutdownIdSchema)) id: string, @Body(new ZodPipe(DecisionSchema)) body: Decision, @Actor() actor: Actor) {
    return this.shutdowns.decide(id, 'rejected', body.note, actor);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @RequirePermission('shutdown.resume')
  @ApiOkResponse({ schema: openApiSchema(ShutdownSchema) })
  resume(@Param('id', new ZodPipe(ShutdownIdSchema)) id: string, @Actor() actor: Actor) {
    return this.shutdowns.resume(id, actor);
  }
}
