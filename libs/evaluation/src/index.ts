export * from './format';
export * from './io';
export * from './metrics';
export * from './modularity';
export * from './structures';
