// The shapes live in @ringwatch/wire, shared with the explorer; re-exported for this domain's imports.
export {
  ClusterDetailQuerySchema,
  ClusterDetailSchema,
  ClusterGraphQuerySchema,
  ClusterGraphSchema,
  ClusterIdSchema,
  ClusterListQuerySchema,
  ClusterPageSchema,
  type ClusterDetail,
  type ClusterGraph,
  type ClusterGraphQuery,
  type ClusterListQuery,
  type ClusterPage,
} from '@ringwatch/wire';
