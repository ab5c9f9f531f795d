import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/roles';
import { openApiSchema } from '../common/openapi';
import { HealthReadySchema, HealthReportSchema, type HealthReady, type HealthReport } from '@ringwatch/wire';
import { WarmUp } from '../common/warm-up';
import { HealthService } from './health.service';

/** Public by design: load balancers and the run command probe it without credentials. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthService) private readonly health: HealthService,
    @Inject(WarmUp) private readonly warmUp: WarmUp,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ schema: openApiSchema(HealthReportSchema) })
  report(): Promise<HealthReport> {
    return this.health.report();
  }

  /**
   * For a load balancer's readiness probe: 503 while the database is away or the start-up warm-ups run,
   * so the first person is not the one who pays for them; /health stays the liveness answer.
   */
  @Public()
  @Get('ready')
  @ApiOkResponse({ schema: openApiSchema(HealthReadySchema) })
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthReady> {
    await this.health.report();
    const warming = this.warmUp.pending();
    if (warming.length > 0) response.status(503);
    return { ready: warming.length === 0, warming };
  }
}
