import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCsr, CommunityInputError, type CsrGraph } from './csr';
import { leiden } from './leiden';
import { plantedPartition } from './planted';
import { louvain } from './louvain';
import { qualityOf } from './quality';

const DATASETS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..', 'datasets');

function readDataset(name: string): CsrGraph {
  const edges = fs
    .readFileSync(path.join(DATASETS, name, 'edges.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t').map(Number) as [number, number]);
  const n = Math.max(...edges.flat()) + 1;
  return buildCsr(
    n,
    edges.map((e) => e[0]),
    edges.map((e) => e[1]),
  );
}

/** Communities (by label) whose members do not form one connected piece through edges inside the community. */
function disconnectedCommunities(graph: CsrGraph, membership: Int32Array): number {
  const n = graph.nodeCount;
  const seen = new Uint8Array(n);
  const pieces = new Map<number, number>();
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    const c = membership[s]!;
    pieces.set(c, (pieces.get(c) ?? 0) + 1);
    const stack = [s];
    seen[s] = 1;
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
        const u = graph.targets[e]!;
        if (!seen[u] && membership[u] === c) {
          seen[u] = 1;
          stack.push(u);
        }
      }
    }
  }
  return [...pieces.values()].filter((k) => k > 1).length;
}

/** Groups of `group` nodes, `inside` of the edges within a group, the rest anywhere; seeded (weights 0.5–4.5 when weighted). */
function planted(n: number, m: number, group: number, inside: number, seed: number, weighted = false): CsrGraph {
  const { src, dst, weight } = plantedPartition(n, m, group, inside, seed, weighted ? (rng) => 0.5 + 4 * rng() : undefined);
  return buildCsr(n, src, dst, weight);
}

describe('leiden on the public graphs', () => {
  it.each(['karate', 'football', 'polbooks'])('%s: best of seeds 1-5 at least Louvain’s, every community connected, quality as reported', (name) => {
    const graph = readDataset(name);
    const ours = [1, 2, 3, 4, 5].map((seed) => leiden(graph, { seed }));
    const theirs = Math.max(...[1, 2, 3, 4, 5].map((seed) => louvain(graph, { seed }).quality));
    expect(Math.max(...ours.map((r) => r.quality))).toBeGreaterThanOrEqual(theirs - 1e-12);
    for (const r of ours) {
      expect(disconnectedCommunities(graph, r.membership)).toBe(0);
      expect(r.quality).toBeCloseTo(qualityOf(graph, r.membership), 12);
    }
  });

  it('finds the karate club optimum (0.4198) with some seed of 1-5', () => {
    const graph = readDataset('karate');
    expect(Math.max(...[1, 2, 3, 4, 5].map((seed) => leiden(graph, { seed }).quality))).toBeGreaterThanOrEqual(0.4197);
  });
});

describe('leiden on random graphs', () => {
  it('every community is connected, with modularity and with CPM, weighted or not', () => {
    for (let g = 1; g <= 12; g++) {
      const graph = planted(600 + 50 * g, 1200 + 150 * g, 8 + g, 0.3 + 0.04 * g, g, g % 2 === 0);
      for (const options of [{ seed: g }, { seed: g, quality: 'cpm' as const, resolution: 0.05 }, { seed: g, resolution: 2 }]) {
        const r = leiden(graph, options);
        expect(disconnectedCommunities(graph, r.membership)).toBe(0);
        expect(r.quality).toBeCloseTo(qualityOf(graph, r.membership, options.quality, options.resolution), 9);
      }
    }
  }, 60_000);

  it('the same seed gives the same partition; another seed may differ', () => {
    const graph = planted(3000, 9000, 20, 0.6, 3);
    const a = leiden(graph, { seed: 5 });
    expect(leiden(graph, { seed: 5 }).membership).toEqual(a.membership);
    const others = [6, 7, 8].map((seed) => leiden(graph, { seed }).membership);
    expect(others.some((m) => m.some((c, v) => c !== a.membership[v]))).toBe(true);
  });

  it('on two threads: deterministic per seed, connected, and as good as one thread', () => {
    const graph = planted(4000, 16000, 25, 0.7, 11);
    const options = { seed: 9, threads: 2 as const, parallelMinNodes: 500 };
    const a = leiden(graph, options);
    const b = leiden(graph, options);
    expect(b.membership).toEqual(a.membership);
    expect(disconnectedCommunities(graph, a.membership)).toBe(0);
    expect(a.quality).toBeGreaterThan(leiden(graph, { seed: 9 }).quality - 0.01);
    // A worker thread's start-up on a busy shared machine can take seconds.
  }, 60_000);

  it('quality on planted graphs: mean over seeds at least Louvain’s (a single seed may fall a little short)', () => {
    const ours: number[] = [];
    const theirs: number[] = [];
    for (const seed of [1, 2, 3, 4]) {
      const graph = planted(8000, 40000, 50, 0.5, seed);
      ours.push(leiden(graph, { seed }).quality);
      theirs.push(louvain(graph, { seed }).quality);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(ours)).toBeGreaterThanOrEqual(mean(theirs) - 1e-4);
    for (let i = 0; i < ours.length; i++) expect(ours[i]).toBeGreaterThan(theirs[i]! - 0.002);
  }, 60_000);

  it('CPM recovers cliques joined by single edges, which modularity at γ = 1 would merge past the resolution limit', () => {
    // A ring of 40 cliques of 4: modularity merges neighbouring cliques (the resolution limit), CPM does not.
    const src: number[] = [];
    const dst: number[] = [];
    const k = 40;
    for (let c = 0; c < k; c++) {
      for (let i = 0; i < 4; i++)
        for (let j = i + 1; j < 4; j++) {
          src.push(4 * c + i);
          dst.push(4 * c + j);
        }
      src.push(4 * c + 3);
      dst.push((4 * (c + 1)) % (4 * k));
    }
    const graph = buildCsr(4 * k, src, dst);
    const cpm = leiden(graph, { quality: 'cpm', resolution: 0.5, seed: 1 });
    expect(cpm.count).toBe(k);
    for (let c = 0; c < k; c++) for (let i = 1; i < 4; i++) expect(cpm.membership[4 * c + i]).toBe(cpm.membership[4 * c]);
    expect(leiden(graph, { seed: 1 }).count).toBeLessThan(k);
  });

  it('rejects a θ that is not positive', () => {
    expect(() => leiden(planted(10, 20, 5, 0.5, 1), { theta: 0 })).toThrow(CommunityInputError);
  });
});
