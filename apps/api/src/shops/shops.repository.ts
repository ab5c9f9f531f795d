import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import { Neo4jRepository } from '../database/neo4j.repository';

export interface ShopDetail {
  id: string;
  name: string | null;
  status: string | null;
  category: string | null;
  openedAt: string | null;
  placeholder: boolean;
  sellerId: string | null;
  sellerName: string | null;
  sellerCountry: string | null;
  listings: number;
  counterfeitReports: number;
  clusterId: string | null;
  clusterRisk: number | null;
  confidence: number | null;
}

@Injectable()
export class ShopsRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({ detail: 'shops/detail' });

  async detail(id: string): Promise<ShopDetail | null> {
    const { records } = await this.readQuery(this.q.detail, { id });
    return records[0] ? recordToPlain<ShopDetail>(records[0]) : null;
  }
}
