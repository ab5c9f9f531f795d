import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/roles';
import { openApiSchema } from '../common/openapi';
import { SchemaGraphSchema, type SchemaGraph } from '@ringwatch/wire';
import { SchemaService } from './schema.service';

@ApiTags('schema')
@Controller('schema')
export class SchemaController {
  constructor(@Inject(SchemaService) private readonly schema: SchemaService) {}

  @RequirePermission('schema.read')
  @Get('graph')
  @ApiBearerAuth()
  @ApiOkResponse({ schema: openApiSchema(SchemaGraphSchema) })
  graph(): Promise<SchemaGraph> {
    return this.schema.graph();
  }
}
