import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Inject, Injectable, Logger, NotFoundException, type BeforeApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { OPEN_STATUSES } from '@ringwatch/cases';
import { ensurePrivateDir, type RingwatchConfig } from '@ringwatch/config';
import type { Report, ReportContent, ReportPage } from '@ringwatch/wire';
import { CronJob } from 'cron';
import type { Actor } from '../common/actor';
import { Redaction, type IdentityView } from '../common/redaction';
import { CONFIG } from '../common/tokens';
import { DetectionService } from '../detection/detection.service';
import { buildReport, REPORT_DEFAULTS, reportCsv, reportHtml, reportText } from './report-content';
import { ReportsRepository } from './reports.repository';

const LOCK = 'nightly-report';
const JOB = 'nightly-report';
export const REPORT_FILES = ['report.json', 'report.html', 'clusters.csv', 'summary.txt'] as const;
export type ReportFile = (typeof REPORT_FILES)[number];

/** Renders each file from a report's content (report.json is the content itself). */
const RENDER: Record<ReportFile, (content: ReportContent) => string> = {
  'report.json': (content) => `${JSON.stringify(content, null, 2)}\n`,
  'report.html': reportHtml,
  'clusters.csv': reportCsv,
  'summary.txt': reportText,
};

/**
 * A report's content as a caller may see it: the identifiers alerts name go through the view. Reports
 * written before the to-do groups kept their alerts under `recidivismAlerts`; those are redacted too.
 */
function shown(content: ReportContent, view: IdentityView): ReportContent {
  if (view.identities) return content;
  const redact = <T extends { via: string[] }>(alerts: T[]) => alerts.map((a) => ({ ...a, via: a.via.map((v) => view.tagged(v)) }));
  const legacy = content as ReportContent & { recidivismAlerts?: { via: string[] }[] };
  return {
    ...content,
    ...(content.todo ? { todo: { ...content.todo, alerts: redact(content.todo.alerts) } } : {}),
    ...(legacy.recidivismAlerts ? { recidivismAlerts: redact(legacy.recidivismAlerts) } : {}),
  };
}

export type ReportOutcome =
  | { status: 'completed'; id: string }
  | { status: 'failed'; id: string; error: string }
  | { status: 'skipped'; reason: string };

/**
 * The nightly shop-cluster report: runs detection, compares with the previous run, and writes what
 * changed as JSON, HTML and CSV, with a summary node in Neo4j. One run at a time: an in-process guard
 * and a lease in Neo4j (renewed while running, so a crashed run frees it) make overlapping triggers
 * skip instead of piling up. A failed run is recorded with its error and retried once.
 */
@Injectable()
export class ReportsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('reports');
  private readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private running: Promise<ReportOutcome> | null = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    @Inject(ReportsRepository) private readonly repository: ReportsRepository,
    @Inject(DetectionService) private readonly detection: DetectionService,
    @Inject(SchedulerRegistry) private readonly scheduler: SchedulerRegistry,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    @Inject(Redaction) private readonly redaction: Redaction,
  ) {}

  /** Starts the schedule (after migrations, so a tick never meets an old schema). */
  startSchedule(): void {
    if (!this.config.report.scheduled || this.scheduler.doesExist('cron', JOB)) return;
    const job = CronJob.from({ cronTime: this.config.report.cron, timeZone: 'UTC', start: false, onTick: () => void this.nightly('schedule') });
    this.scheduler.addCronJob(JOB, job);
    job.start();
    this.logger.log(`nightly report scheduled: "${this.config.report.cron}" UTC, next ${job.nextDate().toISO()}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.scheduler.doesExist('cron', JOB)) {
      void this.scheduler.getCronJob(JOB).stop();
      this.scheduler.deleteCronJob(JOB);
    }
    clearTimeout(this.retryTimer);
    await this.running;
  }

  /** Resolves when the run in this process (if any) has ended; for tests and graceful shutdown. */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  isRunning(): boolean {
    return this.running !== null;
  }

  /**
   * The cron handler (also POST /reports): one run, or a skip when one is already under way. `actor` is who
   * the audit trail names: the person who asked for a manual run, 'system' for the schedule and its retry.
   */
  nightly(trigger: 'schedule' | 'manual' | 'retry', attempt = 1, actor = 'system'): Promise<ReportOutcome> {
    if (this.running) return Promise.resolve({ status: 'skipped', reason: 'a report is already running in this process' });
    const run = this.runOnce(trigger, attempt, actor).finally(() => (this.running = null));
    this.running = run;
    // Retried once, after the failed run has let go of the guard and the lease.
    return run.then((outcome) => {
      if (outcome.status === 'failed' && attempt === 1 && !this.stopped) {
        this.retryTimer = setTimeout(() => void this.nightly('retry', 2), this.config.report.retryDelaySeconds * 1000);
      }
      return outcome;
    });
  }

  private async runOnce(trigger: string, attempt: number, actor: string): Promise<ReportOutcome> {
    const ttl = this.config.report.lockTtlSeconds;
    if (!(await this.repository.acquireLock(LOCK, this.owner, ttl))) {
      this.logger.warn(`report (${trigger}) skipped: another process holds the report lease`);
      return { status: 'skipped', reason: 'another process holds the report lease' };
    }
    const heartbeat = setInterval(() => void this.repository.extendLock(LOCK, this.owner, ttl).catch(() => undefined), (ttl * 1000) / 3);
    const id = randomUUID();
    try {
      await this.repository.create(id, trigger, attempt);
      try {
        const content = await this.produce(id, actor);
        return { status: 'completed', id: content.id };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await this.repository.finish(id, { status: 'failed', error: message, runId: null, previousRunId: null, summary: null, files: [], dir: null }, () => ({
          actor,
          action: 'report.fail',
          target: `report:${id}`,
          before: null,
          after: { trigger, attempt, error: message },
        }));
        this.logger.error(`report ${id} (${trigger}, attempt ${attempt}) failed: ${message}`);
        return { status: 'failed', id, error: message };
      }
    } finally {
      clearInterval(heartbeat);
      await this.repository.releaseLock(LOCK, this.owner);
    }
  }

  private async produce(id: string, actor: string): Promise<ReportContent> {
    const last = await this.repository.lastCompleted();
    const previousRunId = await this.repository.latestRunId();
    const run = await this.detection.run({}, 'nightly-report');
    const [current, previous, events, todo] = await Promise.all([
      this.repository.runClusters(run.runId),
      previousRunId ? this.repository.runClusters(previousRunId) : Promise.resolve([]),
      this.repository.since(last),
      this.repository.todo({ last, runId: run.runId, previousRunId, minRise: REPORT_DEFAULTS.riskRise, statuses: OPEN_STATUSES }),
    ]);
    const content = buildReport({
      id,
      generatedAt: new Date().toISOString(),
      runId: run.runId,
      previousRunId,
      since: last.since,
      current,
      previous,
      events,
      todo,
    });
    // Reports name shops and their people: owner only, like everything Ringwatch keeps outside Neo4j.
    ensurePrivateDir(this.config.report.dir);
    const dir = ensurePrivateDir(path.join(this.config.report.dir, `${content.generatedAt.slice(0, 10)}-${id}`));
    for (const name of REPORT_FILES) fs.writeFileSync(path.join(dir, name), RENDER[name](content), { mode: 0o600 });
    await this.repository.finish(
      id,
      { status: 'completed', error: null, runId: run.runId, previousRunId, summary: JSON.stringify(content.counts), files: [...REPORT_FILES], dir },
      () => ({ actor, action: 'report.generate', target: `report:${id}`, before: null, after: { runId: run.runId, counts: content.counts } }),
    );
    return content;
  }

  list(skip: number, limit: number): Promise<ReportPage> {
    return this.repository.list(skip, limit).then((page) => ({
      total: page.total,
      items: page.items.map((r) => ({ ...r, summary: r.summary ? (JSON.parse(r.summary) as Record<string, number>) : null })),
    }));
  }

  /** A report with its content, as the caller may see it (see shown). */
  async get(id: string, actor: Actor): Promise<Report> {
    const record = await this.repository.get(id);
    if (!record) throw new NotFoundException(`report ${id} not found`);
    const file = record.dir ? path.join(record.dir, 'report.json') : null;
    const content = file && fs.existsSync(file) ? shown(JSON.parse(fs.readFileSync(file, 'utf8')) as ReportContent, this.viewOf(actor)) : null;
    const { dir: _dir, ...rest } = record;
    return { ...rest, summary: record.summary ? (JSON.parse(record.summary) as Record<string, number>) : null, content };
  }

  /**
   * A report file for download: the stored file for a caller who sees identities; for anyone else, the
   * file rendered again from the redacted content (the alerts in every file name identifiers). A report
   * written before the to-do groups is served redacted as JSON, and its CSV (clusters only) as stored;
   * its HTML cannot be rendered again without identities, so it is 404 for them. 404 when the report or
   * the file is gone.
   */
  async file(id: string, name: ReportFile, actor: Actor): Promise<{ path: string } | { body: string }> {
    const record = await this.repository.get(id);
    const file = record?.dir ? path.join(record.dir, name) : null;
    if (!file || !fs.existsSync(file)) throw new NotFoundException(`report ${id} has no ${name}`);
    const view = this.viewOf(actor);
    if (view.identities) return { path: file };
    const content = shown(JSON.parse(fs.readFileSync(path.join(record!.dir!, 'report.json'), 'utf8')) as ReportContent, view);
    if (!content.todo) {
      if (name === 'report.json') return { body: RENDER['report.json'](content) };
      if (name === 'clusters.csv') return { path: file };
      throw new NotFoundException(`report ${id} was written by an earlier version; its ${name} is only shown to roles that see identities`);
    }
    return { body: RENDER[name](content) };
  }

  private viewOf(actor: Actor): IdentityView {
    return this.redaction.viewFor(actor.roles);
  }
}
