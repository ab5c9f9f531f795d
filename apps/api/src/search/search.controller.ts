import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequirePermission } from '../auth/roles';
import { ZodPipe } from '../common/zod.pipe';
import { SearchService } from './search.service';

const SearchQuerySchema = z
  .object({
    q: z.string().trim().min(2, 'type at least two characters').max(200),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

@ApiTags('search')
@ApiBearerAuth()
@RequirePermission('search.read')
@Controller('search')
export class SearchController {
  constructor(@Inject(SearchService) private readonly searchService: SearchService) {}

  /** Shop name or id, phone, email, address text, last four of an account → matches grouped by kind. */
  @Get()
  search(@Query(new ZodPipe(SearchQuerySchema)) query: z.infer<typeof SearchQuerySchema>) {
    return this.searchService.search(query.q, query.limit);
  }
}
