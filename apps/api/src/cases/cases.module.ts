import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { SavedViewsController } from './saved-views.controller';
import { SavedViewsRepository } from './saved-views.repository';
import { SavedViewsService } from './saved-views.service';

// SavedViewsController first: its /cases/views routes must be matched before /cases/:id.
@Module({
  controllers: [SavedViewsController, CasesController],
  providers: [CasesService, CasesRepository, SavedViewsService, SavedViewsRepository],
  exports: [CasesService],
})
export class CasesModule {}
