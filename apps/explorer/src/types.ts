import type { ClusterGraphNode, NeighbourhoodNode, NetworkEdge, NetworkNode as WireNode } from '@ringwatch/wire';

/**
 * The explorer's one view of a shop network: a cluster's graph and a shop's neighbourhood drawn on the
 * same canvas, so a node has a confidence when it came from a cluster and a depth when it came from a
 * neighbourhood. Both wire shapes must stay assignable to it (the views pass them in as they come).
 */
export type NetworkNode = WireNode & Partial<Pick<ClusterGraphNode, 'confidence'> & Pick<NeighbourhoodNode, 'depth'>>;

export interface NetworkGraph {
  truncated: boolean;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}
