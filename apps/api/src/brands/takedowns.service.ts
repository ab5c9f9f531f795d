import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import { standing, type Outcomes, type Standing } from '@ringwatch/good-faith';
import { hasPermission } from '@ringwatch/permissions';
import type { BrandStanding, Reporter, ReporterPage, ReportOutcomePage, ReviewQueuePage, Takedown, TakedownDecided, TakedownListQuery } from '@ringwatch/wire';
import type { Actor } from '../common/actor';
import { ReadCache } from '../common/read-cache';
import { CONFIG } from '../common/tokens';
import { BrandCatalogue } from './brand-catalogue';
import { TakedownsRepository, type ReporterOutcomes } from './takedowns.repository';

const NONE: Outcomes = { decided: 0, against: 0, takenDown: 0, appealed: 0, pending: 0 };

function sum(rows: readonly Outcomes[]): Outcomes {
  return rows.reduce(
    (a, r) => ({
      decided: a.decided + r.decided,
      against: a.against + r.against,
      takenDown: a.takenDown + r.takenDown,
      appealed: a.appealed + r.appealed,
      pending: a.pending + r.pending,
    }),
    NONE,
  );
}

/**
 * The good-faith fast lane as the API applies it: outcomes counted in Neo4j, rated by libs/good-faith with
 * the configured options; the analysts' review queue and their decisions; sellers' appeals (entered by staff).
 */
@Injectable()
export class TakedownsService {
  constructor(
    @Inject(TakedownsRepository) private readonly repository: TakedownsRepository,
    @Inject(BrandCatalogue) private readonly catalogue: BrandCatalogue,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    @Inject(ReadCache) private readonly cache: ReadCache,
  ) {}

  /** A reporter's standing over all its takedown requests, whatever the brand (the lane a new report takes follows it). */
  async standingOf(reporter: string): Promise<Standing> {
    const rows = await this.repository.outcomes({ reporter });
    return standing(sum(rows), this.config.goodFaith);
  }

  private row(r: ReporterOutcomes): Reporter {
    const { reporter, brands, ...outcomes } = r;
    return { reporter, brands, ...standing(outcomes, this.config.goodFaith) };
  }

  /**
   * A brand's standing over all its reporters' requests, and reporters' own standing: staff see every
   * reporter of the brand, a brand owner only itself.
   */
  async brandStanding(brand: string, actor: Actor): Promise<BrandStanding> {
    const name = await this.catalogue.actFor(brand, actor);
    const ofBrand = await this.repository.outcomes({ brand: name });
    const staff = hasPermission(actor.roles, 'brands.read-any');
    const reporters = staff ? ofBrand.map((r) => r.reporter) : [actor.name];
    const everywhere = new Map((await this.repository.outcomes({})).map((r) => [r.reporter, r]));
    return {
      brand: name,
      standing: standing(sum(ofBrand), this.config.goodFaith),
      reporters: reporters.map((reporter) => this.row(everywhere.get(reporter) ?? { reporter, brands: [], ...NONE })),
    };
  }

  /** The staff's table of reporters, most decided reports first; `trusted` filters by standing. */
  async reporters(trusted: boolean | undefined, skip: number, limit: number): Promise<ReporterPage> {
    const rows = (await this.repository.outcomes({}))
      .map((r) => this.row(r))
      .filter((r) => trusted === undefined || r.trusted === trusted)
      .sort((a, b) => b.decided - a.decided || a.reporter.localeCompare(b.reporter));
    return { total: rows.length, items: rows.slice(skip, skip + limit) };
  }

  get(id: string): Promise<Takedown | null> {
    return this.repository.get(id);
  }

  /**
   * A brand's reports and what came of them: a brand owner sees only its own ("my reports"), staff every
   * reporter's. The brand is matched as the catalogue spells it, and a brand owner only acts for its own.
   */
  async reports(brand: string, actor: Actor, skip: number, limit: number): Promise<ReportOutcomePage> {
    const name = await this.catalogue.actFor(brand, actor);
    const reporter = hasPermission(actor.roles, 'brands.read-any') ? null : actor.name;
    return this.repository.reports(name, reporter, skip, limit);
  }

  /** Takedowns by status, brand (as the catalogue spells it) and reporter: the staff's list to enter appeals from. */
  async list(query: TakedownListQuery): Promise<ReviewQueuePage> {
    const brand = query.brand === undefined ? undefined : ((await this.catalogue.canonical(query.brand)) ?? query.brand);
    return this.repository.list({ status: query.status, brand, reporter: query.reporter }, query.skip, query.limit);
  }

  async queue(brand: string | undefined, skip: number, limit: number): Promise<ReviewQueuePage> {
    const name = brand === undefined ? null : ((await this.catalogue.canonical(brand)) ?? brand);
    return this.repository.queue(name, skip, limit);
  }

  /** An analyst confirms or rejects a queued report: one decision wins, the others get 409; audited in the same transaction. */
  async decide(id: string, decision: 'confirmed' | 'rejected', note: string | undefined, actor: Actor): Promise<TakedownDecided> {
    const done = await this.repository.decide(id, decision, actor.name, note ?? null, (d) =>
      d
        ? {
            actor: actor.name,
            action: decision === 'confirmed' ? 'takedown.confirm' : 'takedown.reject',
            target: `takedown:${id}`,
            before: { status: d.before, review: 'pending' },
            after: { status: d.status, review: d.review, delisted: d.delisted, relisted: d.relisted, reporter: d.reporter, note: note ?? null },
            requestId: actor.requestId,
          }
        : null,
    );
    if (!done) throw await this.refusal(id, 'is not waiting for a review (decided by someone else meanwhile?)');
    if (done.delisted || done.relisted) this.cache.invalidate();
    return { id, status: done.status, review: done.review, delisted: done.delisted, relisted: done.relisted };
  }

  /** A seller's upheld appeal, entered by staff: the takedown is reversed, the listing relisted, the reporter's accuracy takes it. */
  async appeal(id: string, note: string, actor: Actor): Promise<TakedownDecided> {
    const done = await this.repository.appeal(id, actor.name, note, (a) =>
      a
        ? {
            actor: actor.name,
            action: 'takedown.appeal',
            target: `takedown:${id}`,
            before: { status: 'taken_down' },
            after: { status: a.status, review: a.review, relisted: a.relisted, reporter: a.reporter, listingId: a.listingId, note },
            requestId: actor.requestId,
          }
        : null,
    );
    if (!done) throw await this.refusal(id, 'is not in effect (pending, rejected or reversed already)');
    // An upheld appeal is in the network's dossier timeline even when the listing stays down.
    this.cache.invalidate();
    return { id, status: done.status, review: done.review, delisted: false, relisted: done.relisted };
  }

  private async refusal(id: string, why: string): Promise<Error> {
    const current = await this.repository.get(id);
    if (!current) return new NotFoundException(`takedown ${id} not found`);
    return new ConflictException(`takedown ${id} ${why}: it is ${current.status}${current.review ? `, review ${current.review}` : ''}`);
  }
}
