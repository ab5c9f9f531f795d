import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  CaseAssignSchema,
  CaseIdSchema,
  CaseListQuerySchema,
  CaseMoveSchema,
  CaseNoteInputSchema,
  CasePriorityChangeSchema,
  CaseReferralSchema,
  type CaseReferral,
  type CaseAssign,
  type CaseListQuery,
  type CaseMove,
} from '@ringwatch/wire';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { openApiSchema } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { CasesService } from './cases.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(@Inject(CasesService) private readonly cases: CasesService) {}

  /** The inbox: `assignee=me` for my cases, `assignee=none` for the unassigned, `status=open` for all still worked on. */
  @Get()
  @RequirePermission('cases.read')
  list(@Query(new ZodPipe(CaseListQuerySchema)) query: CaseListQuery, @Actor() actor: Actor) {
    return this.cases.list(query, actor);
  }

  @Get(':id')
  @RequirePermission('cases.read')
  get(@Param('id', new ZodPipe(CaseIdSchema)) id: string, @Actor() actor: Actor) {
    return this.cases.get(id, actor);
  }

  @Post(':id/status')
  @HttpCode(200)
  @RequirePermission('cases.write')
  @ApiBody({ schema: openApiSchema(CaseMoveSchema) })
  move(@Param('id', new ZodPipe(CaseIdSchema)) id: string, @Body(new ZodPipe(CaseMoveSchema)) body: CaseMove, @Actor() actor: Actor) {
    return this.cases.move(id, body, actor);
  }

  /** The liaison records the referral to law enforcement (agency, their reference, date, contact). */
  @Post(':id/referral')
  @HttpCode(200)
  @RequirePermission('cases.refer')
  @ApiBody({ schema: openApiSchema(CaseReferralSchema) })
  refer(@Param('id', new ZodPipe(CaseIdSchema)) id: string, @Body(new ZodPipe(CaseReferralSchema)) body: CaseReferral, @Actor() actor: Actor) {
    return this.cases.refer(id, body, actor);
  }

  @Post(':id/assignee')
  @HttpCode(200)
  @RequirePermission('cases.write')
  @ApiBody({ schema: openApiSchema(CaseAssignSchema) })
  assign(@Param('id', new ZodPipe(CaseIdSchema)) id: string, @Body(new ZodPipe(CaseAssignSchema)) body: CaseAssign, @Actor() actor: Actor) {
    return this.cases.assign(id, body, actor);
  }

  @Post(':id/priority')
  @HttpCode(200)
  @RequirePermission('cases.write')
  @ApiBody({ schema: openApiSchema(CasePriorityChangeSchema) })
  prioritise(
    @Param('id', new ZodPipe(CaseIdSchema)) id: string,
    @Body(new ZodPipe(CasePriorityChangeSchema)) body: { priority: string },
    @Actor() actor: Actor,
  ) {
    return this.cases.prioritise(id, body.priority, actor);
  }

  @Post(':id/notes')
  @HttpCode(201)
  @RequirePermission('cases.write')
  @ApiBody({ schema: openApiSchema(CaseNoteInputSchema) })
  note(@Param('id', new ZodPipe(CaseIdSchema)) id: string, @Body(new ZodPipe(CaseNoteInputSchema)) body: { text: string }, @Actor() actor: Actor) {
    return this.cases.note(id, body.text, actor);
  }
}
