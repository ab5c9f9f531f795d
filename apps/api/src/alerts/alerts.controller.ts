import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { openApiSchema } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { AlertsService } from './alerts.service';

const AlertListQuerySchema = z
  .object({
    status: z.enum(['open', 'acknowledged']).optional(),
    skip: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
const AlertIdSchema = z.string().uuid('alert ids are UUIDs');
const AcknowledgeSchema = z
  .object({ note: z.string().trim().max(2000).optional().meta({ example: 'Same payout account as C000042; proposing a shutdown' }) })
  .strict()
  .default({});

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(@Inject(AlertsService) private readonly alerts: AlertsService) {}

  @Get()
  @RequirePermission('alerts.read')
  list(@Query(new ZodPipe(AlertListQuerySchema)) query: z.infer<typeof AlertListQuerySchema>) {
    return this.alerts.list(query.status, query.skip, query.limit);
  }

  @Post(':id/acknowledge')
  @RequirePermission('alerts.acknowledge')
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(AcknowledgeSchema) })
  acknowledge(@Param('id', new ZodPipe(AlertIdSchema)) id: string, @Body(new ZodPipe(AcknowledgeSchema)) body: { note?: string }, @Actor() actor: Actor) {
    return this.alerts.acknowledge(id, body.note, actor);
  }
}
