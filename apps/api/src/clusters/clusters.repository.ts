import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import neo4j from 'neo4j-driver';
import { Neo4jRepository } from '../database/neo4j.repository';
import type { ClusterDetail, ClusterListQuery, ClusterPage } from '@ringwatch/wire';

/** A cluster as stored: its risk factors are JSON text; its shared identifiers (when asked for) JSON written with the run. */
export type ClusterDetailRow = Omit<ClusterDetail, 'factors'> & { factors: string; identifiers: string | null };

/** Brands a list item names with their share. */
const TOP_BRANDS = 3;

@Injectable()
export class ClustersRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({ list: 'clusters/list', detail: 'clusters/detail' });

  async list(query: ClusterListQuery): Promise<ClusterPage> {
    const { records } = await this.readQuery(this.q.list, {
      runId: query.run ?? null,
      minRisk: query.minRisk,
      maxRisk: query.maxRisk,
      minSize: neo4j.int(query.minSize),
      maxSize: neo4j.int(query.maxSize),
      flagged: query.flagged ?? null,
      status: query.status ?? null,
      brand: query.brand ?? null,
      sort: query.sort,
      skip: neo4j.int(query.skip),
      limit: neo4j.int(query.limit),
      topBrands: neo4j.int(TOP_BRANDS),
    });
    return records[0] ? recordToPlain<ClusterPage>(records[0]) : { runId: null, runStartedAt: null, total: 0, items: [] };
  }

  async detail(id: string, runId: string | undefined, withIdentifiers = false): Promise<ClusterDetailRow | null> {
    const { records } = await this.readQuery(this.q.detail, { id, runId: runId ?? null, withIdentifiers });
    return records[0] ? recordToPlain<ClusterDetailRow>(records[0]) : null;
  }
}
