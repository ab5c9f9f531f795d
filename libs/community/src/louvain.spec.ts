import fs from 'node:fs';
import path from 'node:path';
import { UndirectedGraph } from 'graphology';
import graphologyLouvain from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { buildCsr, CommunityInputError, type CsrGraph } from './csr';
import { louvain } from './louvain';
import { plantedPartition } from './planted';
import { qualityOf } from './quality';
import { seededRandom } from './random';
import { SecondThread } from './parallel';
import { connectedParts } from './parts';

const DATASETS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..', 'datasets');

function readDataset(name: string): { graph: CsrGraph; edges: [number, number][] } {
  const edges = fs
    .readFileSync(path.join(DATASETS, name, 'edges.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t').map(Number) as [number, number]);
  const n = Math.max(...edges.flat()) + 1;
  return {
    graph: buildCsr(
      n,
      edges.map((e) => e[0]),
      edges.map((e) => e[1]),
    ),
    edges,
  };
}

function graphologyModularity(edges: [number, number][], n: number, seed: number): number {
  const g = new UndirectedGraph();
  for (let v = 0; v < n; v++) g.addNode(v);
  for (const [a, b] of edges) if (!g.hasEdge(a, b)) g.addEdge(a, b);
  let s = seed;
  const rng = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return graphologyLouvain.detailed(g, { rng }).modularity;
}

function isConnected(graph: CsrGraph, nodes: number[]): boolean {
  const inSet = new Set(nodes);
  const seen = new Set([nodes[0]!]);
  const stack = [nodes[0]!];
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const u = graph.targets[e]!;
      if (inSet.has(u) && !seen.has(u)) {
        seen.add(u);
        stack.push(u);
      }
    }
  }
  return seen.size === nodes.length;
}

function communitiesOf(membership: Int32Array): number[][] {
  const out = new Map<number, number[]>();
  membership.forEach((c, v) => out.set(c, [...(out.get(c) ?? []), v]));
  return [...out.values()];
}

describe('ringwatch louvain on the public graphs', () => {
  it.each(['karate', 'football', 'polbooks'])('%s: modularity at least graphology’s, every community connected', (name) => {
    const { graph, edges } = readDataset(name);
    const ours = Math.max(...[1, 2, 3, 4, 5].map((seed) => louvain(graph, { seed }).quality));
    const theirs = Math.max(...[1, 2, 3, 4, 5].map((seed) => graphologyModularity(edges, graph.nodeCount, seed)));
    expect(ours).toBeGreaterThanOrEqual(theirs - 1e-9);
    const result = louvain(graph, { seed: 1 });
    for (const c of communitiesOf(result.membership)) expect(isConnected(graph, c)).toBe(true);
  });

  it('reaches the karate club optimum region (≥ 0.41; the global maximum is 0.4198)', () => {
    const { graph } = readDataset('karate');
    expect(louvain(graph, { seed: 42 }).quality).toBeGreaterThanOrEqual(0.41);
  });
});

describe('ringwatch louvain on hand-made graphs', () => {
  const clique = (nodes: number[]) => nodes.flatMap((a, i) => nodes.slice(i + 1).map((b) => [a, b] as [number, number]));
  const build = (n: number, edges: [number, number, number?][]) =>
    buildCsr(
      n,
      edges.map((e) => e[0]),
      edges.map((e) => e[1]),
      edges.map((e) => e[2] ?? 1),
    );

  it('finds the known optimum of two cliques joined by one edge', () => {
    const g = build(10, [...clique([0, 1, 2, 3, 4]), ...clique([5, 6, 7, 8, 9]), [4, 5]]);
    const r = louvain(g, { seed: 3 });
    expect(communitiesOf(r.membership).map((c) => c.sort((a, b) => a - b))).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
    ]);
    // Q = 2 × (10/21 − (21/42)²) = 0.452381…
    expect(r.quality).toBeCloseTo(2 * (10 / 21 - 0.25), 10);
  });

  it('finds the known optimum of cliques with rows longer than the sweep sums in its short list', () => {
    // Rows of 39-40 entries take the sweep's community-indexed path; a ring of single edges joins them.
    const cliques = [0, 1, 2, 3].map((k) => Array.from({ length: 40 }, (_, i) => k * 40 + i));
    const ring = cliques.map((c, k) => [c[39]!, cliques[(k + 1) % 4]![0]!] as [number, number]);
    const g = build(160, [...cliques.flatMap(clique), ...ring]);
    for (const threads of [1, 2] as const) {
      const r = louvain(g, { seed: 5, threads, parallelMinNodes: 2 });
      expect(communitiesOf(r.membership).map((c) => c.sort((a, b) => a - b))).toEqual(cliques);
    }
  });

  it('is deterministic for a seed, and reports its levels', () => {
    const { graph } = readDataset('football');
    const a = louvain(graph, { seed: 9 });
    const b = louvain(graph, { seed: 9 });
    expect(Array.from(a.membership)).toEqual(Array.from(b.membership));
    expect(a.levels.length).toBeGreaterThanOrEqual(1);
    expect(a.levels.every((l) => l.length === graph.nodeCount)).toBe(true);
  });

  it('with CPM keeps small dense groups apart inside one large sparse component (no resolution limit)', () => {
    // 200 triangles in a ring, neighbours joined by one edge: modularity would pair triangles up.
    const edges: [number, number][] = [];
    for (let t = 0; t < 200; t++) {
      edges.push(...clique([3 * t, 3 * t + 1, 3 * t + 2]));
      edges.push([3 * t + 2, (3 * t + 3) % 600]);
    }
    const g = build(600, edges);
    const cpm = louvain(g, { quality: 'cpm', resolution: 0.5, seed: 1 });
    expect(cpm.count).toBe(200);
    expect(communitiesOf(cpm.membership).every((c) => c.length === 3)).toBe(true);
  });

  it('reports the quality of the partition it returns (computed on the last level), loops and weights included', () => {
    const rng = seededRandom(5);
    const src: number[] = [];
    const dst: number[] = [];
    const weight: number[] = [];
    for (let e = 0; e < 3000; e++) {
      const a = Math.floor(rng() * 400);
      // Every tenth edge a loop; groups of 20 consecutive ids share most edges.
      const b = e % 10 === 0 ? a : rng() < 0.7 ? Math.floor(a / 20) * 20 + Math.floor(rng() * 20) : Math.floor(rng() * 400);
      src.push(a);
      dst.push(b);
      weight.push(0.5 + rng() * 2);
    }
    const g = buildCsr(400, src, dst, weight);
    for (const options of [{}, { resolution: 0.5 }, { quality: 'cpm', resolution: 0.05 }, { refine: false }, { maxLevels: 1 }] as const) {
      const r = louvain(g, { seed: 4, ...options });
      const q = 'quality' in options ? options.quality : 'modularity';
      expect(r.quality).toBeCloseTo(qualityOf(g, r.membership, q, options.resolution ?? 1), 9);
      expect(
        Array.from(r.levels[r.levels.length - 1]!).every((c, v) => (c === r.levels[r.levels.length - 1]![0]) === (r.membership[v] === r.membership[0])),
      ).toBe(true);
    }
  });

  it('splits a community that would otherwise be disconnected', () => {
    const g = build(4, [
      [0, 1],
      [2, 3],
    ]);
    expect(louvain(g).count).toBe(2);
    expect(qualityOf(g, Int32Array.from([0, 0, 1, 1]))).toBeCloseTo(0.5, 12);
  });

  it('rejects bad input with errors naming the module', () => {
    expect(() => louvain(buildCsr(2, [0], [1]), { threads: 3 as never })).toThrow(/^community: threads must be 1 or 2/);
    expect(() => buildCsr(2, [0], [5])).toThrow(CommunityInputError);
    expect(() => buildCsr(2, [0], [1], [-1])).toThrow(/^community: edge 0 has weight -1/);
    expect(() => louvain(buildCsr(2, [0], [1]), { resolution: 0 })).toThrow(/resolution/);
  });
});

/** Seeded planted partition: groups of `size` consecutive ids, `inside` of the edges within a group. */
function planted(n: number, m: number, size: number, inside: number, seed: number): CsrGraph {
  const { src, dst } = plantedPartition(n, m, size, inside, seed);
  return buildCsr(n, src, dst, undefined, { shared: true });
}

describe('ringwatch louvain on two threads', () => {
  // parallelMinNodes: 1 sends every level through the worker, so small graphs exercise it too.
  const twoThreads = { threads: 2, parallelMinNodes: 1 } as const;

  it('on the public graphs: best of five seeds within 0.01 of one thread, every community connected, same seed same partition', () => {
    // Tiny graphs are the worst case: a large share of nodes sees the other thread's moves a sweep late.
    for (const name of ['karate', 'football', 'polbooks']) {
      const { graph } = readDataset(name);
      const best = (options: Parameters<typeof louvain>[1]) => Math.max(...[1, 2, 3, 4, 5].map((seed) => louvain(graph, { ...options, seed }).quality));
      expect(best(twoThreads)).toBeGreaterThan(best({}) - 0.01);
      const two = louvain(graph, { seed: 5, ...twoThreads });
      expect(Array.from(louvain(graph, { seed: 5, ...twoThreads }).membership)).toEqual(Array.from(two.membership));
      for (const c of communitiesOf(two.membership)) expect(isConnected(graph, c)).toBe(true);
    }
  });

  it('recovers a planted partition as well as one thread does (20,000 nodes, 100,000 edges)', () => {
    const graph = planted(20_000, 100_000, 50, 0.8, 11);
    const one = louvain(graph, { seed: 1 });
    const two = louvain(graph, { seed: 1, ...twoThreads });
    expect(two.quality).toBeGreaterThan(one.quality - 0.002);
    // Levels collapsed half on each thread add up to the same graph.
    expect(two.quality).toBeCloseTo(qualityOf(graph, two.membership), 9);
    // As many planted groups of 50 end up whole in one community (one thread: 329 of 400).
    const whole = (membership: Int32Array) => {
      let count = 0;
      for (let g = 0; g < 400; g++) if (membership.subarray(g * 50, g * 50 + 50).every((x) => x === membership[g * 50])) count++;
      return count;
    };
    expect(whole(one.membership)).toBeGreaterThan(300);
    expect(whole(two.membership)).toBeGreaterThan(whole(one.membership) - 10);
    expect(Array.from(louvain(graph, { seed: 1, ...twoThreads }).membership)).toEqual(Array.from(two.membership));
    for (const c of communitiesOf(two.membership)) expect(isConnected(graph, c)).toBe(true);
  });

  it('runs graphs too small to split on one thread', () => {
    expect(louvain(buildCsr(0, [], []), twoThreads).count).toBe(0);
    expect(louvain(buildCsr(1, [], []), twoThreads).count).toBe(1);
    expect(louvain(buildCsr(2, [0], [1]), twoThreads).count).toBe(1);
  });

  it('the graph need not be in shared memory', () => {
    const g = buildCsr(6, [0, 1, 2, 3, 4, 5], [1, 2, 0, 4, 5, 3]);
    expect(louvain(g, { seed: 2, ...twoThreads }).count).toBe(2);
  });
});

describe('two-thread building blocks', () => {
  it('connected parts found half on each thread are the parts one search finds', () => {
    const rng = seededRandom(8);
    const n = 3000;
    const src: number[] = [];
    const dst: number[] = [];
    for (let e = 0; e < 4000; e++) {
      src.push(Math.floor(rng() * n));
      dst.push(Math.floor(rng() * n));
    }
    const g = buildCsr(n, src, dst);
    // Few, scattered communities: most are in pieces, many pieces span both halves.
    const comm = Int32Array.from({ length: n }, () => Math.floor(rng() * 7));
    const level = { n, offsets: g.offsets, targets: g.targets, weights: g.weights, nodeWeight: g.degree, selfWeight: new Float64Array(n) };
    const second = new SecondThread();
    try {
      const one = connectedParts(level, comm);
      const two = connectedParts(level, comm, second);
      const canonical = (labels: Int32Array) => {
        const map = new Map<number, number>();
        return Array.from(labels, (l) => map.get(l) ?? (map.set(l, map.size), map.size - 1));
      };
      expect(canonical(two)).toEqual(canonical(one));
      expect(new Set(one).size).toBeGreaterThan(7);
    } finally {
      second.close();
    }
  });
});
