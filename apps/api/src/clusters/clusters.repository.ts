import { Inject, Injectable } from '@nestjs/common';
import { type CypherRegistry, recordToPlain } from '@ringwatch/neo4j';
import neo4j, { type Driver } from 'neo4j-driver';
import { CYPHER, NEO4J_DATABASE, NEO4J_DRIVER } from '../common/tokens';
import type { ClusterListQuery, ClusterPage } from './clusters.dto';

export interface ClusterDetailRow {
  runId: string;
  runStartedAt: string;
  id: string;
  size: number;
  risk: number;
  flagged: boolean;
  status: string;
  factors: string;
  lineage: string;
  lineageFrom: string[];
  sizeBefore: number;
  members: { id: string; name: string | null; status: string | null; openedAt: string | null; confidence: number }[];
}

@Injectable()
export class ClustersRepository {
  private readonly q;

  constructor(
    @Inject(NEO4J_DRIVER) private readonly driver: Driver,
    @Inject(NEO4J_DATABASE) private readonly database: string,
    @Inject(CYPHER) registry: CypherRegistry,
  ) {
    this.q = registry.bind({ list: 'clusters/list', detail: 'clusters/detail' });
  }

  async list(query: ClusterListQuery): Promise<ClusterPage> {
    const { records } = await this.driver.executeQuery(
      this.q.list,
      {
        runId: query.run ?? null,
        minRisk: query.minRisk,
        maxRisk: query.maxRisk,
        minSize: neo4j.int(query.minSize),
        maxSize: neo4j.int(query.maxSize),
        flagged: query.flagged ?? null,
        status: query.status ?? null,
        sort: query.sort,
        skip: neo4j.int(query.skip),
        limit: neo4j.int(query.limit),
      },
      { database: this.database, routing: 'READ' },
    );
    return records[0] ? recordToPlain<ClusterPage>(records[0]) : { runId: null, runStartedAt: null, total: 0, items: [] };
  }

  async detail(id: string, runId: string | undefined): Promise<ClusterDetailRow | null> {
    const { records } = await this.driver.executeQuery(this.q.detail, { id, runId: runId ?? null }, { database: this.database, routing: 'READ' });
    return records[0] ? recordToPlain<ClusterDetailRow>(records[0]) : null;
  }
}
