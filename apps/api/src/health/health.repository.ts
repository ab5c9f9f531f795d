import { Inject, Injectable } from '@nestjs/common';
import { type CypherRegistry, recordToPlain } from '@ringwatch/neo4j';
import { type Driver, Neo4jError } from 'neo4j-driver';
import { CYPHER, NEO4J_DATABASE, NEO4J_DRIVER } from '../common/tokens';

export interface DbmsComponent {
  name: string;
  version: string;
  edition: string;
}

export interface AppliedMigrationRow {
  id: string;
  name: string;
  appliedAt: string;
}

@Injectable()
export class HealthRepository {
  private readonly q;

  constructor(
    @Inject(NEO4J_DRIVER) private readonly driver: Driver,
    @Inject(NEO4J_DATABASE) private readonly database: string,
    @Inject(CYPHER) registry: CypherRegistry,
  ) {
    this.q = registry.bind({
      components: 'health/components',
      gdsVersion: 'health/gds-version',
      migrations: 'schema/list-migrations',
    });
  }

  async components(): Promise<DbmsComponent[]> {
    const { records } = await this.driver.executeQuery(this.q.components, {}, { database: this.database, routing: 'READ' });
    return records.map((r) => recordToPlain<DbmsComponent>(r));
  }

  /** GDS version, or null when the plugin is not installed on this server. */
  async gdsVersion(): Promise<string | null> {
    try {
      const { records } = await this.driver.executeQuery(this.q.gdsVersion, {}, { database: this.database, routing: 'READ' });
      return recordToPlain<{ version: string }>(records[0]!).version;
    } catch (error) {
      if (error instanceof Neo4jError && /Unknown function|ProcedureNotFound|not found/i.test(`${error.code} ${error.message}`)) {
        return null;
      }
      throw error;
    }
  }

  async appliedMigrations(): Promise<AppliedMigrationRow[]> {
    const { records } = await this.driver.executeQuery(this.q.migrations, {}, { database: this.database, routing: 'READ' });
    return records.map((r) => {
      const { id, name, appliedAt } = recordToPlain<AppliedMigrationRow & { checksum: string }>(r);
      return { id, name, appliedAt };
    });
  }
}
