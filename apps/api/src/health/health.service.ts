import { Inject, Injectable } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import type { HealthReport } from '@ringwatch/wire';
import { CONFIG } from '../common/tokens';
import { HealthRepository } from './health.repository';

@Injectable()
export class HealthService {
  constructor(
    @Inject(HealthRepository) private readonly repository: HealthRepository,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
  ) {}

  async report(): Promise<HealthReport> {
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
