import type { CommunityDetector } from './communities';
import { graphologyLouvain } from './graphology-louvain';
import { ringwatchLeiden, ringwatchLouvain } from './ringwatch-louvain';

/**
 * The engines a run can name: ringwatch's typed-array Louvain (the default), its Leiden, and graphology's
 * Louvain, the reference.
 */
export const ENGINES = ['ringwatch', 'leiden', 'graphology'] as const;
export type DetectionEngine = (typeof ENGINES)[number];

/** Engines by name. Threads are not part of the choice: they travel in each DetectorInput. */
export const DETECTORS: Readonly<Record<DetectionEngine, CommunityDetector>> = {
  ringwatch: ringwatchLouvain(),
  leiden: ringwatchLeiden(),
  graphology: graphologyLouvain,
};

export function detectorFor(engine: DetectionEngine): CommunityDetector {
  const detector = (DETECTORS as Partial<Record<string, CommunityDetector>>)[engine];
  if (!detector) throw new Error(`detection: engine "${engine}" is not available (engines: ${ENGINES.join(', ')})`);
  return detector;
}
