import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { BrandReportReceipt, SuspectedPage } from '@ringwatch/wire';
import { AuditRepository } from '../audit/audit.repository';
import type { TokenClaims } from '../auth/tokens';
import type { Actor } from '../common/actor';
import type { BrandReport } from './brands.dto';
import { BrandsRepository } from './brands.repository';

/** The brand owners' portal: each sees and judges only the listings of the brands bound to the account. */
@Injectable()
export class BrandsService {
  constructor(
    @Inject(BrandsRepository) private readonly repository: BrandsRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  suspected(brand: string, user: TokenClaims, skip: number, limit: number): Promise<SuspectedPage> {
    this.authorise(brand, user);
    return this.repository.suspected(brand, skip, limit);
  }

  async report(brand: string, input: BrandReport, user: TokenClaims, actor: Actor): Promise<BrandReportReceipt> {
    this.authorise(brand, user);
    const listing = await this.repository.listingBrand(input.listingId);
    // Another brand's listing answers like a missing one: its existence is not this owner's business.
    if (!listing || listing.brand !== brand) throw new NotFoundException(`listing ${input.listingId} of brand ${brand} not found`);
    const done = await this.repository.report({ listingId: input.listingId, brand, reporter: user.sub, verdict: input.verdict, note: input.note ?? null });
    if (!done) throw new NotFoundException(`listing ${input.listingId} of brand ${brand} not found`);
    await this.audit.append({
      actor: actor.name,
      action: 'brand_report.submit',
      target: `listing:${input.listingId}`,
      before: done.before === null ? null : { verdict: done.before },
      after: { verdict: input.verdict, brand, note: input.note ?? null },
      requestId: actor.requestId,
    });
    return { id: done.id, listingId: input.listingId, verdict: input.verdict, reportedAt: done.reportedAt };
  }

  /** Brand owners are confined to their brands; staff roles see every brand. */
  private authorise(brand: string, user: TokenClaims): void {
    const staff = user.roles.some((r) => r !== 'brand_owner');
    if (!staff && !user.brands.includes(brand)) throw new ForbiddenException(`this account acts for ${user.brands.join(', ') || 'no brand'}, not ${brand}`);
  }
}
