export * from './status';
export * from './sync';
