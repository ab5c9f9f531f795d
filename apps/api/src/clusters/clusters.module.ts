import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { ClustersController } from './clusters.controller';
import { ClustersRepository } from './clusters.repository';
import { ClustersService } from './clusters.service';

@Module({ imports: [EvidenceModule], controllers: [ClustersController], providers: [ClustersService, ClustersRepository], exports: [ClustersService] })
export class ClustersModule {}
