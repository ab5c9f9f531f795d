import type { CommunityDetector } from './communities';
import { graphologyLouvain } from './graphology-louvain';
import { ringwatchLouvain } from './ringwatch-louvain';

/** The engines a run can name: ringwatch's typed-array Louvain (the default) and graphology's, the reference. */
export const ENGINES = ['ringwatch', 'graphology'] as const;
export type DetectionEngine = (typeof ENGINES)[number];

/** Engines by name. Threads are not part of the choice: they travel in each DetectorInput. */
export const DETECTORS: Readonly<Record<DetectionEngine, CommunityDetector>> = { ringwatch: ringwatchLouvain(), graphology: graphologyLouvain };

export function detectorFor(engine: DetectionEngine): CommunityDetector {
  const detector = (DETECTORS as Partial<Record<string, CommunityDetector>>)[engine];
  if (!detector) throw new Error(`detection: engine "${engine}" is not available (engines: ${ENGINES.join(', ')})`);
  return detector;
}
