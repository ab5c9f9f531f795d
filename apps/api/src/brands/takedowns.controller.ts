import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AppealSchema,
  ReporterPageSchema,
  ReporterQuerySchema,
  ReviewDecisionSchema,
  ReviewQueuePageSchema,
  ReviewQueueQuerySchema,
  TakedownDecidedSchema,
  TakedownIdSchema,
  TakedownListQuerySchema,
  type Appeal,
  type ReporterQuery,
  type ReviewDecision,
  type ReviewQueueQuery,
  type TakedownListQuery,
} from '@ringwatch/wire';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { openApiSchema } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { TakedownsService } from './takedowns.service';

/** The good-faith fast lane's staff side: the reporters table, the review queue, decisions and appeals. */
@ApiTags('takedowns')
@ApiBearerAuth()
@Controller()
export class TakedownsController {
  constructor(@Inject(TakedownsService) private readonly takedowns: TakedownsService) {}

  @Get('reporters')
  @RequirePermission('reporters.read')
  @ApiOkResponse({ schema: openApiSchema(ReporterPageSchema) })
  reporters(@Query(new ZodPipe(ReporterQuerySchema)) query: ReporterQuery) {
    return this.takedowns.reporters(query.trusted === undefined ? undefined : query.trusted === 'true', query.skip, query.limit);
  }

  /** Reports waiting for an analyst, earliest due first, `overdue` past the review target. */
  @Get('takedowns/queue')
  @RequirePermission('takedowns.review')
  @ApiOkResponse({ schema: openApiSchema(ReviewQueuePageSchema) })
  queue(@Query(new ZodPipe(ReviewQueueQuerySchema)) query: ReviewQueueQuery) {
    return this.takedowns.queue(query.brand, query.skip, query.limit);
  }

  /** Takedowns by status, brand and reporter, newest first: `status=taken_down` lists those an appeal can reverse. */
  @Get('takedowns')
  @RequirePermission('reporters.read')
  @ApiOkResponse({ schema: openApiSchema(ReviewQueuePageSchema) })
  list(@Query(new ZodPipe(TakedownListQuerySchema)) query: TakedownListQuery) {
    return this.takedowns.list(query);
  }

  @Post('takedowns/:id/confirm')
  @HttpCode(200)
  @RequirePermission('takedowns.review')
  @ApiBody({ schema: openApiSchema(ReviewDecisionSchema) })
  @ApiOkResponse({ schema: openApiSchema(TakedownDecidedSchema) })
  confirm(@Param('id', new ZodPipe(TakedownIdSchema)) id: string, @Body(new ZodPipe(ReviewDecisionSchema)) body: ReviewDecision, @Actor() actor: Actor) {
    return this.takedowns.decide(id, 'confirmed', body.note, actor);
  }

  @Post('takedowns/:id/reject')
  @HttpCode(200)
  @RequirePermission('takedowns.review')
  @ApiBody({ schema: openApiSchema(ReviewDecisionSchema) })
  @ApiOkResponse({ schema: openApiSchema(TakedownDecidedSchema) })
  reject(@Param('id', new ZodPipe(TakedownIdSchema)) id: string, @Body(new ZodPipe(ReviewDecisionSchema)) body: ReviewDecision, @Actor() actor: Actor) {
    return this.takedowns.decide(id, 'rejected', body.note, actor);
  }

  /** A seller's appeal upheld, entered by staff: the takedown is reversed and the listing relisted. */
  @Post('takedowns/:id/appeal')
  @HttpCode(200)
  @RequirePermission('takedowns.appeal')
  @ApiBody({ schema: openApiSchema(AppealSchema) })
  @ApiOkResponse({ schema: openApiSchema(TakedownDecidedSchema) })
  appeal(@Param('id', new ZodPipe(TakedownIdSchema)) id: string, @Body(new ZodPipe(AppealSchema)) body: Appeal, @Actor() actor: Actor) {
    return this.takedowns.appeal(id, body.note, actor);
  }
}
