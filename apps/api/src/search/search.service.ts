import { Inject, Injectable } from '@nestjs/common';
import { addressSearchForms, normaliseEmail, phoneCandidates } from '@ringwatch/normalise';
import type { SearchResult } from '@ringwatch/wire';
import { IdentityReads } from '../audit/identity-reads';
import type { Actor } from '../common/actor';
import { ReadCache } from '../common/read-cache';
import { Redaction, type IdentityView } from '../common/redaction';
import { SearchRepository } from './search.repository';

/** Lucene's special characters, escaped so user text is always searched as text, never as syntax. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Words as Lucene terms: lower case (AND, OR and NOT stop being operators) and special characters escaped. */
const terms = (words: readonly string[]) => words.map((w) => w.toLowerCase().replace(LUCENE_SPECIAL, (c) => `\\${c}`)).filter((w) => w !== '');

/**
 * The full-text query for a typed text: all its words in a name or an address's text (diacritics are
 * folded by the index's analyzer), or, for an address, its street as the loader keys it ("GARTEN RD"
 * and "913 Garten Road" both hold "garten road" in their key), read as each country would.
 */
export function fullTextQuery(raw: string): string {
  const words = terms(raw.split(/\s+/));
  if (words.length === 0) return '""';
  const alternatives = [`(${words.join(' AND ')})`];
  for (const form of addressSearchForms(raw)) {
    const keyWords = terms(form);
    if (keyWords.length > 0) alternatives.push(`key:(${keyWords.join(' AND ')})`);
  }
  return [...new Set(alternatives)].join(' OR ');
}

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
    const hits = await this.repository.search({
      text: fullTextQuery(raw),
      raw,
      // Every country's reading of a national number: a search box has no holder country to read it by.
      phones: phoneCandidates(raw),
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
