export * from './csr';
export * from './louvain';
