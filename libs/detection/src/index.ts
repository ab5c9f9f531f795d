export * from './communities';
export * from './graph';
export * from './graphology-louvain';
export * from './lineage';
export * from './projection';
export * from './risk';
export * from './edge-list';
export * from './ringwatch-louvain';
