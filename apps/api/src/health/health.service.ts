import { Inject, Injectable } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import type { HealthReport } from '@ringwatch/wire';
import { CONFIG } from '../common/tokens';
import { DatabaseMonitor } from '../database/database-monitor';
import { DatabaseUnavailableError } from '../database/database-unavailable';
import { HealthRepository } from './health.repository';

const FACTS_TTL_MS = 60_000;

@Injectable()
export class HealthService {
  private facts: HealthReport | null = null;
  private factsAt = 0;
  private refreshing: Promise<HealthReport> | null = null;

  constructor(
    @Inject(HealthRepository) private readonly repository: HealthRepository,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    @Inject(DatabaseMonitor) private readonly monitor: DatabaseMonitor,
  ) {}

  /**
   * The server's facts, or 503 with the cause: at once when the monitor knows the database is away, and
   * within the probe's deadline when it has just gone (a health check that hangs is no health check).
   * The facts (version, GDS, migrations) change only when a server or a new version starts, so they are
   * kept for a minute, and refreshed within the same deadline: a cold first call into GDS alone can take
   * most of a second, and a server still starting answers a ping before it answers these.
   */
  async report(): Promise<HealthReport> {
    this.monitor.assertAvailable();
    await this.monitor.check();
    if (this.facts !== null && Date.now() - this.factsAt <= FACTS_TTL_MS) return this.facts;
    const refreshing = this.refresh();
    const timeoutMs = this.config.supervision.probeTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
    const fresh = await Promise.race([refreshing.catch(() => null), late]).finally(() => clearTimeout(timer));
    // Facts read before are still true while a refresh is late; without any, the database is not answering.
    const facts = fresh ?? this.facts;
    if (facts === null) throw new DatabaseUnavailableError(`no answer within ${timeoutMs} ms`, null);
    return facts;
  }

  /** Read at the API's start, when the database has just answered, so the first /health does not pay for a cold GDS. */
  async warm(): Promise<void> {
    await this.refresh().catch(() => undefined);
  }

  private refresh(): Promise<HealthReport> {
    this.refreshing ??= this.readFacts()
      .then((facts) => {
        this.facts = facts;
        this.factsAt = Date.now();
        return facts;
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async readFacts(): Promise<HealthReport> {
    const [components, gdsVersion, migrations] = await Promise.all([
      this.repository.components(),
      this.repository.gdsVersion(),
      this.repository.appliedMigrations(),
    ]);
    const kernel = components.find((c) => c.name === 'Neo4j Kernel') ?? components[0];
    return {
      status: 'ok',
      neo4j: {
        mode: this.config.neo4j.mode,
        version: kernel?.version ?? 'unknown',
        edition: kernel?.edition ?? 'unknown',
        database: this.config.neo4j.database,
      },
      gds: { available: gdsVersion !== null, version: gdsVersion },
      migrations,
    };
  }
}
