import { seededRandom } from '@ringwatch/community';

/**
 * An LFR benchmark graph (Lancichinetti, Fortunato & Radicchi, "Benchmark graphs for testing community
 * detection algorithms", Phys. Rev. E 78, 046110, 2008), our own implementation, seeded: degrees from a
 * power law (exponent τ1, mean `averageDegree`, at most `maxDegree`), community sizes from a power law
 * (exponent τ2, between `minCommunity` and `maxCommunity`), each node with a share 1 − μ of its degree
 * inside its community. The edges are drawn as in the configuration model, inside each community and
 * then between communities; self-loops, duplicate edges and "external" stubs that land in the same
 * community are dropped rather than rewired (networkx's LFR_benchmark_graph rewires, and took minutes
 * at 50k nodes), so the realised μ, returned, is slightly off the asked one.
 */
export interface LfrOptions {
  readonly n: number;
  readonly mu: number;
  readonly seed: number;
  readonly tau1?: number;
  readonly tau2?: number;
  readonly averageDegree?: number;
  readonly maxDegree?: number;
  readonly minCommunity?: number;
  readonly maxCommunity?: number;
}

export interface LfrGraph {
  readonly n: number;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  /** Planted community per node. */
  readonly truth: Int32Array;
  readonly communities: number;
  /** Share of the edges that join two communities. */
  readonly realisedMu: number;
}

export const LFR_DEFAULTS = { tau1: 2.5, tau2: 1.5, averageDegree: 15, maxDegree: 50, minCommunity: 20, maxCommunity: 100 };

/** A draw from a power law x^-τ on [lo, hi] (inverse transform). */
function powerLaw(rng: () => number, tau: number, lo: number, hi: number): number {
  const a = 1 - tau;
  const u = rng();
  return (lo ** a + u * (hi ** a - lo ** a)) ** (1 / a);
}

export function lfrGraph(options: LfrOptions): LfrGraph {
  const { n, mu, seed } = options;
  const { tau1, tau2, averageDegree, maxDegree, minCommunity, maxCommunity } = { ...LFR_DEFAULTS, ...options };
  const rng = seededRandom(seed);
  // The smallest degree that gives the asked mean (bisection on the power law's mean, by sampling).
  const probe = seededRandom(seed ^ 0x5bd1e995);
  const samples = Float64Array.from({ length: 20000 }, () => probe());
  const meanFor = (lo: number) => {
    let s = 0;
    const a = 1 - tau1;
    for (const u of samples) s += (lo ** a + u * (maxDegree ** a - lo ** a)) ** (1 / a);
    return s / samples.length;
  };
  let lo = 1;
  let hi = averageDegree;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (meanFor(mid) < averageDegree) lo = mid;
    else hi = mid;
  }
  const degree = new Int32Array(n);
  for (let v = 0; v < n; v++) degree[v] = Math.round(powerLaw(rng, tau1, lo, maxDegree));
  const inner = Int32Array.from(degree, (k) => Math.round((1 - mu) * k));

  // Community sizes until they cover n, the last one trimmed (kept at least minCommunity by merging).
  const sizes: number[] = [];
  let covered = 0;
  while (covered < n) {
    const s = Math.round(powerLaw(rng, tau2, minCommunity, maxCommunity));
    sizes.push(s);
    covered += s;
  }
  sizes[sizes.length - 1]! -= covered - n;
  if (sizes.length > 1 && sizes[sizes.length - 1]! < minCommunity) sizes[sizes.length - 2]! += sizes.pop()!;
  const k = sizes.length;

  // Nodes by decreasing internal degree, each to a random community with room that can hold its degree.
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => inner[b]! - inner[a]!);
  const room = Int32Array.from(sizes);
  const truth = new Int32Array(n);
  const open: number[] = Array.from({ length: k }, (_, c) => c);
  for (const v of order) {
    let chosen = -1;
    for (let attempt = 0; attempt < 50 && chosen < 0; attempt++) {
      const i = Math.floor(rng() * open.length);
      if (sizes[open[i]!]! > inner[v]!) chosen = i;
    }
    if (chosen < 0) chosen = Math.floor(rng() * open.length);
    const c = open[chosen]!;
    truth[v] = c;
    if (sizes[c]! - 1 < inner[v]!) inner[v] = sizes[c]! - 1;
    if (--room[c]! === 0) {
      open[chosen] = open[open.length - 1]!;
      open.pop();
    }
  }

  const seen = new Set<number>();
  const src: number[] = [];
  const dst: number[] = [];
  const pairUp = (stubs: number[], sameCommunityAllowed: boolean) => {
    for (let i = stubs.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = stubs[i]!;
      stubs[i] = stubs[j]!;
      stubs[j] = t;
    }
    for (let i = 0; i + 1 < stubs.length; i += 2) {
      const a = Math.min(stubs[i]!, stubs[i + 1]!);
      const b = Math.max(stubs[i]!, stubs[i + 1]!);
      if (a === b || (!sameCommunityAllowed && truth[a] === truth[b])) continue;
      const key = a * n + b;
      if (seen.has(key)) continue;
      seen.add(key);
      src.push(a);
      dst.push(b);
    }
  };
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let v = 0; v < n; v++) members[truth[v]!]!.push(v);
  for (const list of members) {
    const stubs: number[] = [];
    for (const v of list) for (let i = 0; i < inner[v]!; i++) stubs.push(v);
    pairUp(stubs, true);
  }
  const internalEdges = src.length;
  const outer: number[] = [];
  for (let v = 0; v < n; v++) for (let i = inner[v]!; i < degree[v]!; i++) outer.push(v);
  pairUp(outer, false);
  return {
    n,
    src: Int32Array.from(src),
    dst: Int32Array.from(dst),
    truth,
    communities: k,
    realisedMu: src.length === 0 ? 0 : (src.length - internalEdges) / src.length,
  };
}
