import { Inject, Injectable } from '@nestjs/common';
import { type CypherRegistry, recordToPlain } from '@ringwatch/neo4j';
import type { Driver } from 'neo4j-driver';
import { CYPHER, NEO4J_DATABASE, NEO4J_DRIVER } from '../common/tokens';

export interface SharedIdentifierRow {
  kind: 'account' | 'dispatch' | 'return' | 'ship_to' | 'phone' | 'email' | 'device' | 'kyc';
  label: string;
  shopCount: number;
  shops: string[];
}

@Injectable()
export class EvidenceRepository {
  private readonly q;

  constructor(
    @Inject(NEO4J_DRIVER) private readonly driver: Driver,
    @Inject(NEO4J_DATABASE) private readonly database: string,
    @Inject(CYPHER) registry: CypherRegistry,
  ) {
    this.q = registry.bind({ shared: 'evidence/shared-identifiers' });
  }

  async sharedIdentifiers(shops: string[]): Promise<SharedIdentifierRow[]> {
    const { records } = await this.driver.executeQuery(this.q.shared, { shops }, { database: this.database, routing: 'READ' });
    return records.map((r) => recordToPlain<SharedIdentifierRow>(r));
  }
}
