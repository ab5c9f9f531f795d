import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import { Neo4jError } from 'neo4j-driver';
import { Neo4jRepository } from '../database/neo4j.repository';

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
export class HealthRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({
    components: 'health/components',
    gdsVersion: 'health/gds-version',
    migrations: 'schema/list-migrations',
  });

  async components(): Promise<DbmsComponent[]> {
    const { records } = await this.readQuery(this.q.components, {});
    return records.map((r) => recordToPlain<DbmsComponent>(r));
  }

  /** GDS version, or null when the plugin is not installed on this server. */
  async gdsVersion(): Promise<string | null> {
    try {
      const { records } = await this.readQuery(this.q.gdsVersion, {});
      return recordToPlain<{ version: string }>(records[0]!).version;
    } catch (error) {
      if (error instanceof Neo4jError && /Unknown function|ProcedureNotFound|not found/i.test(`${error.code} ${error.message}`)) {
        return null;
      }
      throw error;
    }
  }

  async appliedMigrations(): Promise<AppliedMigrationRow[]> {
    const { records } = await this.readQuery(this.q.migrations, {});
    return records.map((r) => {
      const { id, name, appliedAt } = recordToPlain<AppliedMigrationRow & { checksum: string }>(r);
      return { id, name, appliedAt };
    });
  }
}
