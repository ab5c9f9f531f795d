import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { BrandReportReceipt, SuspectedPage } from '@ringwatch/wire';
import { hasPermission } from '@ringwatch/permissions';
import type { Actor } from '../common/actor';
import type { BrandReport } from './brands.dto';
import { BrandsRepository } from './brands.repository';

/** The brand owners' portal: each sees and judges only the listings of the brands bound to the account. */
@Injectable()
export class BrandsService {
  constructor(@Inject(BrandsRepository) private readonly repository: BrandsRepository) {}

  suspected(brand: string, actor: Actor, skip: number, limit: number): Promise<SuspectedPage> {
    this.authorise(brand, actor);
    return this.repository.suspected(brand, skip, limit);
  }

  async report(brand: string, input: BrandReport, actor: Actor): Promise<BrandReportReceipt> {
    this.authorise(brand, actor);
    const listing = await this.repository.listingBrand(input.listingId);
    // Another brand's listing answers like a missing one: its existence is not this owner's business.
    if (!listing || listing.brand !== brand) throw new NotFoundException(`listing ${input.listingId} of brand ${brand} not found`);
    const done = await this.repository.report(
      { listingId: input.listingId, brand, reporter: actor.name, verdict: input.verdict, note: input.note ?? null },
      (written) =>
        written
          ? {
              actor: actor.name,
              action: 'brand_report.submit',
              target: `listing:${input.listingId}`,
              before: written.before === null ? null : { verdict: written.before },
              after: { verdict: input.verdict, brand, note: input.note ?? null },
              requestId: actor.requestId,
            }
          : null,
    );
    if (!done) throw new NotFoundException(`listing ${input.listingId} of brand ${brand} not found`);
    return { id: done.id, listingId: input.listingId, verdict: input.verdict, reportedAt: done.reportedAt };
  }

  /** An account acts for the brands bound to it; only brands.read-any (staff) reaches every brand. */
  private authorise(brand: string, actor: Actor): void {
    if (hasPermission(actor.roles, 'brands.read-any') || actor.brands.includes(brand)) return;
    throw new ForbiddenException(`this account acts for ${actor.brands.join(', ') || 'no brand'}, not ${brand}`);
  }
}
