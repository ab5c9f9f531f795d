export * from './generate';
export * from './identities';
export * from './presets';
export * from './rng';
export * from './vocabulary';
export { RowWriter, csvCell, type OutputFormat } from './writer';
