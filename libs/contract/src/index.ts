export * from './kinds';
export * from './validate';
export { fastAccept } from './fast-accept';
export * from './json-schema';
export * from './reader';
