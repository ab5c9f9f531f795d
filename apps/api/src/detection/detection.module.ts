import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DetectionRepository } from './detection.repository';
import { DetectionService } from './detection.service';

@Module({ imports: [CasesModule], providers: [DetectionService, DetectionRepository], exports: [DetectionService] })
export class DetectionModule {}
