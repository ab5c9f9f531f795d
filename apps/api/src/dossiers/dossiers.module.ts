import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { DossierKeyController, DossiersController } from './dossiers.controller';
import { DossiersRepository } from './dossiers.repository';
import { DossiersService } from './dossiers.service';

@Module({ imports: [ClustersModule], controllers: [DossiersController, DossierKeyController], providers: [DossiersService, DossiersRepository] })
export class DossiersModule {}
