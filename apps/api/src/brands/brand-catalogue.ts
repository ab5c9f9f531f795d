import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { hasPermission } from '@ringwatch/permissions';
import type { Actor } from '../common/actor';
import { ReadCache } from '../common/read-cache';
import { BrandsRepository } from './brands.repository';

/** How brand names are compared: case and Unicode compatibility forms folded ("AURELIO", "aurelio", "Aurelio" are one brand). */
export const brandKey = (name: string): string => name.normalize('NFKC').toLowerCase();

/** The name as the data spells it: an exact match first, then one equal but for case. */
function match(known: readonly string[], name: string): string | null {
  if (known.includes(name)) return name;
  const key = brandKey(name);
  return known.find((k) => brandKey(k) === key) ?? null;
}

/**
 * The brands known to the system: the names listings and brand reports use. One place that answers
 * "which brand is this?" for the brand portal (route names matched case-insensitively) and for binding
 * brand owners to brands (only existing ones).
 */
@Injectable()
export class BrandCatalogue {
  constructor(
    @Inject(BrandsRepository) private readonly repository: BrandsRepository,
    @Inject(ReadCache) private readonly cache: ReadCache,
  ) {}

  list(): Promise<string[]> {
    return this.cache.get('brands:known', () => this.repository.known());
  }

  /** The brand as spelled in the data, or null when nothing names it. A miss looks again past the cache (a brand loaded meanwhile). */
  async canonical(name: string): Promise<string | null> {
    return match(await this.list(), name) ?? match(await this.repository.known(), name);
  }

  /** Each name as spelled in the data, and the names nothing in the data uses. */
  async resolve(names: readonly string[]): Promise<{ found: string[]; missing: string[] }> {
    const found: string[] = [];
    const missing: string[] = [];
    for (const name of names) {
      const hit = await this.canonical(name);
      if (hit === null) missing.push(name);
      else if (!found.includes(hit)) found.push(hit);
    }
    return { found, missing };
  }

  /**
   * The brand as the data spells it, if the caller acts for it: an account acts for the brands bound to it
   * (compared without case), only brands.read-any (staff) reaches every brand. 403 otherwise.
   */
  async actFor(brand: string, actor: Pick<Actor, 'roles' | 'brands'>): Promise<string> {
    const name = (await this.canonical(brand)) ?? brand;
    if (hasPermission(actor.roles, 'brands.read-any') || actor.brands.some((b) => brandKey(b) === brandKey(name))) return name;
    throw new ForbiddenException(`this account acts for ${actor.brands.join(', ') || 'no brand'}, not ${brand}`);
  }
}
