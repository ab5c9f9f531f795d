import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import type { Preview, ProposeShutdown, Shutdown, ShutdownListQuery, ShutdownPage } from '@ringwatch/wire';
import { AuditRepository } from '../audit/audit.repository';
import { ClustersService } from '../clusters/clusters.service';
import type { Actor } from '../common/actor';
import { ReadCache } from '../common/read-cache';
import { CONFIG } from '../common/tokens';
import { ShutdownsRepository, type MemberFacts } from './shutdowns.repository';

/** A member weakly attached to its cluster (membership confidence below this) is called out for a second look. */
const WEAK_CONFIDENCE = 0.5;
/** A shop open this long without a single counterfeit report looks like an established, honest business. */
const ESTABLISHED_YEARS = 3;

/**
 * Bulk shutdowns: an analyst proposes (the member list is frozen, with a dry-run preview), a supervisor
 * other than the proposer approves or rejects, and execution suspends shops in batches, each batch one
 * transaction, so an interrupted execution resumes where it stopped.
 */
@Injectable()
export class ShutdownsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('shutdowns');
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    @Inject(ShutdownsRepository) private readonly repository: ShutdownsRepository,
    @Inject(ClustersService) private readonly clusters: ClustersService,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    @Inject(ReadCache) private readonly cache: ReadCache,
  ) {}

  async propose(input: ProposeShutdown, actor: Actor): Promise<Shutdown> {
    const cluster = await this.clusters.detail(input.clusterId, undefined);
    const memberIds = new Set(cluster.members.map((m) => m.id));
    const strangers = input.exclude.filter((id) => !memberIds.has(id));
    if (strangers.length > 0) {
      throw new BadRequestException({
        message: 'invalid input',
        fields: [{ field: 'exclude', reason: `not members of ${cluster.id}: ${strangers.slice(0, 10).join(', ')}` }],
      });
    }
    const excluded = new Set(input.exclude);
    const targets = cluster.members.filter((m) => !excluded.has(m.id));
    if (targets.length === 0) {
      throw new BadRequestException({ message: 'invalid input', fields: [{ field: 'exclude', reason: 'excludes every member: nothing would be shut down' }] });
    }
    const facts = await this.repository.memberFacts(
      targets.map((m) => m.id),
      this.config.detection.hubThreshold,
    );
    const confidence = new Map(targets.map((m) => [m.id, m.confidence]));
    const preview = buildPreview(facts, confidence, new Date());
    const id = randomUUID();
    const blocking = await this.repository.create(
      {
        id,
        clusterKey: `${cluster.runId}:${cluster.id}`,
        reason: input.reason,
        excluded: [...excluded].sort(),
        shops: targets.map((m) => m.id),
        actor: actor.name,
        preview: JSON.stringify(preview),
      },
      (blocked) =>
        blocked?.length === 0
          ? {
              actor: actor.name,
              action: 'shutdown.propose',
              target: `shutdown:${id}`,
              before: null,
              after: { clusterId: cluster.id, runId: cluster.runId, shops: targets.length, excluded: [...excluded], reason: input.reason },
              requestId: actor.requestId,
            }
          : null,
    );
    if (blocking === null) throw new NotFoundException(`cluster ${cluster.id} not found in the latest run`);
    if (blocking.length > 0) throw new ConflictException(`cluster ${cluster.id} already has a shutdown under way: ${blocking.join(', ')}`);
    this.cache.invalidate();
    return this.get(id);
  }

  async get(id: string): Promise<Shutdown> {
    const row = await this.repository.get(id);
    if (!row) throw new NotFoundException(`shutdown ${id} not found`);
    return { ...row, preview: JSON.parse(row.preview) as Preview, shops: [...row.shops].sort() };
  }

  list(query: ShutdownListQuery): Promise<ShutdownPage> {
    return this.repository.list(query);
  }

  async decide(id: string, decision: 'approved' | 'rejected', note: string | undefined, actor: Actor): Promise<Shutdown> {
    const current = await this.get(id);
    if (current.proposedBy === actor.name) throw new ForbiddenException('four eyes: a proposal is decided by someone other than its proposer');
    if (current.status !== 'proposed') throw new ConflictException(`shutdown ${id} is ${current.status}, not awaiting a decision`);
    const decided = await this.repository.decide(id, decision, actor.name, note ?? null, (won) =>
      won
        ? {
            actor: actor.name,
            action: decision === 'approved' ? 'shutdown.approve' : 'shutdown.reject',
            target: `shutdown:${id}`,
            before: { status: 'proposed' },
            after: { status: decision, note: note ?? null },
            requestId: actor.requestId,
          }
        : null,
    );
    if (!decided) throw new ConflictException(`shutdown ${id} was decided by someone else meanwhile`);
    this.cache.invalidate();
    if (decision === 'approved') this.startExecution(id);
    return this.get(id);
  }

  /** Restarts an approved execution that stopped (a crash, a restart, a database error). */
  async resume(id: string, actor: Actor): Promise<Shutdown> {
    const current = await this.get(id);
    if (current.status !== 'approved' && current.status !== 'executing') {
      throw new ConflictException(`shutdown ${id} is ${current.status}: only an approved, unfinished execution can be resumed`);
    }
    // Started before it is audited: the check and the start are one synchronous step, so of N requests at
    // once exactly one starts it; the others are told it is running.
    if (!this.startExecution(id)) throw new ConflictException(`the execution of shutdown ${id} is running already`);
    await this.audit.append({
      actor: actor.name,
      action: 'shutdown.resume',
      target: `shutdown:${id}`,
      before: { shopsDone: current.shopsDone },
      after: null,
      requestId: actor.requestId,
    });
    return this.get(id);
  }

  /**
   * At start-up, and when the database is back after an outage: finishes every execution left
   * unfinished, except those still running in this process (one whose batch outlived the outage).
   */
  async resumeInterrupted(): Promise<string[]> {
    const pending = (await this.repository.pendingExecutions()).filter((id) => !this.running.has(id));
    for (const id of pending) {
      if (this.startExecution(id)) await this.audit.append({ actor: 'system', action: 'shutdown.resume', target: `shutdown:${id}`, before: null, after: null });
    }
    return pending;
  }

  /** Resolves when the execution in this process (if any) stops; for tests and graceful shutdown. */
  async settled(id: string): Promise<void> {
    await this.running.get(id);
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Stop between batches: the batch in flight commits, the rest waits for the next start.
    this.stopping = true;
    await Promise.allSettled(this.running.values());
  }

  /** False when this process runs it already (or is stopping). */
  private startExecution(id: string): boolean {
    if (this.running.has(id) || this.stopping) return false;
    const run = this.execute(id)
      .catch((error: unknown) =>
        this.logger.error(
          `execution of ${id} stopped: ${error instanceof Error ? error.message : String(error)}; it resumes on restart or POST /shutdowns/${id}/resume`,
        ),
      )
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
    return true;
  }

  private async execute(id: string): Promise<void> {
    if (!(await this.repository.startExecution(id))) return;
    const { batchSize, batchPauseMs } = this.config.shutdown;
    while (!this.stopping) {
      const batch = await this.repository.executeBatch(id, batchSize);
      if (batch.shops === 0) break;
      this.cache.invalidate();
      if (batchPauseMs > 0) await sleep(batchPauseMs);
    }
    if (this.stopping) return;
    await this.repository.finishExecution(id, (done) =>
      done
        ? { actor: 'system', action: 'shutdown.execute', target: `shutdown:${id}`, before: { status: 'executing' }, after: { status: 'executed', ...done } }
        : null,
    );
    this.cache.invalidate();
  }
}

/** The dry run: totals, and members worth a second look, each with its reasons. */
export function buildPreview(facts: MemberFacts[], confidence: Map<string, number>, now: Date): Preview {
  const payouts = new Map<string, number>();
  const secondLook: Preview['secondLook'] = [];
  let activeListings = 0;
  let counterfeitReports = 0;
  for (const shop of facts) {
    activeListings += shop.activeListings;
    counterfeitReports += shop.counterfeitReports;
    for (const p of shop.payouts) payouts.set(p.currency, (payouts.get(p.currency) ?? 0) + p.amount);
    const reasons: string[] = [];
    if (shop.hubKinds.length > 0) reasons.push(`also uses hub identifiers (${[...shop.hubKinds].sort().join(', ')}) shared with many unrelated shops`);
    const c = confidence.get(shop.id);
    if (c !== undefined && c < WEAK_CONFIDENCE) reasons.push(`weakly attached to the cluster (confidence ${c.toFixed(2)})`);
    if (shop.openedAt && shop.counterfeitReports === 0) {
      const years = (now.getTime() - Date.parse(shop.openedAt)) / (365.25 * 24 * 3600 * 1000);
      if (years >= ESTABLISHED_YEARS) reasons.push(`open for ${Math.floor(years)} years without a counterfeit report`);
    }
    if (shop.status !== 'active') reasons.push(`already ${shop.status ?? 'without a status'}`);
    if (reasons.length > 0) secondLook.push({ shopId: shop.id, name: shop.name, reasons });
  }
  return {
    shops: facts.length,
    activeListings,
    payouts: [...payouts].map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 })).sort((a, b) => b.amount - a.amount),
    counterfeitReports,
    secondLook: secondLook.sort((a, b) => b.reasons.length - a.reasons.length || a.shopId.localeCompare(b.shopId)),
  };
}
