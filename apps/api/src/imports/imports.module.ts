import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { BulkImportsService } from './bulk-imports.service';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

@Module({
  imports: [AlertsModule],
  controllers: [ImportsController],
  providers: [ImportsService, BulkImportsService, ImportsRepository],
  exports: [ImportsService],
})
export class ImportsModule {}
