import type { ClusterGraphNode, NeighbourhoodNode, NetworkEdge, NetworkNode as WireNode } from '@ringwatch/wire';

/**
 * The explorer's one view of a shop network: a cluster's graph and a shop's neighbourhood drawn on the
 * same canvas, so a node has a confidence when it came from a cluster and a depth when it came from a
 * neighbourhood. Both wire shapes must stay assignable to it (the views pass them in as they come).
 */
export type NetworkNode = WireNode &
  Partial<Pick<ClusterGraphNode, 'confidence'> & Pick<NeighbourhoodNode, 'depth'>> & {
    /** A shop's opening date when the view knows it (a cluster's members): the time filter reads it. */
    openedAt?: string | null;
    /** A shop's listings and payout volume once fetched (size by listings or GMV). */
    listings?: number;
    gmv?: number;
  };

export interface NetworkGraph {
  truncated: boolean;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}
