import type { Quality } from '@ringwatch/community';
import type { DetectionEngine } from './engines';

/** The quality functions a run can optimise: modularity with γ, or CPM (γ = the density a community must exceed). */
export const QUALITIES = ['modularity', 'cpm'] as const satisfies readonly Quality[];

/** What one detection run may be told; retention (runs kept) is not per run and goes with RunOptions. */
export interface DetectionParams {
  readonly engine: DetectionEngine;
  /** γ of modularity: below 1 favours larger communities, above 1 smaller ones. */
  readonly resolution: number;
  /**
   * What the engine optimises within each component: modularity (γ = resolution) or CPM, where a group
   * stays together when its density exceeds γ = resolution (no resolution limit). Our engines only.
   */
  readonly quality: Quality;
  /** Fixes the engine's visiting orders: same data, same seed, same clusters. */
  readonly seed: number;
  /** Threads for the ringwatch engine's largest components (2 = the calling thread and one worker). */
  readonly threads: 1 | 2;
  /** Identifiers shared by more shops than this are hubs, left out of the projection. */
  readonly hubThreshold: number;
  /** Identifiers two shops must share to be linked when all of them are weak (addresses). */
  readonly minShared: number;
  /** Risk score at or over which a cluster is flagged. */
  readonly flagThreshold: number;
}

/** The defaults of the configuration (DETECTION_* variables); a test holds the two together. */
export const DETECTION_DEFAULTS: DetectionParams = {
  engine: 'ringwatch',
  resolution: 0.2,
  quality: 'modularity',
  seed: 42,
  threads: 1,
  hubThreshold: 50,
  minShared: 2,
  flagThreshold: 30,
};
