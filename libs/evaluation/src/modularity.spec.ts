import path from 'node:path';
import { buildCsr, qualityOf } from '@ringwatch/community';
import { graphFromNamedEdges, modularityOf } from '@ringwatch/detection';
import { describe, expect, it } from 'vitest';
import { readEdges, readLabels } from './io';
import { modularity } from './modularity';

const DATASETS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..', 'datasets');

/**
 * Numbers the two implementations gave before modularity and CPM moved into one module
 * (libs/community/src/quality.ts): the ground-truth labels of each graph, and the same labels with every
 * third node left unassigned (−1) for detection's modularityOf.
 */
const BEFORE = {
  karate: { q: 0.37146614069691, q05: 0.6216305062458909, partial: 0.06163708086785013, partial02: 0.23796844181459567, cpm01: 39 },
  football: { q: 0.553973318714423, q05: 0.5983569693082719, partial: 0.21171916789304074, partial02: 0.24462768349704214, cpm01: 335.95000000000005 },
  polbooks: { q: 0.41494027694222063, q05: 0.628105059106031, partial: 0.1712043850041907, partial02: 0.3226762511504979, cpm01: 150.04999999999998 },
};

describe('one quality module gives the numbers of the implementations it replaced', () => {
  it.each(Object.entries(BEFORE))('%s, within 1e-12', async (name, before) => {
    const edges = await readEdges(path.join(DATASETS, name, 'edges.tsv'));
    const labels = await readLabels(path.join(DATASETS, name, 'labels.tsv'));
    const { graph, names } = graphFromNamedEdges(edges);
    const ids = new Map<string, number>();
    const membership = Int32Array.from(names, (n) => {
      const label = labels.get(n)!;
      if (!ids.has(label)) ids.set(label, ids.size);
      return ids.get(label)!;
    });
    const partial = membership.map((c, v) => (v % 3 === 0 ? -1 : c));
    const csr = buildCsr(graph.nodeCount, graph.src, graph.dst, graph.weight);
    const now = {
      q: modularity(edges, labels),
      q05: modularity(edges, labels, 0.5),
      partial: modularityOf(graph, partial),
      partial02: modularityOf(graph, partial, 0.2),
      cpm01: qualityOf(csr, membership, 'cpm', 0.1),
    };
    for (const key of Object.keys(before) as (keyof typeof before)[]) expect(Math.abs(now[key] - before[key]), key).toBeLessThan(1e-12);
    expect(Math.abs(qualityOf(csr, membership) - before.q)).toBeLessThan(1e-12);
  });
});
