export * from './loader';
export * from './ports';
export * from './redact';
export * from './rows';
export * from './report';
export * from './prepare';
export * from './bulk';
