import neo4j, { type Driver } from 'neo4j-driver';

export class Neo4jConnectionError extends Error {
  constructor(uri: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`neo4j: cannot reach ${uri}: ${reason}. Is the server running and are NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD right?`);
    this.name = 'Neo4jConnectionError';
  }
}

export interface DriverOptions {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly maxConnectionPoolSize?: number;
}

/** One driver per process. Opens it and proves the server answers before anyone relies on it. */
export async function openDriver(options: DriverOptions): Promise<Driver> {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? 100,
    connectionAcquisitionTimeout: 30_000,
    userAgent: 'ringwatch',
  });
  try {
    await driver.verifyConnectivity();
  } catch (error) {
    await driver.close();
    throw new Neo4jConnectionError(options.uri, error);
  }
  return driver;
}
