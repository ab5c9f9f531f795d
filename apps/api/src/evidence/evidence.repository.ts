import { Injectable } from '@nestjs/common';
import type { IdentifierKind } from '@ringwatch/kinds';
import { recordToPlain } from '@ringwatch/neo4j';
import { Neo4jRepository } from '../database/neo4j.repository';

export interface SharedIdentifierRow {
  kind: IdentifierKind;
  /** The identifier node's unique key (a fingerprint for accounts and identity documents). */
  key: string;
  label: string;
  shopCount: number;
  shops: string[];
}

@Injectable()
export class EvidenceRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({ shared: 'evidence/shared-identifiers' });

  async sharedIdentifiers(shops: string[]): Promise<SharedIdentifierRow[]> {
    const { records } = await this.readQuery(this.q.shared, { shops });
    return records.map((r) => recordToPlain<SharedIdentifierRow>(r));
  }
}
