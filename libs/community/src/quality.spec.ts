import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCsr } from './csr';
import { louvain } from './louvain';
import { qualityOf, qualityOfEdges, type Quality } from './quality';
import { seededRandom } from './random';

const HERE = path.dirname(new URL(import.meta.url).pathname);

function randomGraph(n: number, m: number, seed: number): { src: Int32Array; dst: Int32Array; weight: Float64Array } {
  const rng = seededRandom(seed);
  const src = Int32Array.from({ length: m }, () => Math.floor(rng() * n));
  // Every tenth edge a loop: both ways of counting must agree on them too.
  const dst = Int32Array.from(src, (s, e) => (e % 10 === 0 ? s : Math.floor(rng() * n)));
  const weight = Float64Array.from({ length: m }, () => 0.1 + rng() * 3);
  return { src, dst, weight };
}

describe('one quality module for rows and edge arrays', () => {
  const n = 400;
  const { src, dst, weight } = randomGraph(n, 3000, 3);
  const csr = buildCsr(n, src, dst, weight);
  const rng = seededRandom(11);
  const membership = Int32Array.from({ length: n }, () => Math.floor(rng() * 12));

  it.each<[Quality, number]>([
    ['modularity', 1],
    ['modularity', 0.2],
    ['cpm', 0.05],
  ])('%s (γ %f): edge arrays and rows give the same number', (quality, resolution) => {
    expect(
      Math.abs(qualityOfEdges({ nodeCount: n, src, dst, weight }, membership, quality, resolution) - qualityOf(csr, membership, quality, resolution)),
    ).toBeLessThan(1e-12);
  });

  it('counts a node labelled −1 as a community of its own', () => {
    const partial = membership.map((c, v) => (v % 5 === 0 ? -1 : c));
    const own = Int32Array.from(partial, (c, v) => (c >= 0 ? c : 12 + v));
    for (const quality of ['modularity', 'cpm'] as const) {
      expect(qualityOfEdges({ nodeCount: n, src, dst, weight }, partial, quality, 0.5)).toBeCloseTo(qualityOf(csr, own, quality, 0.5), 12);
    }
  });

  it('agrees with the quality the engine reports from its last level', () => {
    for (const quality of ['modularity', 'cpm'] as const) {
      const result = louvain(csr, { quality, resolution: quality === 'cpm' ? 0.05 : 1, seed: 4 });
      expect(result.quality).toBeCloseTo(qualityOfEdges({ nodeCount: n, src, dst, weight }, result.membership, quality, quality === 'cpm' ? 0.05 : 1), 9);
    }
  });

  it('knows the modularity of two triangles joined by an edge (7 edges: 2 × (3/7 − (7/14)²) = 5/14)', () => {
    const g = { nodeCount: 6, src: [0, 1, 0, 3, 4, 3, 2], dst: [1, 2, 2, 4, 5, 5, 3] };
    expect(qualityOfEdges(g, [0, 0, 0, 1, 1, 1])).toBeCloseTo(5 / 14, 15);
    expect(qualityOfEdges({ nodeCount: 2, src: [], dst: [] }, [0, 0])).toBe(0);
  });
});

describe('modules of the engine', () => {
  it('import one another one way only (no cycle)', () => {
    const files = fs.readdirSync(HERE).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
    const imports = new Map(
      files.map((f) => [f.replace(/\.ts$/, ''), [...fs.readFileSync(path.join(HERE, f), 'utf8').matchAll(/from '\.\/([\w-]+)'/g)].map((m) => m[1]!)]),
    );
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') return void cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
      state.set(file, 'open');
      for (const next of imports.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of imports.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
