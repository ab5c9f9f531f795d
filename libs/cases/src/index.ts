export * from './status';
export * from './sync';
export * from './inbox';
export * from './events';
