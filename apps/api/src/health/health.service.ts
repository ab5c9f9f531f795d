import { Inject, Injectable } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import type { HealthReport } from '@ringwatch/wire';
import { CONFIG } from '../common/tokens';
import { DatabaseMonitor } from '../database/database-monitor';
import { HealthRepository } from './health.repository';

const FACTS_TTL_MS = 60_000;

@Injectable()
export class HealthService {
  private facts: Promise<HealthReport> | null = null;
  private factsAt = 0;

  constructor(
    @Inject(HealthRepository) private readonly repository: HealthRepository,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    @Inject(DatabaseMonitor) private readonly monitor: DatabaseMonitor,
  ) {}

  /**
   * The server's facts, or 503 with the cause: at once when the monitor knows the database is away, and
   * within the probe's deadline when it has just gone (a health check that hangs is no health check).
   * The facts (version, GDS, migrations) change only when a server or a new version starts, so they are
   * kept for a minute: a cold first call into GDS alone can take most of a second.
   */
  async report(): Promise<HealthReport> {
    this.monitor.assertAvailable();
    await this.monitor.check();
    if (this.facts === null || Date.now() - this.factsAt > FACTS_TTL_MS) {
      this.factsAt = Date.now();
      this.facts = this.readFacts().catch((error: unknown) => {
        this.facts = null;
        throw error;
      });
    }
    return this.facts;
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
