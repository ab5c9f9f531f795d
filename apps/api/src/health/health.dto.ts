// The shape lives in @ringwatch/wire, shared with the explorer; re-exported for this domain's imports.
export { HealthReportSchema, type HealthReport } from '@ringwatch/wire';
