import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEdges, readLabels } from './io';
import { evaluate } from './metrics';
import { modularity } from './modularity';

const DATASETS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..', 'datasets');

describe('evaluate: a hand-computed case', () => {
  // Truth: R1 = {a,b,c}, R2 = {d,e}, f and g honest. Clusters: C1 = {a,b}, C2 = {c,d,e} (flagged).
  const truth = new Map<string, string | null>([
    ['a', 'R1'],
    ['b', 'R1'],
    ['c', 'R1'],
    ['d', 'R2'],
    ['e', 'R2'],
    ['f', null],
    ['g', null],
  ]);
  const clusters = new Map([
    ['a', 'C1'],
    ['b', 'C1'],
    ['c', 'C2'],
    ['d', 'C2'],
    ['e', 'C2'],
  ]);
  const report = evaluate({ truth, clusters, flagged: new Set(['C2']), minRingSize: 2 });

  it('adjusted Rand index = 13/34', () => {
    // Σ C(n_ij,2) = 2; Σ C(a_i,2) = 4; Σ C(b_j,2) = 4; C(7,2) = 21 → (2 − 16/21) / (4 − 16/21) = 26/68.
    expect(report.ari).toBeCloseTo(13 / 34, 10);
  });
  it('normalised mutual information (arithmetic mean) = 0.786386', () => {
    expect(report.nmi).toBeCloseTo(0.7863864775827529, 10);
  });
  it('pairwise precision = recall = F1 = 1/2', () => {
    expect(report.pairwise).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });
  it('best-match recall: R1 2/3, R2 1 → mean 5/6', () => {
    expect(report.bestMatchRecall.mean).toBeCloseTo(5 / 6, 12);
    expect(report.bestMatchRecall.min).toBeCloseTo(2 / 3, 12);
    expect(report.bestMatchRecall.fullyRecovered).toBe(1);
  });
  it('leaves rings under the minimum size out of the per-ring recall', () => {
    expect(evaluate({ truth, clusters }).bestMatchRecall).toMatchObject({ rings: 1, mean: 2 / 3 });
  });
  it('purity: (2 + 2) / 5', () => {
    expect(report.purity).toBeCloseTo(0.8, 12);
  });
  it('flagged: precision 1, recall 3/5, one cluster mixing two rings', () => {
    expect(report.flagged).toMatchObject({ clusters: 1, shops: 3, precision: 1, mixedRingClusters: 1, honestShops: 0 });
    expect(report.flagged.recall).toBeCloseTo(0.6, 12);
  });
});

describe('evaluate: edge cases', () => {
  it('a perfect detection scores 1 everywhere', () => {
    const truth = new Map<string, string | null>([
      ['a', 'R'],
      ['b', 'R'],
      ['c', 'S'],
      ['d', 'S'],
      ['e', null],
    ]);
    const clusters = new Map([
      ['a', 'x'],
      ['b', 'x'],
      ['c', 'y'],
      ['d', 'y'],
    ]);
    const r = evaluate({ truth, clusters, flagged: new Set(['x', 'y']) });
    expect([r.ari, r.nmi, r.pairwise.f1, r.bestMatchRecall.mean, r.purity, r.flagged.precision, r.flagged.recall]).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });
  it('an honest shop pulled into a flagged cluster lowers flagged precision', () => {
    const truth = new Map<string, string | null>([
      ['a', 'R'],
      ['b', 'R'],
      ['c', 'R'],
      ['h', null],
    ]);
    const clusters = new Map([
      ['a', 'x'],
      ['b', 'x'],
      ['c', 'x'],
      ['h', 'x'],
    ]);
    const r = evaluate({ truth, clusters, flagged: new Set(['x']) });
    expect(r.flagged.precision).toBeCloseTo(0.75, 12);
    expect(r.flagged.honestShops).toBe(1);
    expect(r.pairwise.recall).toBe(1);
    expect(r.pairwise.precision).toBeCloseTo(3 / 6, 12);
  });
  it('a ring left unclustered has best-match recall 0', () => {
    const truth = new Map<string, string | null>([
      ['a', 'R'],
      ['b', 'R'],
      ['c', 'R'],
    ]);
    expect(evaluate({ truth, clusters: new Map() }).bestMatchRecall.mean).toBe(0);
  });
});

/** O(n²) pair counting: an independent check of the contingency-table ARI. */
function bruteForceAri(truth: Map<string, string>, clusters: Map<string, string>): number {
  const nodes = [...truth.keys()];
  let a = 0,
    b = 0,
    c = 0,
    d = 0;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const sameT = truth.get(nodes[i]!) === truth.get(nodes[j]!);
      const sameC = clusters.get(nodes[i]!) === clusters.get(nodes[j]!);
      if (sameT && sameC) a++;
      else if (sameT) b++;
      else if (sameC) c++;
      else d++;
    }
  }
  const n = a + b + c + d;
  const expected = ((a + b) * (a + c)) / n;
  return (a - expected) / ((a + b + (a + c)) / 2 - expected);
}

describe('public graphs with known communities', () => {
  it.each([
    ['karate', 'labels.tsv', 0.3715],
    ['karate', 'optimal_modularity_partition.tsv', 0.41979],
    ['karate', 'reference_louvain_partition.tsv', 0.4188],
    ['football', 'labels.tsv', 0.554],
    ['football', 'labels_altsoph.tsv', 0.5877],
    ['football', 'reference_louvain_partition.tsv', 0.6043],
    ['polbooks', 'labels.tsv', 0.4149],
    ['polbooks', 'reference_louvain_partition.tsv', 0.5205],
  ])('%s %s has the published modularity %f', async (name, file, expected) => {
    const edges = await readEdges(path.join(DATASETS, name, 'edges.tsv'));
    const labels = await readLabels(path.join(DATASETS, name, file));
    expect(modularity(edges, labels)).toBeCloseTo(expected, 3);
  });

  it('ARI and NMI agree with independent computations on college football', async () => {
    const truth = await readLabels(path.join(DATASETS, 'football', 'labels.tsv'));
    const louvain = await readLabels(path.join(DATASETS, 'football', 'reference_louvain_partition.tsv'));
    const r = evaluate({ truth, clusters: louvain });
    expect(r.ari).toBeCloseTo(bruteForceAri(truth, louvain), 10);
    // The same partition against itself, and against its relabelling, is a perfect match.
    const relabelled = new Map([...louvain].map(([k, v]) => [k, `c${v}`]));
    expect(evaluate({ truth: louvain, clusters: relabelled }).nmi).toBeCloseTo(1, 12);
    // Louvain partitions of football match the conferences well but not perfectly (networkx: 0.85–0.89).
    expect(r.nmi).toBeGreaterThan(0.8);
    expect(r.nmi).toBeLessThan(0.95);
  });
});
