import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/roles';
import { openApiSchema } from '../common/openapi';
import { HealthReportSchema, type HealthReport } from '@ringwatch/wire';
import { HealthService } from './health.service';

/** Public by design: load balancers and the run command probe it without credentials. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(HealthService) private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOkResponse({ schema: openApiSchema(HealthReportSchema) })
  report(): Promise<HealthReport> {
    return this.health.report();
  }
}
