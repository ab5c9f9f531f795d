export * from './kinds';
export * from './validate';
export * from './json-schema';
export * from './reader';
