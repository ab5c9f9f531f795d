export * from './cypher-registry';
export * from './database';
export * from './driver';
export * from './local-server';
export * from './migrations';
export * from './records';
export * from './supervisor';
export * from './import-tool';
