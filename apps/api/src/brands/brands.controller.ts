import { Body, Controller, Get, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { AuthenticatedRequest } from '../auth/roles.guard';
import { Roles } from '../auth/roles';
import { actorOf } from '../common/actor';
import { openApiSchema } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { BrandReportSchema, BrandSchema, SuspectedQuerySchema, type BrandReport } from './brands.dto';
import { BrandsService } from './brands.service';

@ApiTags('brands')
@ApiBearerAuth()
@Controller('brands')
export class BrandsController {
  constructor(@Inject(BrandsService) private readonly brands: BrandsService) {}

  /** The brand's listings sold by shops in flagged clusters, with any verdicts given so far. */
  @Get(':brand/suspected-listings')
  @Roles('brand_owner', 'analyst', 'supervisor', 'admin')
  suspected(
    @Param('brand', new ZodPipe(BrandSchema)) brand: string,
    @Query(new ZodPipe(SuspectedQuerySchema)) query: z.infer<typeof SuspectedQuerySchema>,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.brands.suspected(brand, request.user!, query.skip, query.limit);
  }

  /** A brand owner confirms a counterfeit (or clears a listing); the verdict feeds the next risk scores. */
  @Post(':brand/reports')
  @Roles('brand_owner')
  @ApiBody({ schema: openApiSchema(BrandReportSchema) })
  report(
    @Param('brand', new ZodPipe(BrandSchema)) brand: string,
    @Body(new ZodPipe(BrandReportSchema)) body: BrandReport,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.brands.report(brand, body, request.user!, actorOf(request));
  }
}
