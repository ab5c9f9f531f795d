import { buildCsr, leiden, louvain, type Quality } from '@ringwatch/community';
import type { CommunityDetector, DetectorInput } from './communities';

/**
 * Ringwatch's typed-array engine behind the detector interface. With two threads, only components of at
 * least 200,000 shops use the second one (the engine's own threshold); smaller ones gain nothing from it.
 */
export function ringwatchLouvain(quality: Quality = 'modularity'): CommunityDetector {
  return {
    name: quality === 'modularity' ? 'ringwatch-louvain' : 'ringwatch-louvain-cpm',
    detect({ graph, resolution, seed, threads, quality: asked }: DetectorInput): Int32Array {
      const csr = buildCsr(graph.nodeCount, graph.src, graph.dst, graph.weight);
      return louvain(csr, { quality: asked ?? quality, resolution, threads, seed }).membership;
    },
  };
}

/** Ringwatch's Leiden (libs/community) behind the detector interface; the quality comes with each input. */
export function ringwatchLeiden(): CommunityDetector {
  return {
    name: 'ringwatch-leiden',
    detect({ graph, resolution, seed, threads, quality }: DetectorInput): Int32Array {
      const csr = buildCsr(graph.nodeCount, graph.src, graph.dst, graph.weight);
      return leiden(csr, { quality: quality ?? 'modularity', resolution, threads, seed }).membership;
    },
  };
}
