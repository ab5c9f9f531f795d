import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { ShutdownsController } from './shutdowns.controller';
import { ShutdownsRepository } from './shutdowns.repository';
import { ShutdownsService } from './shutdowns.service';

@Module({ imports: [ClustersModule], controllers: [ShutdownsController], providers: [ShutdownsService, ShutdownsRepository], exports: [ShutdownsService] })
export class ShutdownsModule {}
