import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import { laneFor, sampledForReview } from '@ringwatch/good-faith';
import type { BrandReportReceipt, SuspectedPage } from '@ringwatch/wire';
import type { AuditEntry } from '../audit/audit-entry';
import type { Actor } from '../common/actor';
import { ReadCache } from '../common/read-cache';
import { CONFIG } from '../common/tokens';
import { BrandCatalogue } from './brand-catalogue';
import type { BrandReport } from './brands.dto';
import { BrandsRepository, type TakedownRequest } from './brands.repository';
import { TakedownsService } from './takedowns.service';

/** The brand owners' portal: each sees and judges only the listings of the brands bound to the account. */
@Injectable()
export class BrandsService {
  constructor(
    @Inject(BrandsRepository) private readonly repository: BrandsRepository,
    @Inject(BrandCatalogue) private readonly catalogue: BrandCatalogue,
    @Inject(TakedownsService) private readonly takedowns: TakedownsService,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    @Inject(ReadCache) private readonly cache: ReadCache,
  ) {}

  async suspected(brand: string, actor: Actor, skip: number, limit: number): Promise<SuspectedPage> {
    return this.repository.suspected(await this.catalogue.actFor(brand, actor), skip, limit);
  }

  /**
   * A verdict on a listing of the brand. A counterfeit verdict also requests a takedown: a trusted reporter's
   * (libs/good-faith) delists the listing at once, and a seeded sample of those also goes to review; anyone
   * else's waits in the review queue. One open takedown per listing: a later verdict names the open one.
   */
  async report(brand: string, input: BrandReport, actor: Actor): Promise<BrandReportReceipt> {
    const name = await this.catalogue.actFor(brand, actor);
    const listing = await this.repository.listingBrand(input.listingId);
    // Another brand's listing answers like a missing one: its existence is not this owner's business.
    if (!listing || listing.brand !== name) throw new NotFoundException(`listing ${input.listingId} of brand ${name} not found`);
    let request: TakedownRequest | null = null;
    if (input.verdict === 'counterfeit') {
      const lane = laneFor(await this.takedowns.standingOf(actor.name));
      const id = randomUUID();
      const sampled = lane === 'fast' && sampledForReview(id, this.config.goodFaith);
      request = { id, lane, sampled, targetMinutes: Math.round(this.config.goodFaith.reviewTargetHours * 60) };
    }
    const done = await this.repository.report(
      { listingId: input.listingId, brand: name, reporter: actor.name, verdict: input.verdict, note: input.note ?? null },
      request,
      (written) => {
        if (!written) return null;
        const entries: AuditEntry[] = [
          {
            actor: actor.name,
            action: 'brand_report.submit',
            target: `listing:${input.listingId}`,
            before: written.before === null ? null : { verdict: written.before },
            after: { verdict: input.verdict, brand: name, note: input.note ?? null },
            requestId: actor.requestId,
          },
        ];
        if (written.takedown?.opened && request) {
          entries.push({
            actor: actor.name,
            action: 'takedown.open',
            target: `takedown:${request.id}`,
            before: null,
            after: {
              listingId: input.listingId,
              brand: name,
              lane: request.lane,
              sampled: request.sampled,
              status: request.lane === 'fast' ? 'taken_down' : 'pending',
              delisted: written.takedown.delisted,
            },
            requestId: actor.requestId,
          });
        }
        return entries;
      },
    );
    if (!done) throw new NotFoundException(`listing ${input.listingId} of brand ${name} not found`);
    // Every recorded verdict is in the network's dossier (confirmations, timeline, listings.csv), kept in the read cache.
    this.cache.invalidate();
    const takedown = done.takedown ? await this.takedowns.get(done.takedown.id) : null;
    return { id: done.id, listingId: input.listingId, verdict: input.verdict, reportedAt: done.reportedAt, takedown };
  }

  /** The brands known to the system, as the data spells them. */
  async list(): Promise<{ brands: string[] }> {
    return { brands: await this.catalogue.list() };
  }
}
