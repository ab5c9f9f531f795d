import { Inject, Injectable } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import { DEFAULT_EVIDENCE_WEIGHTS, STRONG_KINDS } from '@ringwatch/detection';
import type { IdentifierKind } from '@ringwatch/kinds';
import { CONFIG } from '../common/tokens';
import { EvidenceRepository } from './evidence.repository';

export interface SharedIdentifier {
  kind: IdentifierKind;
  key: string;
  label: string;
  shopCount: number;
  shops: string[];
  strong: boolean;
  /** Shared by more shops than the hub threshold: shown for context, never counted as evidence. */
  hub: boolean;
  /** What one pair of these shops gets from this identifier in the detection projection. */
  weight: number;
}

/** Why shops are linked: the identifiers they share, weighed as the detection projection weighs them. */
@Injectable()
export class EvidenceService {
  constructor(
    @Inject(EvidenceRepository) private readonly repository: EvidenceRepository,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
  ) {}

  /** The identifiers two or more of the shops share, each weighed; without the pairwise sums (a graph needs none). */
  async shared(shops: string[]): Promise<SharedIdentifier[]> {
    const rows = await this.repository.sharedIdentifiers(shops);
    return rows.map((r) => {
      const hub = r.shopCount > this.config.detection.hubThreshold;
      const weight = hub ? 0 : (DEFAULT_EVIDENCE_WEIGHTS[r.kind] * Math.log2(3)) / Math.log2(r.shopCount + 1);
      return { ...r, strong: STRONG_KINDS.has(r.kind), hub, weight: Math.round(weight * 1000) / 1000 };
    });
  }

  async between(
    shops: string[],
  ): Promise<{ shops: string[]; identifiers: SharedIdentifier[]; pairs: { a: string; b: string; weight: number; identifiers: number }[] }> {
    const identifiers = await this.shared(shops);
    const pairs = new Map<string, { a: string; b: string; weight: number; identifiers: number }>();
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
