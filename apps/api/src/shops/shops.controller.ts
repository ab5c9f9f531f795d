import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../auth/roles.guard';
import { Roles } from '../auth/roles';
import { actorOf } from '../common/actor';
import { openApiSchema } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { NeighbourhoodQuerySchema, NeighbourhoodSchema, ReinstateSchema, ShopIdSchema, type NeighbourhoodQuery, type Reinstate } from './shops.dto';
import { ShopsService } from './shops.service';

@ApiTags('shops')
@ApiBearerAuth()
@Controller('shops')
export class ShopsController {
  constructor(@Inject(ShopsService) private readonly shops: ShopsService) {}

  @Get(':id')
  @Roles('analyst', 'supervisor', 'liaison', 'admin')
  detail(@Param('id', new ZodPipe(ShopIdSchema)) id: string) {
    return this.shops.detail(id);
  }

  @Get(':id/neighbourhood')
  @Roles('analyst', 'supervisor', 'liaison', 'admin')
  @ApiOkResponse({ schema: openApiSchema(NeighbourhoodSchema) })
  neighbourhood(@Param('id', new ZodPipe(ShopIdSchema)) id: string, @Query(new ZodPipe(NeighbourhoodQuerySchema)) query: NeighbourhoodQuery) {
    return this.shops.neighbourhood(id, query.depth, query.limit);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiBody({ schema: openApiSchema(ReinstateSchema) })
  reinstate(@Param('id', new ZodPipe(ShopIdSchema)) id: string, @Body(new ZodPipe(ReinstateSchema)) body: Reinstate, @Req() request: AuthenticatedRequest) {
    return this.shops.reinstate(id, body.reason, actorOf(request));
  }
}
