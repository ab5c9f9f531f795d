export * from './generate';
export * from './identities';
export * from './presets';
export * from './rng';
export * from './vocabulary';
export { RowWriter, csvCell, type OutputFormat } from './writer';
export { generateHardWorld, HARD_TRUTH_COLUMNS, type HardWorldSummary, type StructureCount } from './hard/generate';
export {
  HARD_WORLD,
  HONEST_STRUCTURES,
  RING_STRUCTURES,
  type HardWorldParams,
  type HonestStructure,
  type RingStructure,
  type ShareToken,
  type Structure,
} from './hard/structures';
