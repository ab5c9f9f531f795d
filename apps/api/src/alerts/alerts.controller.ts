import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AcknowledgeSchema, AlertIdSchema, AlertListQuerySchema, type Acknowledge, type AlertListQuery } from '@ringwatch/wire';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { openApiSchema } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { AlertsService } from './alerts.service';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(@Inject(AlertsService) private readonly alerts: AlertsService) {}

  @Get()
  @RequirePermission('alerts.read')
  list(@Query(new ZodPipe(AlertListQuerySchema)) query: AlertListQuery, @Actor() actor: Actor) {
    return this.alerts.list(query.status, query.skip, query.limit, actor);
  }

  @Post(':id/acknowledge')
  @RequirePermission('alerts.acknowledge')
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(AcknowledgeSchema) })
  acknowledge(@Param('id', new ZodPipe(AlertIdSchema)) id: string, @Body(new ZodPipe(AcknowledgeSchema)) body: Acknowledge, @Actor() actor: Actor) {
    return this.alerts.acknowledge(id, body.note, actor);
  }
}
