import { aggregate } from './aggregate';
import { CommunityInputError, type CsrGraph } from './csr';
import { inputLevel, visitingOrder, type Level } from './level';
import { moveNodesParallel, SecondThread } from './parallel';
import { connectedParts } from './parts';
import { refineMerge } from './refine';
import { rowsQuality, type Quality } from './quality';
import { seededRandom } from './random';
import { sweep, type SweepArrays } from './sweep';

/**
 * Louvain community detection on typed arrays, with two things graphology's does not have:
 * - refinement: after each local-moving phase every community is split into its connected parts
 *   before aggregation (the connectivity guarantee of Leiden, without its randomised merging), so no
 *   community at any level is disconnected;
 * - a choice of quality: modularity with a resolution γ, or the constant Potts model (CPM), which has
 *   no resolution limit: a group stays together when its internal density exceeds γ, whatever the
 *   size of the graph around it.
 * Local moving sweeps the nodes in a seeded order and visits only nodes flagged since their last visit:
 * a node is flagged when a neighbour moves to a community other than its own, so settled regions cost
 * nothing (the pruning of Leiden's fast local move). The order shuffles blocks of consecutive ids rather
 * than single nodes: on graphs larger than the cache a fully random order made every visit a cache miss
 * (level 0 of the 1M-node, 5M-edge benchmark graph: 9.2 s in random order, 4.8–5.3 s in blocks).
 * With `threads: 2` the largest levels are moved, split and collapsed on two threads (see parallel.ts).
 */

export interface LouvainOptions {
  readonly quality?: Quality;
  /** γ: for modularity 1 is the classic definition; for CPM the density a community must exceed. */
  readonly resolution?: number;
  readonly seed?: number;
  /** Stop after this many aggregation levels (default 32). */
  readonly maxLevels?: number;
  /** Split disconnected communities before each aggregation (default true). */
  readonly refine?: boolean;
  /**
   * 1 (default) or 2: with 2, levels of at least `parallelMinNodes` nodes are worked on by the calling
   * thread and one worker thread. Deterministic for a given seed, but a different order of
   * moves than one thread, so the partition can differ slightly.
   */
  readonly threads?: 1 | 2;
  /**
   * Smallest level worth a second thread (default 200,000 nodes): below it the cost of sharing the level
   * and of nodes chasing each other across the ranges outweighs the second core (measured on the
   * planted benchmark: a 90,000-node level took 1.0 s on two threads and 0.8 s on one).
   */
  readonly parallelMinNodes?: number;
}

export interface LouvainResult {
  /** Community per node, numbered 0..count-1 by first appearance. */
  readonly membership: Int32Array;
  readonly count: number;
  /** Value of the chosen quality function for the final membership, on the input graph. */
  readonly quality: number;
  /** Membership after each level (level 0 is the finest; connected parts when refining), for drill-down. */
  readonly levels: Int32Array[];
}

export const LOUVAIN_DEFAULTS = {
  quality: 'modularity' as Quality,
  resolution: 1,
  seed: 42,
  maxLevels: 32,
  refine: true,
  threads: 1 as 1 | 2,
  parallelMinNodes: 200_000,
};

export function louvain(graph: CsrGraph, options: LouvainOptions = {}): LouvainResult {
  return multilevel(graph, options, null);
}

/**
 * The levels shared by louvain() and leiden() (leiden.ts): local moving, a refinement, aggregation on
 * the refined partition with the communities as the next level's starting partition. `theta` null is
 * Louvain (refinement into connected parts, when `refine` is on); a number is Leiden's randomised
 * merging with that θ (refine.ts), whose final partition is the communities of the last level.
 */
export function multilevel(graph: CsrGraph, options: LouvainOptions, theta: number | null): LouvainResult {
  const quality = options.quality ?? LOUVAIN_DEFAULTS.quality;
  const resolution = options.resolution ?? LOUVAIN_DEFAULTS.resolution;
  const maxLevels = options.maxLevels ?? LOUVAIN_DEFAULTS.maxLevels;
  const refine = options.refine ?? LOUVAIN_DEFAULTS.refine;
  const threads = options.threads ?? LOUVAIN_DEFAULTS.threads;
  // Two nodes at least: each thread needs a range of its own.
  const parallelMinNodes = Math.max(2, options.parallelMinNodes ?? LOUVAIN_DEFAULTS.parallelMinNodes);
  if (threads !== 1 && threads !== 2) throw new CommunityInputError('threads must be 1 or 2');
  if (!Number.isInteger(parallelMinNodes)) throw new CommunityInputError('parallelMinNodes must be a whole number');
  if (quality !== 'modularity' && quality !== 'cpm') throw new CommunityInputError(`unknown quality "${String(quality)}"`);
  if (!(resolution > 0)) throw new CommunityInputError('resolution must be > 0');
  if (theta !== null && !(theta > 0)) throw new CommunityInputError('theta must be > 0');
  const rng = seededRandom(options.seed ?? LOUVAIN_DEFAULTS.seed);
  const n0 = graph.nodeCount;
  // gain(v → c) = w(v, c) − scale · a_v · A_c, with a the node weight and A the community's total.
  const scale = quality === 'modularity' ? (graph.totalWeight > 0 ? resolution / (2 * graph.totalWeight) : 0) : resolution;

  // Started before any level needs it, so it has booted by the time the first sweep ends.
  const second = threads === 2 && n0 >= parallelMinNodes ? new SecondThread() : undefined;
  let level = inputLevel(graph, quality, second !== undefined);
  // Original node → node of the current level.
  const toLevel = new Int32Array(n0);
  for (let v = 0; v < n0; v++) toLevel[v] = v;
  let initial: Int32Array | null = null;
  const levels: Int32Array[] = [];

  // Scratch shared by every level (sized for the finest).
  const scratch: Scratch = {
    pair: new Float64Array(2 * n0),
    neighList: new Int32Array(0),
    neighWeight: new Float64Array(0),
    active: new Uint8Array(n0),
  };

  let finalQuality = 0;
  try {
    for (let depth = 0; depth < maxLevels; depth++) {
      const { n, offsets, nodeWeight } = level;
      // A plain loop: Int32Array.from over {length: n} goes through the generic iterable path (slow at 1M).
      let comm = initial;
      if (comm === null) {
        comm = new Int32Array(n);
        for (let v = 0; v < n; v++) comm[v] = v;
      }
      const commWeight = new Float64Array(n);
      for (let v = 0; v < n; v++) commWeight[comm[v]!]! += nodeWeight[v]!;

      const parallel = n >= parallelMinNodes ? second : undefined;
      // A visit lists at most one community per entry of its row: sized by the longest row, not by n
      // (12 MiB less on the benchmark graph, where rows hold tens of entries and n is a million).
      let longest = 0;
      for (let v = 0; v < n; v++) longest = Math.max(longest, offsets[v + 1]! - offsets[v]!);
      if (scratch.neighList.length < longest) {
        scratch.neighList = new Int32Array(longest);
        scratch.neighWeight = new Float64Array(longest);
      }
      let moves = 0;
      if (parallel) {
        moves = moveNodesParallel(level, comm, commWeight, scratch, scale, rng, parallel);
      } else {
        scratch.active.fill(1, 0, n);
      }
      moves += moveNodes(level, comm, commWeight, visitingOrder(0, n, rng), scale, scratch);
      const { labels: commOf, count: commCount } = renumber(comm, n);

      if (theta !== null) {
        // Leiden: the communities stand once local moving changed nothing and refinement left each of
        // them whole (then every community is one connected sub-community), or at the last level.
        let parts = refineMerge(level, comm, commWeight, scale, theta, visitingOrder(0, n, rng), rng);
        let { labels: partOf, count: partCount } = renumber(parts, n);
        const settled = (moves === 0 && depth > 0 && partCount === commCount) || depth === maxLevels - 1;
        if (!settled && partCount === n) {
          // Refinement merged nothing (no node well connected enough): aggregate on the communities'
          // connected parts instead, as leidenalg aggregates on the unrefined partition.
          parts = connectedParts(level, comm, parallel);
          ({ labels: partOf, count: partCount } = renumber(parts, n));
        }
        if (settled || partCount === n) {
          // The communities' connected parts: the communities themselves when settled.
          const final = renumber(connectedParts(level, comm, parallel), n);
          for (let v = 0; v < n0; v++) toLevel[v] = final.labels[toLevel[v]!]!;
          levels.push(toLevel.slice());
          finalQuality = rowsQuality(level, final.labels, final.count, quality, resolution, graph.totalWeight);
          break;
        }
        const partToComm = new Int32Array(partCount);
        for (let v = 0; v < n; v++) partToComm[partOf[v]!] = commOf[v]!;
        // The level's communities, for drill-down; the next level's nodes are the sub-communities.
        const view = new Int32Array(n0);
        for (let v = 0; v < n0; v++) {
          const p = partOf[toLevel[v]!]!;
          toLevel[v] = p;
          view[v] = partToComm[p]!;
        }
        levels.push(view);
        level = aggregate(level, partOf, partCount, parallel);
        initial = partToComm;
        continue;
      }

      // Refinement: connected parts of each community become the next level's nodes.
      const parts = refine ? connectedParts(level, comm, parallel) : comm;
      const { labels: partOf, count: partCount } = renumber(parts, n);

      for (let v = 0; v < n0; v++) toLevel[v] = partOf[toLevel[v]!]!;
      // With refinement a level's communities are its connected parts: each part is connected in this
      // level's graph and each of its nodes is connected in the input graph, so every community of every
      // level is connected without a search over the input graph.
      levels.push(toLevel.slice());
      const partToComm = new Int32Array(partCount);
      for (let v = 0; v < n; v++) partToComm[partOf[v]!] = commOf[v]!;

      if ((moves === 0 && depth > 0) || partCount === n || depth === maxLevels - 1) {
        finalQuality = rowsQuality(level, partOf, partCount, quality, resolution, graph.totalWeight);
        break;
      }
      level = aggregate(level, partOf, partCount, parallel);
      initial = partToComm;
      if (commCount === partCount) initial = null;
    }
  } finally {
    second?.close();
  }

  const final = levels[levels.length - 1] ?? new Int32Array(0);
  const { labels: membership, count } = renumber(final, n0);
  return { membership, count, quality: finalQuality, levels };
}

/** Per community: weight from the visited node, then the total; a visit's lists; flags (see SweepArrays). */
interface Scratch {
  readonly pair: Float64Array;
  neighList: Int32Array;
  neighWeight: Float64Array;
  readonly active: Uint8Array;
}

/**
 * The local-moving phase on one thread: sweeps `order` (see sweep.ts) until a sweep moves no node; the
 * caller flags the nodes to visit first. Returns the number of moves.
 */
function moveNodes(level: Level, comm: Int32Array, commWeight: Float64Array, order: Int32Array, scale: number, scratch: Scratch): number {
  const { n, offsets, targets, weights, nodeWeight } = level;
  const { pair, neighList, neighWeight, active } = scratch;
  for (let c = 0; c < n; c++) pair[2 * c + 1] = commWeight[c]!;
  const arrays: SweepArrays = { offsets, targets, weights, nodeWeight, view: comm, pair, neighList, neighWeight, active, delta: null, wake: null };
  let moves = 0;
  for (;;) {
    const sweepMoves = sweep(arrays, order, 0, n, scale);
    moves += sweepMoves;
    if (sweepMoves === 0) break;
  }
  for (let c = 0; c < n; c++) commWeight[c] = pair[2 * c + 1]!;
  return moves;
}

/** Relabels to 0..count-1 in order of first appearance. */
function renumber(labels: Int32Array, n: number): { labels: Int32Array; count: number } {
  const map = new Int32Array(labels.length === 0 ? 0 : Math.max(n, maxOf(labels) + 1)).fill(-1);
  const out = new Int32Array(n);
  let count = 0;
  for (let v = 0; v < n; v++) {
    const l = labels[v]!;
    if (map[l] === -1) map[l] = count++;
    out[v] = map[l]!;
  }
  return { labels: out, count };
}

function maxOf(a: Int32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!;
  return m;
}
