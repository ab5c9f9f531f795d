import { Injectable } from '@nestjs/common';
import type { SharedIdentifier } from '@ringwatch/wire';
import { recordToPlain } from '@ringwatch/neo4j';
import type { Place } from '../common/redaction';
import { Neo4jRepository } from '../database/neo4j.repository';

/**
 * A shared identifier as the statement returns it, before the service weighs it (strong, hub, weight),
 * with an address's place (null for other kinds) for a redacted label.
 */
export type SharedIdentifierRow = Omit<SharedIdentifier, 'strong' | 'hub' | 'weight'> & { place: Place | null };

@Injectable()
export class EvidenceRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({ shared: 'evidence/shared-identifiers' });

  async sharedIdentifiers(shops: string[]): Promise<SharedIdentifierRow[]> {
    const { records } = await this.readQuery(this.q.shared, { shops });
    return records.map((r) => recordToPlain<SharedIdentifierRow>(r));
  }
}
