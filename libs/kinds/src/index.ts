export * from './registry';
export * from './cypher';
export * from './redaction';
