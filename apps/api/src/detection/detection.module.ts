import { Module } from '@nestjs/common';
import { DetectionRepository } from './detection.repository';
import { DetectionService } from './detection.service';

@Module({ providers: [DetectionService, DetectionRepository], exports: [DetectionService] })
export class DetectionModule {}
