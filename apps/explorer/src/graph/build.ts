import Graph from 'graphology';
import type { NetworkGraph, NetworkNode } from '../types';
import { confidenceColour, identifierColour, SHOP_STATUS_COLOURS } from './palette';

export type ColourMode = 'status' | 'confidence';
/** What a shop's disc size says: nothing (all alike), its listings, or its payout volume (GMV). */
export type SizeMode = 'uniform' | 'listings' | 'gmv';

/** Shops at rest: above sigma's label threshold and larger than any identifier, so shops win the label grid. */
export const SHOP_SIZE = 8;

/** A shop's disc: uniform, or growing with the log of its listings or GMV (from 6 to 18 px) when known. */
export function shopSize(node: NetworkNode, mode: SizeMode): number {
  const value = mode === 'listings' ? node.listings : mode === 'gmv' ? node.gmv : undefined;
  if (value === undefined) return SHOP_SIZE;
  return Math.min(18, 6 + 1.5 * Math.log2(1 + Math.max(0, value) / (mode === 'gmv' ? 100 : 1)));
}

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  type: 'circle' | 'square';
  node: NetworkNode;
}

/** A deterministic jitter (no Math.random): the same cluster always opens with the same picture. */
function jitter(id: string): number {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  return ((hash >>> 0) / 2 ** 32 - 0.5) * 2;
}

export function nodeColour(node: NetworkNode, mode: ColourMode): string {
  if (node.type === 'identifier') return identifierColour(node.kind);
  if (mode === 'confidence' && typeof node.confidence === 'number') return confidenceColour(node.confidence);
  return SHOP_STATUS_COLOURS[node.status ?? ''] ?? '#0072B2';
}

function attributesOf(node: NetworkNode, mode: ColourMode, x: number, y: number): NodeAttributes {
  const shop = node.type === 'shop';
  return {
    x,
    y,
    size: shop ? SHOP_SIZE : 2.5 + Math.min(4.5, 0.8 * Math.log2((node.shopCount ?? 2) + 1)),
    color: nodeColour(node, mode),
    label: shop ? (node.label ?? node.id) : (node.label ?? node.kind),
    type: shop ? 'circle' : 'square',
    node,
  };
}

/**
 * Builds the graphology graph with a starting layout good enough to read at once: shops on a disc
 * (golden-angle spiral), each identifier at the centre of the shops that share it. ForceAtlas2 then
 * refines it in a web worker while the analyst already works.
 */
export function buildNetworkGraph(data: NetworkGraph, mode: ColourMode = 'status'): Graph<NodeAttributes> {
  const graph = new Graph<NodeAttributes>({ type: 'undirected', multi: false });
  addToGraph(graph, data, mode);
  return graph;
}

/** Adds nodes and edges not yet present (a neighbourhood expansion) without moving existing ones. */
export function addToGraph(graph: Graph<NodeAttributes>, data: NetworkGraph, mode: ColourMode, around?: { x: number; y: number }): number {
  const before = graph.order;
  const shops = data.nodes.filter((n) => n.type === 'shop' && !graph.hasNode(n.id));
  const radius = Math.sqrt(Math.max(shops.length, 1)) * (around ? 4 : 10);
  shops.forEach((node, i) => {
    const angle = i * 2.399963;
    const r = radius * Math.sqrt((i + 0.5) / shops.length);
    graph.addNode(node.id, attributesOf(node, mode, (around?.x ?? 0) + r * Math.cos(angle), (around?.y ?? 0) + r * Math.sin(angle)));
  });
  const neighbours = new Map<string, string[]>();
  for (const edge of data.edges) {
    const list = neighbours.get(edge.target) ?? [];
    list.push(edge.source);
    neighbours.set(edge.target, list);
  }
  for (const node of data.nodes) {
    if (node.type !== 'identifier' || graph.hasNode(node.id)) continue;
    const placed = (neighbours.get(node.id) ?? []).filter((s) => graph.hasNode(s));
    const cx = placed.reduce((sum, s) => sum + graph.getNodeAttribute(s, 'x'), 0) / Math.max(placed.length, 1);
    const cy = placed.reduce((sum, s) => sum + graph.getNodeAttribute(s, 'y'), 0) / Math.max(placed.length, 1);
    graph.addNode(node.id, attributesOf(node, mode, cx + jitter(node.id) * 3, cy + jitter(`${node.id}y`) * 3));
  }
  // A shop that is the *target* of an edge (neighbourhood rows list shop→identifier) is placed above.
  for (const node of data.nodes) {
    if (!graph.hasNode(node.id)) graph.addNode(node.id, attributesOf(node, mode, jitter(node.id) * radius, jitter(`${node.id}y`) * radius));
  }
  for (const edge of data.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target) && !graph.hasEdge(edge.source, edge.target)) {
      graph.addEdge(edge.source, edge.target, { size: 1, color: '#c3c8cf', kind: edge.kind });
    }
  }
  return graph.order - before;
}
