import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SearchQuerySchema, type SearchQuery } from '@ringwatch/wire';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { ZodPipe } from '../common/zod.pipe';
import { SearchService } from './search.service';

@ApiTags('search')
@ApiBearerAuth()
@RequirePermission('search.read')
@Controller('search')
export class SearchController {
  constructor(@Inject(SearchService) private readonly searchService: SearchService) {}

  /** Shop name or id, phone, email, address text, last four of an account → matches grouped by kind. */
  @Get()
  search(@Query(new ZodPipe(SearchQuerySchema)) query: SearchQuery, @Actor() actor: Actor) {
    return this.searchService.search(query.q, query.limit, actor);
  }
}
