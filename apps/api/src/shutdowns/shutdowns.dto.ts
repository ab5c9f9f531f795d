// The shapes live in @ringwatch/wire, shared with the explorer; re-exported for this domain's imports.
export {
  DecisionSchema,
  PreviewSchema,
  ProposeShutdownSchema,
  ShutdownIdSchema,
  ShutdownListQuerySchema,
  ShutdownPageSchema,
  ShutdownSchema,
  type Decision,
  type Preview,
  type ProposeShutdown,
  type Shutdown,
  type ShutdownListQuery,
} from '@ringwatch/wire';
