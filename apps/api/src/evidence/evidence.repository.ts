import { Injectable } from '@nestjs/common';
import type { SharedIdentifier } from '@ringwatch/wire';
import { recordToPlain } from '@ringwatch/neo4j';
import { Neo4jRepository } from '../database/neo4j.repository';

/** A shared identifier as the statement returns it, before the service weighs it (strong, hub, weight). */
export type SharedIdentifierRow = Omit<SharedIdentifier, 'strong' | 'hub' | 'weight'>;

@Injectable()
export class EvidenceRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({ shared: 'evidence/shared-identifiers' });

  async sharedIdentifiers(shops: string[]): Promise<SharedIdentifierRow[]> {
    const { records } = await this.readQuery(this.q.shared, { shops });
    return records.map((r) => recordToPlain<SharedIdentifierRow>(r));
  }
}
