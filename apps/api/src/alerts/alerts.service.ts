import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AlertAcknowledged, AlertListQuery, AlertPage } from '@ringwatch/wire';
import { IdentityReads } from '../audit/identity-reads';
import type { Actor } from '../common/actor';
import { Redaction } from '../common/redaction';
import { AlertsRepository } from './alerts.repository';

/** Recidivism watch: new shops tied by a strong identifier to shops a shutdown took down. */
@Injectable()
export class AlertsService {
  constructor(
    @Inject(AlertsRepository) private readonly repository: AlertsRepository,
    @Inject(Redaction) private readonly redaction: Redaction,
    @Inject(IdentityReads) private readonly reads: IdentityReads,
  ) {}

  /** Runs after every load; returns the alerts raised for the first time. */
  async checkRecidivism(): Promise<{ id: string; shopId: string }[]> {
    const imports = await this.repository.importsSinceLastRun();
    if (imports.length === 0) return [];
    const raised = (
      await this.repository.raiseRecidivism(imports, (alerts) =>
        alerts
          .filter((a) => a.isNew)
          .map((a) => ({ actor: 'system', action: 'alert.raise', target: `alert:${a.id}`, before: null, after: { kind: 'recidivism', shopId: a.shopId } })),
      )
    ).filter((a) => a.isNew);
    return raised.map(({ id, shopId }) => ({ id, shopId }));
  }

  /** The alerts, the identifiers each shares (a phone, a device) as the caller may see them. */
  async list(status: AlertListQuery['status'], skip: number, limit: number, actor: Actor): Promise<AlertPage> {
    const view = this.redaction.viewFor(actor.roles);
    const page = await this.repository.list(status ?? null, skip, limit);
    if (page.items.length > 0)
      await this.reads.record(actor, {
        via: 'GET /alerts',
        target: `alerts:${page.items
          .map((a) => a.id)
          .slice(0, 20)
          .join(',')}`,
      });
    return { ...page, items: page.items.map((a) => ({ ...a, via: a.via.map((v) => view.tagged(v)) })) };
  }

  async acknowledge(id: string, note: string | undefined, actor: Actor): Promise<AlertAcknowledged> {
    const done = await this.repository.acknowledge(id, actor.name, note ?? null, (result) =>
      result?.before === 'open'
        ? {
            actor: actor.name,
            action: 'alert.acknowledge',
            target: `alert:${id}`,
            before: { status: 'open' },
            after: { status: 'acknowledged', note: note ?? null },
            requestId: actor.requestId,
          }
        : null,
    );
    if (!done) throw new NotFoundException(`alert ${id} not found`);
    if (done.before === 'acknowledged') throw new ConflictException(`alert ${id} was acknowledged already by ${done.acknowledgedBy}`);
    return { id, status: 'acknowledged', acknowledgedBy: done.acknowledgedBy };
  }
}
