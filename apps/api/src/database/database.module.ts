import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CypherRegistry, openDriver } from '@ringwatch/neo4j';
import type { Driver } from 'neo4j-driver';
import { CYPHER, NEO4J_DATABASE, NEO4J_DRIVER } from '../common/tokens';

export interface Neo4jConnection {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/** Holds the process's one Neo4j driver and the Cypher registry; only repositories inject them. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(NEO4J_DRIVER) private readonly driver: Driver) {}

  static register(connection: Neo4jConnection, cypherDir: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: NEO4J_DRIVER, useFactory: () => openDriver(connection) },
        { provide: NEO4J_DATABASE, useValue: connection.database },
        { provide: CYPHER, useFactory: () => CypherRegistry.load(cypherDir) },
      ],
      exports: [NEO4J_DRIVER, NEO4J_DATABASE, CYPHER],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}
