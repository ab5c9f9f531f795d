export * from './loader';
export * from './ports';
export * from './rows';
