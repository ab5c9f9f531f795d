import { Inject, Injectable } from '@nestjs/common';
import { type CypherRegistry, recordToPlain } from '@ringwatch/neo4j';
import type { Driver } from 'neo4j-driver';
import { CYPHER, NEO4J_DATABASE, NEO4J_DRIVER } from '../common/tokens';

export interface SchemaOverviewRow {
  labels: string[];
  edges: { source: string; target: string; type: string }[];
}

@Injectable()
export class SchemaRepository {
  private readonly q;

  constructor(
    @Inject(NEO4J_DRIVER) private readonly driver: Driver,
    @Inject(NEO4J_DATABASE) private readonly database: string,
    @Inject(CYPHER) registry: CypherRegistry,
  ) {
    this.q = registry.bind({ overview: 'graph/schema-overview' });
  }

  async overview(): Promise<SchemaOverviewRow> {
    const { records } = await this.driver.executeQuery(this.q.overview, {}, { database: this.database, routing: 'READ' });
    return records[0] ? recordToPlain<SchemaOverviewRow>(records[0]) : { labels: [], edges: [] };
  }
}
