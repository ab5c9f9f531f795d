import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { BrandListSchema, BrandStandingSchema, ReportOutcomePageSchema } from '@ringwatch/wire';
import type { z } from 'zod';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { openApiSchema } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { BrandReportSchema, BrandSchema, SuspectedQuerySchema, type BrandReport } from './brands.dto';
import { BrandsService } from './brands.service';
import { TakedownsService } from './takedowns.service';

@ApiTags('brands')
@ApiBearerAuth()
@Controller('brands')
export class BrandsController {
  constructor(
    @Inject(BrandsService) private readonly brands: BrandsService,
    @Inject(TakedownsService) private readonly takedowns: TakedownsService,
  ) {}

  /** The brands known to the system (the names listings and reports use), e.g. to bind a brand owner. */
  @Get()
  @RequirePermission('brands.list')
  @ApiOkResponse({ schema: openApiSchema(BrandListSchema) })
  list() {
    return this.brands.list();
  }

  /** The brand's accuracy and fast-lane standing, and its reporters' (a brand owner sees only its own). */
  @Get(':brand/standing')
  @RequirePermission('brands.standing')
  @ApiOkResponse({ schema: openApiSchema(BrandStandingSchema) })
  standing(@Param('brand', new ZodPipe(BrandSchema)) brand: string, @Actor() actor: Actor) {
    return this.takedowns.brandStanding(brand, actor);
  }

  /** The brand's listings sold by shops in flagged clusters, with any verdicts given so far. */
  @Get(':brand/suspected-listings')
  @RequirePermission('brands.suspected')
  suspected(
    @Param('brand', new ZodPipe(BrandSchema)) brand: string,
    @Query(new ZodPipe(SuspectedQuerySchema)) query: z.infer<typeof SuspectedQuerySchema>,
    @Actor() actor: Actor,
  ) {
    return this.brands.suspected(brand, actor, query.skip, query.limit);
  }

  /** The brand's reports and what came of them (takedown lane, status, whether it counts against accuracy); a brand owner sees its own. */
  @Get(':brand/reports')
  @RequirePermission('brands.standing')
  @ApiOkResponse({ schema: openApiSchema(ReportOutcomePageSchema) })
  reports(
    @Param('brand', new ZodPipe(BrandSchema)) brand: string,
    @Query(new ZodPipe(SuspectedQuerySchema)) query: z.infer<typeof SuspectedQuerySchema>,
    @Actor() actor: Actor,
  ) {
    return this.takedowns.reports(brand, actor, query.skip, query.limit);
  }

  /** A brand owner confirms a counterfeit (or clears a listing); the verdict feeds the next risk scores. */
  @Post(':brand/reports')
  @RequirePermission('brands.report')
  @ApiBody({ schema: openApiSchema(BrandReportSchema) })
  report(@Param('brand', new ZodPipe(BrandSchema)) brand: string, @Body(new ZodPipe(BrandReportSchema)) body: BrandReport, @Actor() actor: Actor) {
    return this.brands.report(brand, body, actor);
  }
}
