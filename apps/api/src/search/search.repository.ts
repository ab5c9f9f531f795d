import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import neo4j from 'neo4j-driver';
import type { SearchHit } from '@ringwatch/wire';
import type { Place } from '../common/redaction';
import { Neo4jRepository } from '../database/neo4j.repository';

/** A hit as the statement returns it: unredacted, with an address's place (null for other kinds). */
export type SearchRow = SearchHit & { place: Place | null };

/** Shops listed under an identifier hit (its shopCount says how many there are in all). */
const SHOPS_SHOWN = 10;

@Injectable()
export class SearchRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({ everything: 'search/everything' });

  async search(terms: { text: string; raw: string; phones: string[]; email: string | null; last4: string | null; limit: number }): Promise<SearchRow[]> {
    const { records } = await this.readQuery(this.q.everything, { ...terms, limit: neo4j.int(terms.limit), shopsShown: neo4j.int(SHOPS_SHOWN) });
    return records.map((r) => recordToPlain<SearchRow>(r));
  }
}
