import type { Quality } from '@ringwatch/community';
import { connectedComponents, modularityOf, seededRandom, type WeightedGraph } from './graph';

/**
 * Community detection over the shop graph. The algorithm sits behind CommunityDetector so a faster
 * engine can replace graphology's Louvain without touching the rest. Around it: per connected
 * component (rings that share nothing never merge, and a small ring is never weighed against the
 * whole marketplace: the resolution limit), splitting of any disconnected community, and no singletons.
 */

export interface DetectorInput {
  readonly graph: WeightedGraph;
  readonly resolution: number;
  /** This component's seed: a whole number in [0, 2³¹), drawn from the run's seed (see detectCommunities). */
  readonly seed: number;
  /** Threads the engine may use (1 or 2); an engine with one thread ignores it. */
  readonly threads: 1 | 2;
  /** The quality to optimise (default modularity); an engine that only knows modularity refuses CPM. */
  readonly quality?: Quality;
}

export interface CommunityDetector {
  readonly name: string;
  /** A community per node (0-based, any labels). */
  detect(input: DetectorInput): Int32Array;
}

export interface CommunityOptions {
  readonly detector: CommunityDetector;
  readonly resolution?: number;
  readonly seed?: number;
  /** Threads handed to the detector (default 1). */
  readonly threads?: 1 | 2;
  /** Quality handed to the detector (default modularity). */
  readonly quality?: Quality;
  /** Smallest reported cluster (default 2: singletons are not clusters). */
  readonly minClusterSize?: number;
  /**
   * Neighbouring sparse communities are joined when the links between them weigh at least this share
   * of each one's mean internal strength (default 0: the detector's partition; detection runs use
   * CHAIN_RATIO). See joinChains.
   */
  readonly chainRatio?: number;
}

export interface CommunityResult {
  /** Cluster index per node, −1 for nodes in no cluster. */
  readonly membership: Int32Array;
  /** Members of each cluster, sorted; clusters sorted by their smallest member. */
  readonly clusters: number[][];
  readonly modularity: number;
  readonly components: number;
  readonly detectorMillis: number;
}

export const COMMUNITY_DEFAULTS = { resolution: 1, seed: 42, threads: 1, minClusterSize: 2, chainRatio: 0 } as const;

export function detectCommunities(graph: WeightedGraph, options: CommunityOptions): CommunityResult {
  const resolution = options.resolution ?? COMMUNITY_DEFAULTS.resolution;
  const minSize = options.minClusterSize ?? COMMUNITY_DEFAULTS.minClusterSize;
  const threads = options.threads ?? COMMUNITY_DEFAULTS.threads;
  if (!(resolution > 0)) throw new Error('detection/communities: resolution must be > 0');
  if (threads !== 1 && threads !== 2) throw new Error('detection/communities: threads must be 1 or 2');
  // The run's seed draws one seed per component, in component order: one seed fixes every component's run.
  const componentSeeds = seededRandom(options.seed ?? COMMUNITY_DEFAULTS.seed);

  const component = connectedComponents(graph);
  // Group nodes and edges by component (only components with an edge matter).
  const nodesOf = new Map<number, number[]>();
  for (let e = 0; e < graph.src.length; e++) {
    const c = component[graph.src[e]!]!;
    if (!nodesOf.has(c)) nodesOf.set(c, []);
  }
  for (let v = 0; v < graph.nodeCount; v++) nodesOf.get(component[v]!)?.push(v);
  const edgesOf = new Map<number, number[]>();
  for (let e = 0; e < graph.src.length; e++) {
    const c = component[graph.src[e]!]!;
    let list = edgesOf.get(c);
    if (!list) edgesOf.set(c, (list = []));
    list.push(e);
  }

  const raw: number[][] = [];
  let detectorMillis = 0;
  const local = new Int32Array(graph.nodeCount).fill(-1);
  for (const c of [...nodesOf.keys()].sort((a, b) => a - b)) {
    const nodes = nodesOf.get(c)!;
    const edges = edgesOf.get(c)!;
    if (nodes.length <= 2) {
      raw.push(nodes);
      continue;
    }
    nodes.forEach((v, i) => (local[v] = i));
    const sub: WeightedGraph = {
      nodeCount: nodes.length,
      src: Int32Array.from(edges, (e) => local[graph.src[e]!]!),
      dst: Int32Array.from(edges, (e) => local[graph.dst[e]!]!),
      weight: Float64Array.from(edges, (e) => graph.weight[e]!),
    };
    const started = performance.now();
    const seed = Math.floor(componentSeeds() * 2 ** 31);
    const assignment = options.detector.detect({ graph: sub, resolution, seed, threads, quality: options.quality ?? 'modularity' });
    detectorMillis += performance.now() - started;
    const parts = joinChains(sub, splitDisconnected(sub, assignment), options.chainRatio ?? COMMUNITY_DEFAULTS.chainRatio);
    for (const part of parts) raw.push(part.map((i) => nodes[i]!));
  }

  const clusters = raw
    .filter((members) => members.length >= minSize)
    .map((members) => members.sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!);
  const membership = new Int32Array(graph.nodeCount).fill(-1);
  clusters.forEach((members, i) => members.forEach((v) => (membership[v] = i)));
  return { membership, clusters, modularity: modularityOf(graph, membership, resolution), components: nodesOf.size, detectorMillis };
}

/** Each community's connected parts, so that every reported cluster is connected. */
export function splitDisconnected(graph: WeightedGraph, assignment: Int32Array): number[][] {
  const adjacency: number[][] = Array.from({ length: graph.nodeCount }, () => []);
  for (let e = 0; e < graph.src.length; e++) {
    const a = graph.src[e]!;
    const b = graph.dst[e]!;
    if (assignment[a] === assignment[b]) {
      adjacency[a]!.push(b);
      adjacency[b]!.push(a);
    }
  }
  const seen = new Uint8Array(graph.nodeCount);
  const parts: number[][] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    if (seen[v]) continue;
    const part: number[] = [];
    const stack = [v];
    seen[v] = 1;
    while (stack.length > 0) {
      const x = stack.pop()!;
      part.push(x);
      for (const y of adjacency[x]!) {
        if (!seen[y]) {
          seen[y] = 1;
          stack.push(y);
        }
      }
    }
    parts.push(part);
  }
  return parts;
}

/**
 * Joins the pieces of chains. Modularity cuts any long chain: a ring whose shops are linked pairwise
 * (A~B by an account, B~C by a device, C~D by a phone …) has no dense core, and past a dozen shops
 * splitting it in two scores higher than keeping it whole (at resolution γ a path of n links gains by
 * a cut once 1/n < γ/2; Fortunato & Barthélemy on the resolution limit). Two neighbouring communities
 * A and B are joined when both are sparse (no more links inside than shops: a tree, or a tree with
 * one cycle, as a chain's pieces are; communities with cycles are real) and the links between them
 * weigh w(A,B) ≥ ratio × max(s(A), s(B)), where s(X) is the mean weighted internal degree of X: a cut
 * through a chain is a link like any other of it. In a uniform chain a cut weighs half a piece's
 * strength; kinds' weights differ up to twofold (a phone against a device), so a chain of mixed
 * kinds is cut at a quarter to a half: CHAIN_RATIO is 0.3. Decided on the detector's communities at
 * once, joined transitively; a shop the detector left on its own is not joined to anything.
 */
export function joinChains(graph: WeightedGraph, parts: number[][], ratio: number): number[][] {
  if (!(ratio > 0) || parts.length < 2) return parts;
  const part = new Int32Array(graph.nodeCount);
  parts.forEach((members, p) => members.forEach((v) => (part[v] = p)));
  const internal = new Float64Array(parts.length);
  const links = new Int32Array(parts.length);
  const between = new Map<number, number>();
  for (let e = 0; e < graph.src.length; e++) {
    const a = part[graph.src[e]!]!;
    const b = part[graph.dst[e]!]!;
    const w = graph.weight[e]!;
    if (a === b) {
      internal[a]! += 2 * w;
      links[a]!++;
    } else {
      const key = Math.min(a, b) * parts.length + Math.max(a, b);
      between.set(key, (between.get(key) ?? 0) + w);
    }
  }
  const strength = (p: number) => internal[p]! / parts[p]!.length;
  const parent = Int32Array.from(parts, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const key of [...between.keys()].sort((x, y) => x - y)) {
    const a = Math.floor(key / parts.length);
    const b = key % parts.length;
    // A shop the detector left alone stays alone: it is not a chain's piece but a loose end. A
    // community with more links than shops has cycles: it is not a piece of a chain.
    if (parts[a]!.length < 2 || parts[b]!.length < 2 || links[a]! > parts[a]!.length || links[b]! > parts[b]!.length) continue;
    if (between.get(key)! >= ratio * Math.max(strength(a), strength(b))) {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
  const joined = new Map<number, number[]>();
  parts.forEach((members, p) => {
    const r = find(p);
    const list = joined.get(r);
    if (list) list.push(...members);
    else joined.set(r, [...members]);
  });
  return [...joined.values()];
}
