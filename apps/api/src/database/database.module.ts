import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Database } from '@ringwatch/neo4j';
import { CYPHER, DATABASE, NEO4J_DATABASE, NEO4J_DRIVER } from '../common/tokens';

/**
 * Hands the database opened by `openDatabase` (driver, Cypher registry) to the repositories, the only
 * code that injects them. The application owns it from then on: closing the application closes it.
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
      ],
      exports: [NEO4J_DRIVER, NEO4J_DATABASE, CYPHER],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
