import { Inject, Injectable } from '@nestjs/common';
import { normaliseEmail, normalisePhone } from '@ringwatch/normalise';
import type { SearchResult } from '@ringwatch/wire';
import { ReadCache } from '../common/read-cache';
import { SearchRepository } from './search.repository';

/** Lucene's special characters, escaped so user text is always searched as text, never as syntax. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

@Injectable()
export class SearchService {
  constructor(
    @Inject(SearchRepository) private readonly repository: SearchRepository,
    @Inject(ReadCache) private readonly cache: ReadCache,
  ) {}

  search(q: string, limit: number): Promise<SearchResult> {
    return this.cache.get(`search:${limit}:${q.trim()}`, () => this.find(q, limit));
  }

  private async find(q: string, limit: number): Promise<SearchResult> {
    const raw = q.trim();
    const words = raw
      .split(/\s+/)
      // Lower case: the index's analyzer lowercases anyway, and AND, OR and NOT stop being operators.
      .map((w) => w.toLowerCase().replace(LUCENE_SPECIAL, (c) => `\\${c}`))
      .filter((w) => w !== '');
    const hits = await this.repository.search({
      text: words.join(' AND '),
      raw,
      // A phone written in international form; national forms need a country, which a search box lacks.
      phone: /\d{6,}/.test(raw.replace(/\D/g, '')) ? normalisePhone(raw, null) : null,
      email: raw.includes('@') ? normaliseEmail(raw) : null,
      last4: /^\d{4}$|^[A-Za-z0-9]{4}$/.test(raw) ? raw.toUpperCase() : null,
      limit,
    });
    const groups: SearchResult['groups'] = {};
    for (const hit of hits) (groups[hit.kind] ??= []).push(hit);
    return { query: raw, total: hits.length, groups };
  }
}
