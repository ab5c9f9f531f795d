export * from './status';
export * from './sync';
export * from './events';
