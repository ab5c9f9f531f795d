import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { openApiSchema } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import {
  NeighbourhoodQuerySchema,
  NeighbourhoodSchema,
  ReinstateSchema,
  ShopActivitySchema,
  ShopIdSchema,
  ShopListingsPageSchema,
  ShopListingsQuerySchema,
  ShopMetricsQuerySchema,
  ShopMetricsSchema,
  ShopPathQuerySchema,
  ShopPathSchema,
  type NeighbourhoodQuery,
  type Reinstate,
  type ShopListingsQuery,
  type ShopMetricsQuery,
  type ShopPathQuery,
} from '@ringwatch/wire';
import { ShopsService } from './shops.service';

@ApiTags('shops')
@ApiBearerAuth()
@Controller('shops')
export class ShopsController {
  constructor(@Inject(ShopsService) private readonly shops: ShopsService) {}

  /** Declared before `:id`, which would otherwise take "metrics" for a shop id. */
  @Get('metrics')
  @RequirePermission('shops.read')
  @ApiOkResponse({ schema: openApiSchema(ShopMetricsSchema) })
  metrics(@Query(new ZodPipe(ShopMetricsQuerySchema)) query: ShopMetricsQuery) {
    return this.shops.metrics(query.ids);
  }

  @Get(':id')
  @RequirePermission('shops.read')
  detail(@Param('id', new ZodPipe(ShopIdSchema)) id: string, @Actor() actor: Actor) {
    return this.shops.detail(id, actor);
  }

  @Get(':id/neighbourhood')
  @RequirePermission('shops.read')
  @ApiOkResponse({ schema: openApiSchema(NeighbourhoodSchema) })
  neighbourhood(
    @Param('id', new ZodPipe(ShopIdSchema)) id: string,
    @Query(new ZodPipe(NeighbourhoodQuerySchema)) query: NeighbourhoodQuery,
    @Actor() actor: Actor,
  ) {
    return this.shops.neighbourhood(id, query.depth, query.limit, actor, query.perIdentifier);
  }

  @Get(':id/listings')
  @RequirePermission('shops.read')
  @ApiOkResponse({ schema: openApiSchema(ShopListingsPageSchema) })
  listings(@Param('id', new ZodPipe(ShopIdSchema)) id: string, @Query(new ZodPipe(ShopListingsQuerySchema)) query: ShopListingsQuery) {
    return this.shops.listings(id, query.skip, query.limit);
  }

  @Get(':id/activity')
  @RequirePermission('shops.read')
  @ApiOkResponse({ schema: openApiSchema(ShopActivitySchema) })
  activity(@Param('id', new ZodPipe(ShopIdSchema)) id: string) {
    return this.shops.activity(id);
  }

  /** The shortest evidence path to another shop: evidence, so it needs evidence.read. */
  @Get(':id/path')
  @RequirePermission('evidence.read')
  @ApiOkResponse({ schema: openApiSchema(ShopPathSchema) })
  path(@Param('id', new ZodPipe(ShopIdSchema)) id: string, @Query(new ZodPipe(ShopPathQuerySchema)) query: ShopPathQuery, @Actor() actor: Actor) {
    return this.shops.path(id, query.to, query.maxSteps, actor);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @RequirePermission('shop.reinstate')
  @ApiBody({ schema: openApiSchema(ReinstateSchema) })
  reinstate(@Param('id', new ZodPipe(ShopIdSchema)) id: string, @Body(new ZodPipe(ReinstateSchema)) body: Reinstate, @Actor() actor: Actor) {
    return this.shops.reinstate(id, body.reason, actor);
  }
}
