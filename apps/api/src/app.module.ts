import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import type { RingwatchConfig } from '@ringwatch/config';
import type { Database } from '@ringwatch/neo4j';
import { ReadCache } from './common/read-cache';
import { WarmUp } from './common/warm-up';
import { ReadPressure } from './common/read-pressure';
import { Redaction } from './common/redaction';
import { CONFIG } from './common/tokens';
import { DatabaseModule } from './database/database.module';
import { AlertsModule } from './alerts/alerts.module';
import { AuditModule } from './audit/audit.module';
import { BrandsModule } from './brands/brands.module';
import { CasesModule } from './cases/cases.module';
import { AuthModule } from './auth/auth.module';
import { ClustersModule } from './clusters/clusters.module';
import { EvidenceModule } from './evidence/evidence.module';
import { DetectionModule } from './detection/detection.module';
import { DossiersModule } from './dossiers/dossiers.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { SearchModule } from './search/search.module';
import { ShopsModule } from './shops/shops.module';
import { ReportsModule } from './reports/reports.module';
import { SchemaModule } from './schema/schema.module';
import { ShutdownsModule } from './shutdowns/shutdowns.module';

@Global()
@Module({})
export class AppModule {
  /**
   * Every module of the API over an opened database; the HTTP server (createApp) and the command-line
   * tools (cli/context.ts) build on it. ScheduleModule only provides the registry: the nightly report's
   * job is added by ReportsService.startSchedule, which createApp alone calls.
   */
  static register(config: RingwatchConfig, database: Database): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ScheduleModule.forRoot(),
        DatabaseModule.register(database),
        AuditModule,
        AuthModule,
        HealthModule,
        SchemaModule,
        ImportsModule,
        CasesModule,
        DetectionModule,
        ClustersModule,
        EvidenceModule,
        SearchModule,
        ShopsModule,
        ShutdownsModule,
        AlertsModule,
        BrandsModule,
        ReportsModule,
        DossiersModule,
      ],
      providers: [{ provide: CONFIG, useValue: config }, ReadCache, ReadPressure, Redaction, WarmUp],
      exports: [CONFIG, ReadCache, ReadPressure, Redaction, WarmUp],
    };
  }
}
