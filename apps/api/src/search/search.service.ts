import { Inject, Injectable } from '@nestjs/common';
import { normaliseEmail, normalisePhone } from '@ringwatch/normalise';
import type { SearchResult } from '@ringwatch/wire';
import { IdentityReads } from '../audit/identity-reads';
import type { Actor } from '../common/actor';
import { ReadCache } from '../common/read-cache';
import { Redaction, type IdentityView } from '../common/redaction';
import { SearchRepository } from './search.repository';

/** Lucene's special characters, escaped so user text is always searched as text, never as syntax. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

@Injectable()
export class SearchService {
  constructor(
    @Inject(SearchRepository) private readonly repository: SearchRepository,
    @Inject(ReadCache) private readonly cache: ReadCache,
    @Inject(Redaction) private readonly redaction: Redaction,
    @Inject(IdentityReads) private readonly reads: IdentityReads,
  ) {}

  /** Matches as the caller may see them: phones, emails and addresses found by what was typed, shown redacted without identities.read. */
  async search(q: string, limit: number, actor: Actor): Promise<SearchResult> {
    const view = this.redaction.viewFor(actor.roles);
    const result = await this.cache.get(`search:${view.identities ? 'identities' : 'redacted'}:${limit}:${q.trim()}`, () => this.find(q, limit, view));
    // The query is not recorded: what was typed (an email, a phone) is personal data itself.
    await this.reads.record(actor, { via: 'GET /search', target: 'search' });
    return result;
  }

  private async find(q: string, limit: number, view: IdentityView): Promise<SearchResult> {
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
    for (const { place, ...hit } of hits) {
      // Shop ids and names are not personal data; every identifier hit goes through the view.
      const shown =
        hit.kind === 'shop'
          ? hit
          : { ...hit, id: view.key(hit.kind, hit.id), label: hit.kind === 'address' ? view.address(hit.label, place) : view.label(hit.kind, hit.label) };
      (groups[hit.kind] ??= []).push(shown);
    }
    return { query: raw, total: hits.length, groups };
  }
}
