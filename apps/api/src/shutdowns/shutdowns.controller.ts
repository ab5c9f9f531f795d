import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../auth/roles.guard';
import { Roles } from '../auth/roles';
import { actorOf } from '../common/actor';
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
} from './shutdowns.dto';
import { ShutdownsService } from './shutdowns.service';

@ApiTags('shutdowns')
@ApiBearerAuth()
@Controller('shutdowns')
export class ShutdownsController {
  constructor(@Inject(ShutdownsService) private readonly shutdowns: ShutdownsService) {}

  @Post()
  @Roles('analyst', 'supervisor')
  @ApiBody({ schema: openApiSchema(ProposeShutdownSchema) })
  @ApiCreatedResponse({ schema: openApiSchema(ShutdownSchema) })
  propose(@Body(new ZodPipe(ProposeShutdownSchema)) body: ProposeShutdown, @Req() request: AuthenticatedRequest) {
    return this.shutdowns.propose(body, actorOf(request));
  }

  @Get()
  @Roles('analyst', 'supervisor', 'admin')
  @ApiOkResponse({ schema: openApiSchema(ShutdownPageSchema) })
  list(@Query(new ZodPipe(ShutdownListQuerySchema)) query: ShutdownListQuery) {
    return this.shutdowns.list(query);
  }

  @Get(':id')
  @Roles('analyst', 'supervisor', 'admin')
  @ApiOkResponse({ schema: openApiSchema(ShutdownSchema) })
  get(@Param('id', new ZodPipe(ShutdownIdSchema)) id: string) {
    return this.shutdowns.get(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiBody({ schema: openApiSchema(DecisionSchema) })
  @ApiOkResponse({ schema: openApiSchema(ShutdownSchema) })
  approve(@Param('id', new ZodPipe(ShutdownIdSchema)) id: string, @Body(new ZodPipe(DecisionSchema)) body: Decision, @Req() request: AuthenticatedRequest) {
    return this.shutdowns.decide(id, 'approved', body.note, actorOf(request));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiBody({ schema: openApiSchema(DecisionSchema) })
  @ApiOkResponse({ schema: openApiSchema(ShutdownSchema) })
  reject(@Param('id', new ZodPipe(ShutdownIdSchema)) id: string, @Body(new ZodPipe(DecisionSchema)) body: Decision, @Req() request: AuthenticatedRequest) {
    return this.shutdowns.decide(id, 'rejected', body.note, actorOf(request));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ schema: openApiSchema(ShutdownSchema) })
  resume(@Param('id', new ZodPipe(ShutdownIdSchema)) id: string, @Req() request: AuthenticatedRequest) {
    return this.shutdowns.resume(id, actorOf(request));
  }
}
