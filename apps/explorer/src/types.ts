/** Shapes the explorer receives from the API. */
export interface SchemaGraph {
  nodes: { id: string; label: string }[];
  edges: { id: string; source: string; target: string; type: string }[];
}
