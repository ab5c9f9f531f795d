export * from './csr';
export * from './leiden';
export * from './louvain';
export * from './quality';
export * from './random';
export * from './planted';
