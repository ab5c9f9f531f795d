import type { CsrGraph } from './csr';
import { LOUVAIN_DEFAULTS, multilevel, type LouvainOptions, type LouvainResult } from './louvain';

/**
 * Leiden community detection (Traag, Waltman & van Eck, "From Louvain to Leiden: guaranteeing
 * well-connected communities", Sci. Rep. 9, 5233, 2019) on the Louvain engine's levels (louvain.ts):
 * - fast local moving: only nodes whose neighbourhood changed since their last visit are visited again
 *   (the engine's flagged sweeps, one thread or two);
 * - refinement: each community is split into well-connected sub-communities by randomised merging
 *   with θ (refine.ts);
 * - aggregation on the refined partition, the communities as the next level's starting partition, so
 *   a community can still lose a badly connected sub-community at a later level.
 * Modularity (with γ) or CPM, weighted graphs, seeded: same graph, seed and threads → same partition.
 * Every community of the result is connected.
 */

export interface LeidenOptions extends Omit<LouvainOptions, 'refine'> {
  /** Randomness of the refinement (default 0.01, leidenalg's): smaller is closer to greedy merging. */
  readonly theta?: number;
}

export type LeidenResult = LouvainResult;

export const LEIDEN_DEFAULTS = { ...LOUVAIN_DEFAULTS, theta: 0.01 };

export function leiden(graph: CsrGraph, options: LeidenOptions = {}): LeidenResult {
  return multilevel(graph, options, options.theta ?? LEIDEN_DEFAULTS.theta);
}
