import { Inject, Injectable } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import { DEFAULT_EVIDENCE_WEIGHTS, STRONG_KINDS } from '@ringwatch/detection';
import type { Evidence, EvidencePair, SharedIdentifier } from '@ringwatch/wire';
import { IdentityReads } from '../audit/identity-reads';
import type { Actor } from '../common/actor';
import { Redaction } from '../common/redaction';
import { CONFIG } from '../common/tokens';
import { EvidenceRepository, type SharedIdentifierRow } from './evidence.repository';

/** A shared identifier, weighed, with its raw key, label and place: for services, never sent as is (see IdentityView). */
export type SharedIdentifierFact = SharedIdentifier & Pick<SharedIdentifierRow, 'place'>;

/** Why shops are linked: the identifiers they share, weighed as the detection projection weighs them. */
@Injectable()
export class EvidenceService {
  constructor(
    @Inject(EvidenceRepository) private readonly repository: EvidenceRepository,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    @Inject(Redaction) private readonly redaction: Redaction,
    @Inject(IdentityReads) private readonly reads: IdentityReads,
  ) {}

  /** The identifiers two or more of the shops share, each weighed; without the pairwise sums (a graph needs none). Unredacted. */
  async shared(shops: string[]): Promise<SharedIdentifierFact[]> {
    return this.weigh(await this.repository.sharedIdentifiers(shops));
  }

  /** Shared identifiers as read (live, or as a detection run stored them for a cluster), weighed; shops in id order. Unredacted. */
  weigh(rows: readonly SharedIdentifierRow[]): SharedIdentifierFact[] {
    return rows.map((r0) => {
      const r = { ...r0, shops: [...r0.shops].sort() };
      const hub = r.shopCount > this.config.detection.hubThreshold;
      const weight = hub ? 0 : (DEFAULT_EVIDENCE_WEIGHTS[r.kind] * Math.log2(3)) / Math.log2(r.shopCount + 1);
      return { ...r, strong: STRONG_KINDS.has(r.kind), hub, weight: Math.round(weight * 1000) / 1000 };
    });
  }

  /** Why the shops are linked, as the caller may see it: keys and labels through the caller's IdentityView. */
  async between(shops: string[], actor: Actor): Promise<Evidence> {
    const view = this.redaction.viewFor(actor.roles);
    await this.reads.record(actor, { via: 'GET /evidence', target: `shops:${shops.slice(0, 20).join(',')}` });
    const identifiers: SharedIdentifier[] = (await this.shared(shops)).map(({ place, ...id }) => ({
      ...id,
      key: view.key(id.kind, id.key),
      label: view.label(id.kind, id.label, place) ?? '',
    }));
    const pairs = new Map<string, EvidencePair>();
    for (const id of identifiers) {
      if (id.hub) continue;
      const members = [...id.shops].sort();
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const key = `${members[i]}|${members[j]}`;
          const pair = pairs.get(key) ?? { a: members[i]!, b: members[j]!, weight: 0, identifiers: 0 };
          pair.weight = Math.round((pair.weight + id.weight) * 1000) / 1000;
          pair.identifiers++;
          pairs.set(key, pair);
        }
      }
    }
    return { shops, identifiers, pairs: [...pairs.values()].sort((x, y) => y.weight - x.weight) };
  }
}
