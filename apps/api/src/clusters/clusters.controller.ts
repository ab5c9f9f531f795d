import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { openApiSchema } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import {
  ClusterDetailQuerySchema,
  ClusterDetailSchema,
  ClusterGraphQuerySchema,
  ClusterGraphSchema,
  ClusterIdSchema,
  ClusterListQuerySchema,
  ClusterPageSchema,
  type ClusterGraphQuery,
  type ClusterListQuery,
} from '@ringwatch/wire';
import { ClustersService } from './clusters.service';

@ApiTags('clusters')
@ApiBearerAuth()
@RequirePermission('clusters.read')
@Controller('clusters')
export class ClustersController {
  constructor(@Inject(ClustersService) private readonly clusters: ClustersService) {}

  @Get()
  @ApiOkResponse({ schema: openApiSchema(ClusterPageSchema) })
  list(@Query(new ZodPipe(ClusterListQuerySchema)) query: ClusterListQuery) {
    return this.clusters.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ schema: openApiSchema(ClusterDetailSchema) })
  detail(@Param('id', new ZodPipe(ClusterIdSchema)) id: string, @Query(new ZodPipe(ClusterDetailQuerySchema)) query: { run?: string }) {
    return this.clusters.detail(id, query.run);
  }

  @Get(':id/graph')
  @ApiOkResponse({ schema: openApiSchema(ClusterGraphSchema) })
  async graph(
    @Param('id', new ZodPipe(ClusterIdSchema)) id: string,
    @Query(new ZodPipe(ClusterGraphQuerySchema)) query: ClusterGraphQuery,
    @Res() res: Response,
    @Actor() actor: Actor,
  ) {
    res.type('application/json').send(await this.clusters.graphJson(id, query.run, query.limit, actor));
  }
}
