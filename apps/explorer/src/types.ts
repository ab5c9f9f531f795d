/** Shapes the explorer receives from the API. */
export interface SchemaGraph {
  nodes: { id: string; label: string }[];
  edges: { id: string; source: string; target: string; type: string }[];
}

export interface ClusterSummary {
  id: string;
  size: number;
  risk: number;
  flagged: boolean;
  status: string;
  lineage: string;
  lineageFrom: string[];
  sizeBefore: number;
}

export interface ClusterPage {
  runId: string | null;
  runStartedAt: string | null;
  total: number;
  items: ClusterSummary[];
}

export interface ClusterDetail extends ClusterSummary {
  runId: string;
  runStartedAt: string;
  factors: { name: string; value: number; points: number; explanation: string }[];
  members: { id: string; name: string | null; status: string | null; openedAt: string | null; confidence: number }[];
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

export interface ShopDetail {
  id: string;
  name: string | null;
  status: string | null;
  category: string | null;
  openedAt: string | null;
  sellerId: string | null;
  sellerName: string | null;
  sellerCountry: string | null;
  listings: number;
  counterfeitReports: number;
  clusterId: string | null;
  clusterRisk: number | null;
  confidence: number | null;
}

export interface Evidence {
  shops: string[];
  identifiers: { kind: string; key: string; label: string; shopCount: number; shops: string[]; strong: boolean; hub: boolean; weight: number }[];
  pairs: { a: string; b: string; weight: number; identifiers: number }[];
}

export interface Shutdown {
  id: string;
  clusterId: string;
  runId: string;
  reason: string;
  excluded: string[];
  status: 'proposed' | 'approved' | 'rejected' | 'executing' | 'executed';
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  executedAt: string | null;
  shopsTotal: number;
  shopsDone: number;
  listingsDelisted: number;
  preview: {
    shops: number;
    activeListings: number;
    payouts: { currency: string; amount: number }[];
    counterfeitReports: number;
    secondLook: { shopId: string; name: string | null; reasons: string[] }[];
  };
  shops: string[];
}

export interface Alert {
  id: string;
  kind: string;
  shopId: string;
  status: 'open' | 'acknowledged';
  raisedAt: string;
  via: string[];
  formerShops: string[];
  shutdownIds: string[];
  acknowledgedBy: string | null;
}
