// The shape lives in @ringwatch/wire, shared with the explorer; re-exported for this domain's imports.
export { SchemaGraphSchema, type SchemaGraph } from '@ringwatch/wire';
