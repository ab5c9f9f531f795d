import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Database } from '@ringwatch/neo4j';
import { CYPHER, DATABASE, NEO4J_DATABASE, NEO4J_DRIVER } from '../common/tokens';
import { DatabaseMonitor } from './database-monitor';
import { DatabaseProbeRepository } from './database-probe.repository';
import { DatabaseGuard } from './database.guard';

/**
 * Hands the database opened by `openDatabase` (driver, Cypher registry) to the repositories, the only
 * code that injects them, and watches it (DatabaseMonitor). The application owns it from then on: closing
 * the application closes it.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  static register(database: Database): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE, useValue: database },
        { provide: NEO4J_DRIVER, useValue: database.driver },
        { provide: NEO4J_DATABASE, useValue: database.database },
        { provide: CYPHER, useValue: database.registry },
        DatabaseProbeRepository,
        DatabaseMonitor,
        // Global guards run in the order their modules are scanned: this module comes before AuthModule.
        { provide: APP_GUARD, useClass: DatabaseGuard },
      ],
      exports: [DATABASE, NEO4J_DRIVER, NEO4J_DATABASE, CYPHER, DatabaseMonitor],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
