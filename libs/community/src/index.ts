export * from './csr';
export * from './louvain';
export * from './quality';
export * from './random';
