/**
 * The request and response shapes of the Ringwatch HTTP API, shared by the API (validation, OpenAPI,
 * service signatures) and the explorer (what it reads and sends), so the two cannot drift apart.
 * Browser-safe: zod only, nothing that needs Node or the server.
 */
export * from './alerts';
export * from './audit';
export * from './brands';
export * from './cases';
export * from './clusters';
export * from './errors';
export * from './evidence';
export * from './health';
export * from './imports';
export * from './network';
export * from './page';
export * from './reports';
export * from './schema';
export * from './search';
export * from './shops';
export * from './shutdowns';
export * from './takedowns';
