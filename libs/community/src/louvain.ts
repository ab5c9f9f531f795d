import { CommunityInputError, type CsrGraph } from './csr';

/**
 * Louvain community detection on typed arrays, with two things graphology's does not have:
 * - refinement: after each local-moving phase every community is split into its connected parts
 *   before aggregation (the connectivity guarantee of Leiden, without its randomised merging), so no
 *   community at any level is disconnected;
 * - a choice of quality: modularity with a resolution γ, or the constant Potts model (CPM), which has
 *   no resolution limit: a group stays together when its internal density exceeds γ, whatever the
 *   size of the graph around it.
 * Local moving visits nodes from a queue in a seeded random order and re-queues only the neighbours
 * of nodes that moved, so settled regions cost nothing (the pruning of Leiden's fast local move).
 */

export type Quality = 'modularity' | 'cpm';

export interface LouvainOptions {
  readonly quality?: Quality;
  /** γ: for modularity 1 is the classic definition; for CPM the density a community must exceed. */
  readonly resolution?: number;
  readonly seed?: number;
  /** Stop after this many aggregation levels (default 32). */
  readonly maxLevels?: number;
  /** Split disconnected communities before each aggregation (default true). */
  readonly refine?: boolean;
}

export interface LouvainResult {
  /** Community per node, numbered 0..count-1 by first appearance. */
  readonly membership: Int32Array;
  readonly count: number;
  /** Value of the chosen quality function for the final membership, on the input graph. */
  readonly quality: number;
  /** Membership after each level (level 0 is the finest), for drill-down. */
  readonly levels: Int32Array[];
}

export const LOUVAIN_DEFAULTS = { quality: 'modularity' as Quality, resolution: 1, seed: 42, maxLevels: 32, refine: true };

/** Gains are compared with this tolerance so floating-point noise never causes endless moves. */
const EPSILON = 1e-12;

/** A seeded generator of numbers in [0, 1) (mulberry32): same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Level {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  /** Node weight in the quality function: degree (modularity) or number of original nodes (CPM). */
  readonly nodeWeight: Float64Array;
}

export function louvain(graph: CsrGraph, options: LouvainOptions = {}): LouvainResult {
  const quality = options.quality ?? LOUVAIN_DEFAULTS.quality;
  const resolution = options.resolution ?? LOUVAIN_DEFAULTS.resolution;
  const maxLevels = options.maxLevels ?? LOUVAIN_DEFAULTS.maxLevels;
  const refine = options.refine ?? LOUVAIN_DEFAULTS.refine;
  if (quality !== 'modularity' && quality !== 'cpm') throw new CommunityInputError(`unknown quality "${String(quality)}"`);
  if (!(resolution > 0)) throw new CommunityInputError('resolution must be > 0');
  const rng = seededRandom(options.seed ?? LOUVAIN_DEFAULTS.seed);
  const n0 = graph.nodeCount;
  // gain(v → c) = w(v, c) − scale · a_v · A_c, with a the node weight and A the community's total.
  const scale = quality === 'modularity' ? (graph.totalWeight > 0 ? resolution / (2 * graph.totalWeight) : 0) : resolution;

  let level: Level = {
    n: n0,
    offsets: graph.offsets,
    targets: graph.targets,
    weights: graph.weights,
    nodeWeight: quality === 'modularity' ? graph.degree : new Float64Array(n0).fill(1),
  };
  // Original node → node of the current level.
  const toLevel = new Int32Array(n0);
  for (let v = 0; v < n0; v++) toLevel[v] = v;
  let initial: Int32Array | null = null;
  const levels: Int32Array[] = [];

  // Scratch shared by every level (sized for the finest).
  const scratch: Scratch = {
    neighWeight: new Float64Array(n0),
    neighSeen: new Uint8Array(n0),
    neighList: new Int32Array(n0),
    queue: new Int32Array(n0),
    inQueue: new Uint8Array(n0),
  };

  for (let depth = 0; depth < maxLevels; depth++) {
    const { n, offsets, targets, weights, nodeWeight } = level;
    const comm = initial ?? Int32Array.from({ length: n }, (_, i) => i);
    const commWeight = new Float64Array(n);
    for (let v = 0; v < n; v++) commWeight[comm[v]!]! += nodeWeight[v]!;

    // Seeded random visiting order.
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    const moves = moveNodes(level, comm, commWeight, order, scale, scratch);

    // Refinement: connected parts of each community become the next level's nodes.
    const parts = refine ? connectedParts(level, comm) : comm;
    const { labels: partOf, count: partCount } = renumber(parts, n);
    const { labels: commOf, count: commCount } = renumber(comm, n);

    for (let v = 0; v < n0; v++) toLevel[v] = partOf[toLevel[v]!]!;
    const snapshot = new Int32Array(n0);
    // A community of the level, expressed per original node.
    const partToComm = new Int32Array(partCount);
    for (let v = 0; v < n; v++) partToComm[partOf[v]!] = commOf[v]!;
    for (let v = 0; v < n0; v++) snapshot[v] = partToComm[toLevel[v]!]!;
    levels.push(snapshot);

    if ((moves === 0 && depth > 0) || partCount === n) break;
    level = aggregate(level, partOf, partCount);
    initial = partToComm;
    if (commCount === partCount) initial = null;
  }

  let final = levels[levels.length - 1] ?? new Int32Array(0);
  // Moving aggregated nodes can still leave a community in pieces; splitting them can only raise the
  // quality, and guarantees every community is connected.
  if (refine) final = connectedParts({ n: n0, offsets: graph.offsets, targets: graph.targets, weights: graph.weights, nodeWeight: graph.degree }, final);
  const { labels: membership, count } = renumber(final, n0);
  return { membership, count, quality: qualityOf(graph, membership, quality, resolution), levels };
}

interface Scratch {
  readonly neighWeight: Float64Array;
  readonly neighSeen: Uint8Array;
  readonly neighList: Int32Array;
  readonly queue: Int32Array;
  readonly inQueue: Uint8Array;
}

/**
 * The local-moving phase: visits nodes from a queue (initially in `order`), moves each to the
 * neighbouring community with the best gain, and re-queues the neighbours of moved nodes. A function of
 * its own so the engine optimises this hot loop directly. Returns the number of moves.
 */
function moveNodes(level: Level, comm: Int32Array, commWeight: Float64Array, order: Int32Array, scale: number, scratch: Scratch): number {
  const { n, offsets, targets, weights, nodeWeight } = level;
  const { neighWeight, neighSeen, neighList, queue, inQueue } = scratch;
  for (let i = 0; i < n; i++) {
    queue[i] = order[i]!;
    inQueue[order[i]!] = 1;
  }
  let head = 0;
  let size = n;
  let moves = 0;
  while (size > 0) {
    const v = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    inQueue[v] = 0;
    const cv = comm[v]!;
    const av = nodeWeight[v]!;
    let count = 0;
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const u = targets[e]!;
      if (u === v) continue;
      const c = comm[u]!;
      if (neighSeen[c] === 0) {
        neighSeen[c] = 1;
        neighList[count++] = c;
      }
      neighWeight[c]! += weights[e]!;
    }
    commWeight[cv]! -= av;
    let best = cv;
    let bestGain = neighWeight[cv]! - scale * av * commWeight[cv]!;
    for (let i = 0; i < count; i++) {
      const c = neighList[i]!;
      const gain = neighWeight[c]! - scale * av * commWeight[c]!;
      if (gain > bestGain + EPSILON) {
        bestGain = gain;
        best = c;
      }
    }
    commWeight[best]! += av;
    for (let i = 0; i < count; i++) {
      const c = neighList[i]!;
      neighWeight[c] = 0;
      neighSeen[c] = 0;
    }
    neighWeight[cv] = 0;
    if (best !== cv) {
      comm[v] = best;
      moves++;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const u = targets[e]!;
        if (inQueue[u] === 0 && comm[u] !== best) {
          inQueue[u] = 1;
          let tail = head + size;
          if (tail >= n) tail -= n;
          queue[tail] = u;
          size++;
        }
      }
    }
  }

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

/** Splits each community into its connected parts (BFS over edges inside the community). */
function connectedParts(level: Level, comm: Int32Array): Int32Array {
  const { n, offsets, targets } = level;
  const part = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let next = 0;
  for (let s = 0; s < n; s++) {
    if (part[s] !== -1) continue;
    const c = comm[s]!;
    let top = 0;
    stack[top++] = s;
    part[s] = next;
    while (top > 0) {
      const v = stack[--top]!;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const u = targets[e]!;
        if (part[u] === -1 && comm[u] === c) {
          part[u] = next;
          stack[top++] = u;
        }
      }
    }
    next++;
  }
  return part;
}

/** Collapses each group of nodes into one node; edges between groups summed, inside ones kept as a loop. */
function aggregate(level: Level, group: Int32Array, groups: number): Level {
  const { n, offsets, targets, weights, nodeWeight } = level;
  // Members of each group, by counting sort.
  const start = new Int32Array(groups + 1);
  for (let v = 0; v < n; v++) start[group[v]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const members = new Int32Array(n);
  const fill = start.slice(0, groups);
  for (let v = 0; v < n; v++) members[fill[group[v]!]!++] = v;

  const acc = new Float64Array(groups);
  const seen = new Uint8Array(groups);
  const list = new Int32Array(groups);
  const newOffsets = new Int32Array(groups + 1);
  let newTargets = new Int32Array(Math.max(16, Math.min(targets.length, groups * 4)));
  let newWeights = new Float64Array(newTargets.length);
  const newNodeWeight = new Float64Array(groups);
  let out = 0;
  for (let g = 0; g < groups; g++) {
    let count = 0;
    for (let i = start[g]!; i < start[g + 1]!; i++) {
      const v = members[i]!;
      newNodeWeight[g]! += nodeWeight[v]!;
      for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
        const h = group[targets[e]!]!;
        if (seen[h] === 0) {
          seen[h] = 1;
          list[count++] = h;
        }
        acc[h]! += weights[e]!;
      }
    }
    if (out + count > newTargets.length) {
      const grown = Math.max(newTargets.length * 2, out + count);
      const t = new Int32Array(grown);
      t.set(newTargets.subarray(0, out));
      const w = new Float64Array(grown);
      w.set(newWeights.subarray(0, out));
      newTargets = t;
      newWeights = w;
    }
    for (let i = 0; i < count; i++) {
      const h = list[i]!;
      newTargets[out] = h;
      newWeights[out] = acc[h]!;
      out++;
      acc[h] = 0;
      seen[h] = 0;
    }
    newOffsets[g + 1] = out;
  }
  return { n: groups, offsets: newOffsets, targets: newTargets.subarray(0, out), weights: newWeights.subarray(0, out), nodeWeight: newNodeWeight };
}

/** Modularity (with γ) or CPM quality of a membership on the input graph. */
export function qualityOf(graph: CsrGraph, membership: Int32Array, quality: Quality = 'modularity', resolution = 1): number {
  const n = graph.nodeCount;
  let communities = 0;
  for (let v = 0; v < n; v++) if (membership[v]! + 1 > communities) communities = membership[v]! + 1;
  const internal = new Float64Array(communities);
  const total = new Float64Array(communities);
  for (let v = 0; v < n; v++) {
    const c = membership[v]!;
    total[c]! += quality === 'modularity' ? graph.degree[v]! : 1;
    for (let e = graph.offsets[v]!, end = graph.offsets[v + 1]!; e < end; e++) {
      const u = graph.targets[e]!;
      if (membership[u] === c) internal[c]! += u === v ? 2 * graph.weights[e]! : graph.weights[e]!;
    }
  }
  let q = 0;
  const m = graph.totalWeight;
  for (let c = 0; c < communities; c++) {
    if (quality === 'modularity') {
      if (m > 0) q += internal[c]! / (2 * m) - resolution * (total[c]! / (2 * m)) ** 2;
    } else {
      q += internal[c]! / 2 - (resolution * total[c]! * total[c]!) / 2;
    }
  }
  return q;
}
