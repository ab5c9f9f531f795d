import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { CommunityDetector, DetectorInput } from './communities';
import { seededRandom } from './graph';

/** graphology-communities-louvain behind the detector interface: the reference implementation (one thread). */
export const graphologyLouvain: CommunityDetector = {
  name: 'graphology-louvain',
  detect({ graph, resolution, seed, quality }: DetectorInput): Int32Array {
    if (quality === 'cpm') throw new Error('detection: graphology-louvain optimises modularity only; CPM needs the ringwatch or leiden engine');
    const g = new UndirectedGraph();
    for (let v = 0; v < graph.nodeCount; v++) g.addNode(v);
    for (let e = 0; e < graph.src.length; e++) {
      const a = graph.src[e]!;
      const b = graph.dst[e]!;
      if (a === b) continue;
      if (g.hasEdge(a, b)) g.updateEdgeAttribute(a, b, 'weight', (w: number | undefined) => (w ?? 0) + graph.weight[e]!);
      else g.addEdge(a, b, { weight: graph.weight[e]! });
    }
    const mapping = louvain(g, { resolution, rng: seededRandom(seed), getEdgeWeight: 'weight' });
    const out = new Int32Array(graph.nodeCount);
    for (let v = 0; v < graph.nodeCount; v++) out[v] = mapping[v]!;
    return out;
  },
};
