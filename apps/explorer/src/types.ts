/**
 * Shapes the explorer receives from the API. Where the API declares one, it is imported as a type (erased
 * from the bundle), so the two cannot drift apart; the rest are the explorer's own views of them.
 */
import type { ClusterDetail, ClusterPage } from '../../api/src/clusters/clusters.dto';
import type { AlertRow } from '../../api/src/alerts/alerts.repository';
import type { SharedIdentifier } from '../../api/src/evidence/evidence.service';
import type { ShopDetail } from '../../api/src/shops/shops.repository';
import type { Shutdown } from '../../api/src/shutdowns/shutdowns.dto';

export type { ClusterDetail, ClusterPage, ShopDetail, Shutdown };
export type ClusterSummary = ClusterPage['items'][number];
export type Alert = AlertRow;
export interface Evidence {
  shops: string[];
  identifiers: SharedIdentifier[];
  pairs: { a: string; b: string; weight: number; identifiers: number }[];
}

export interface SchemaGraph {
  nodes: { id: string; label: string }[];
  edges: { id: string; source: string; target: string; type: string }[];
}

export interface NetworkNode {
  id: string;
  type: 'shop' | 'identifier';
  kind: string;
  label: string | null;
  status: string | null;
  confidence?: number | null;
  hub: boolean;
  shopCount: number | null;
  depth?: number;
}

export interface NetworkGraph {
  truncated: boolean;
  nodes: NetworkNode[];
  edges: { source: string; target: string; kind: string }[];
}
