import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EvidenceQuerySchema, type EvidenceQuery } from '@ringwatch/wire';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { ZodPipe } from '../common/zod.pipe';
import { EvidenceService } from './evidence.service';

@ApiTags('evidence')
@ApiBearerAuth()
@RequirePermission('evidence.read')
@Controller('evidence')
export class EvidenceController {
  constructor(@Inject(EvidenceService) private readonly evidence: EvidenceService) {}

  /** What two or more shops share, with the weight each identifier carries in detection. */
  @Get()
  between(@Query(new ZodPipe(EvidenceQuerySchema)) query: EvidenceQuery, @Actor() actor: Actor) {
    return this.evidence.between(query.shops, actor);
  }
}
