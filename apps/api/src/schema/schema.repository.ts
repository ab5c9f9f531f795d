import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import { Neo4jRepository } from '../database/neo4j.repository';

export interface SchemaOverviewRow {
  labels: string[];
  edges: { source: string; target: string; type: string }[];
}

@Injectable()
export class SchemaRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({ overview: 'graph/schema-overview' });

  async overview(): Promise<SchemaOverviewRow> {
    const { records } = await this.readQuery(this.q.overview, {});
    return records[0] ? recordToPlain<SchemaOverviewRow>(records[0]) : { labels: [], edges: [] };
  }
}
