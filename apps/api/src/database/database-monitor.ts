import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import { CONFIG } from '../common/tokens';
import { DatabaseProbeRepository, DatabaseTimeoutError } from './database-probe.repository';
import { DatabaseUnavailableError, isDatabaseUnreachable } from './database-unavailable';

export type DatabaseState = { readonly status: 'up'; readonly since: Date } | { readonly status: 'down'; readonly since: Date; readonly cause: string };

/**
 * Probes in a row that get no answer in time before routes are refused. A database busy with a bulk
 * import can miss one deadline without being gone, and refusing every route on one slow probe would turn
 * load into an outage; a refused or dropped connection still counts at once.
 */
const SLOW_PROBES_BEFORE_DOWN = 3;

/**
 * Watches the database from the API's side: a probe every NEO4J_PROBE_INTERVAL_MS, and every driver
 * error that says the server is gone. While it is down, routes answer 503 at once (DatabaseGuard) instead
 * of each waiting out the driver; when it comes back, the work it interrupted is picked up again
 * (onRecovered: shutdown executions resume, imports it broke are marked failed).
 */
@Injectable()
export class DatabaseMonitor implements OnApplicationShutdown {
  private readonly logger = new Logger('database');
  private slowProbes = 0;
  /** What the last probe failed on (null: it answered), for /health, which reports a slow database too. */
  private lastProbeError: string | null = null;
  private current: DatabaseState = { status: 'up', since: new Date() };
  private timer: NodeJS.Timeout | null = null;
  private probing: Promise<void> | null = null;
  private readonly recovered: { name: string; run: () => Promise<void> }[] = [];
  /** Set while the database is offline on purpose (a bulk first load): routes answer 503 whatever the probes say. */
  private held: { cause: string; since: Date } | null = null;

  constructor(
    @Inject(DatabaseProbeRepository) private readonly probeRepository: DatabaseProbeRepository,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
  ) {}

  get state(): DatabaseState {
    return this.current;
  }

  /** Starts probing (the HTTP application does; command-line tools do not watch). */
  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.probe(), this.config.supervision.probeIntervalMs);
    this.timer.unref();
  }

  /** Work to redo each time the database comes back. */
  onRecovered(name: string, run: () => Promise<void>): void {
    this.recovered.push({ name, run });
  }

  /** One probe now (a second call while one runs waits for it). */
  probe(): Promise<void> {
    this.probing ??= this.probeRepository
      .ping(this.config.supervision.probeTimeoutMs)
      .then(
        () => {
          this.slowProbes = 0;
          this.lastProbeError = null;
          this.markUp();
        },
        (error: unknown) => {
          const cause = error instanceof Error ? error.message : String(error);
          this.lastProbeError = cause;
          if (error instanceof DatabaseTimeoutError && ++this.slowProbes < SLOW_PROBES_BEFORE_DOWN) return;
          this.markDown(cause);
        },
      )
      .finally(() => (this.probing = null));
    return this.probing;
  }

  /** A probe now: throws the 503 when the database does not answer within the probe's deadline. */
  async check(): Promise<void> {
    await this.probe();
    this.assertAvailable();
    // Not yet refused to routes, but health says the database did not answer in time.
    if (this.lastProbeError !== null) throw new DatabaseUnavailableError(this.lastProbeError, null);
  }

  /**
   * Refuses routes with 503 (this cause) until the release is called: for work that takes the database
   * offline and must put records back before anyone is served (a bulk first load writes the accounts back
   * after the importer; a request in between would find its account gone and get 401).
   */
  hold(cause: string): () => void {
    const held = { cause, since: new Date() };
    this.held = held;
    return () => {
      if (this.held === held) this.held = null;
    };
  }

  /** Throws the 503 when the database is known to be away. */
  assertAvailable(): void {
    if (this.held) throw new DatabaseUnavailableError(this.held.cause, this.held.since);
    if (this.current.status === 'down') throw new DatabaseUnavailableError(this.current.cause, this.current.since);
  }

  /** A driver error that means the server is gone becomes the 503 (and marks it down); anything else is left alone. */
  translate(error: unknown): DatabaseUnavailableError | undefined {
    if (!isDatabaseUnreachable(error)) return undefined;
    this.markDown(error.message);
    const state = this.current;
    return new DatabaseUnavailableError(state.status === 'down' ? state.cause : error.message, state.status === 'down' ? state.since : null);
  }

  onApplicationShutdown(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private markDown(cause: string): void {
    if (this.current.status === 'down') {
      this.current = { ...this.current, cause };
      return;
    }
    this.current = { status: 'down', since: new Date(), cause };
    this.logger.error({ msg: 'database unreachable: routes answer 503 until it is back', cause });
  }

  private markUp(): void {
    if (this.current.status === 'up') return;
    const downMs = Date.now() - this.current.since.getTime();
    this.current = { status: 'up', since: new Date() };
    this.logger.log({ msg: 'database reachable again', downMs });
    // In the background: a probe (and the /health waiting on it) answers without waiting for the work.
    void this.runRecovered();
  }

  /** Side by side, so one that hangs on a database still settling does not hold up the others. */
  private async runRecovered(): Promise<void> {
    await Promise.all(
      this.recovered.map(async ({ name, run }) => {
        try {
          await run();
        } catch (error) {
          // Most likely the database went away again; the next recovery runs it again.
          this.logger.error({ msg: `after the database came back, ${name} failed`, error: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
  }
}
