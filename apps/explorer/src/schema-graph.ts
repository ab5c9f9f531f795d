import Graph from 'graphology';
import type { SchemaGraph } from '@ringwatch/wire';

/** Colour-blind-safe palette (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** Builds the graphology graph for a schema overview, laid out on a circle (few nodes, no layout needed). */
export function buildSchemaGraph(data: SchemaGraph): Graph {
  const graph = new Graph({ multi: true, type: 'directed' });
  const n = Math.max(data.nodes.length, 1);
  data.nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / n;
    graph.addNode(node.id, {
      label: node.label,
      x: Math.cos(angle),
      y: Math.sin(angle),
      size: 12,
      color: PALETTE[i % PALETTE.length],
    });
  });
  for (const edge of data.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) {
      graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, { label: edge.type, size: 2, color: '#8c959f' });
    }
  }
  return graph;
}
