import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AlertAcknowledged, AlertListQuery, AlertPage } from '@ringwatch/wire';
import { AuditRepository } from '../audit/audit.repository';
import type { Actor } from '../common/actor';
import { AlertsRepository } from './alerts.repository';

/** Recidivism watch: new shops tied by a strong identifier to shops a shutdown took down. */
@Injectable()
export class AlertsService {
  constructor(
    @Inject(AlertsRepository) private readonly repository: AlertsRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  /** Runs after every load; returns the alerts raised for the first time. */
  async checkRecidivism(): Promise<{ id: string; shopId: string }[]> {
    const imports = await this.repository.importsSinceLastRun();
    if (imports.length === 0) return [];
    const raised = (await this.repository.raiseRecidivism(imports)).filter((a) => a.isNew);
    for (const alert of raised) {
      await this.audit.append({
        actor: 'system',
        action: 'alert.raise',
        target: `alert:${alert.id}`,
        before: null,
        after: { kind: 'recidivism', shopId: alert.shopId },
      });
    }
    return raised.map(({ id, shopId }) => ({ id, shopId }));
  }

  list(status: AlertListQuery['status'], skip: number, limit: number): Promise<AlertPage> {
    return this.repository.list(status ?? null, skip, limit);
  }

  async acknowledge(id: string, note: string | undefined, actor: Actor): Promise<AlertAcknowledged> {
    const done = await this.repository.acknowledge(id, actor.name, note ?? null);
    if (!done) throw new NotFoundException(`alert ${id} not found`);
    if (done.before === 'acknowledged') throw new ConflictException(`alert ${id} was acknowledged already by ${done.acknowledgedBy}`);
    await this.audit.append({
      actor: actor.name,
      action: 'alert.acknowledge',
      target: `alert:${id}`,
      before: { status: 'open' },
      after: { status: 'acknowledged', note: note ?? null },
      requestId: actor.requestId,
    });
    return { id, status: 'acknowledged', acknowledgedBy: done.acknowledgedBy };
  }
}
