export * from './address';
export * from './device';
export * from './email';
export * from './phone';
export * from './secrets';
export * from './search';
