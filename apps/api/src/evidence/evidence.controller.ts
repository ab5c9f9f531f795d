import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequirePermission } from '../auth/roles';
import { ZodPipe } from '../common/zod.pipe';
import { EvidenceService } from './evidence.service';

const EvidenceQuerySchema = z
  .object({
    shops: z
      .string()
      .transform((v) => [
        ...new Set(
          v
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        ),
      ])
      .pipe(
        z
          .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'shop ids are 1-64 letters, digits or _.:-'))
          .min(2, 'name at least two shops')
          .max(50, 'name at most 50 shops'),
      ),
  })
  .strict();

@ApiTags('evidence')
@ApiBearerAuth()
@RequirePermission('evidence.read')
@Controller('evidence')
export class EvidenceController {
  constructor(@Inject(EvidenceService) private readonly evidence: EvidenceService) {}

  /** What two or more shops share, with the weight each identifier carries in detection. */
  @Get()
  between(@Query(new ZodPipe(EvidenceQuerySchema)) query: z.infer<typeof EvidenceQuerySchema>) {
    return this.evidence.between(query.shops);
  }
}
