import { Inject, Injectable, Optional } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import { readProjection, runDetection, type DetectionParams, type DetectionSummary, type ProgressListener, type Projection } from '@ringwatch/detection';
import { CasesService } from '../cases/cases.service';
import { ReadCache } from '../common/read-cache';
import { CONFIG } from '../common/tokens';
import { DetectionRepository } from './detection.repository';

/**
 * Detection runs for the API and the CLIs: the configured parameters with a run's overrides, the lib's
 * run (libs/detection runDetection) over the repository, and the read cache dropped once it is done.
 */
@Injectable()
export class DetectionService {
  constructor(
    @Inject(DetectionRepository) private readonly repository: DetectionRepository,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    @Inject(CasesService) private readonly cases: CasesService,
    @Optional() @Inject(ReadCache) private readonly cache?: ReadCache,
  ) {}

  defaultParams(): DetectionParams {
    const { retention: _perRunIrrelevant, ...params } = this.config.detection;
    return params;
  }

  /** The projected shop graph a run with these parameters would see (benchmarks hand it to other engines). */
  project(params: DetectionParams, lap?: (stage: string) => void): Promise<{ ids: string[]; projection: Projection }> {
    return readProjection(this.repository, params, lap);
  }

  async run(overrides: Partial<DetectionParams> = {}, trigger = 'manual', progress: ProgressListener = () => {}): Promise<DetectionSummary> {
    const summary = await runDetection(
      this.repository,
      { ...this.defaultParams(), ...overrides },
      { retention: this.config.detection.retention, trigger, onProgress: progress },
    );
    // The work of people outlives the run: cases follow their networks into it.
    await this.cases.syncAfterRun(summary.runId);
    this.cache?.invalidate();
    return summary;
  }
}
