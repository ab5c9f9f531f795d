import neo4j, { type Driver } from 'neo4j-driver';

export class Neo4jConnectionError extends Error {
  constructor(uri: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`neo4j: cannot reach ${uri}: ${reason}. Is the server running and are NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD right?`);
    this.name = 'Neo4jConnectionError';
  }
}

/**
 * How long the driver waits before it gives up on a server. The driver's own defaults (30 s to connect,
 * 60 s to get a connection, 30 s of retries) made every request hang about 30 s and answer 500 when the
 * server had died; these fail within seconds, and the API answers 503 meanwhile.
 */
export interface DriverTuning {
  /** Opening a TCP connection and the Bolt handshake. */
  readonly connectionTimeoutMs: number;
  /** Getting a connection from the pool, a new connection's set-up included. */
  readonly acquisitionTimeoutMs: number;
  /** How long executeRead/executeWrite retry a transaction on transient errors (deadlocks, a lost server). */
  readonly maxRetryTimeMs: number;
}

export const DRIVER_TUNING_DEFAULTS: DriverTuning = { connectionTimeoutMs: 3_000, acquisitionTimeoutMs: 5_000, maxRetryTimeMs: 5_000 };

export interface DriverOptions {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly maxConnectionPoolSize?: number;
  readonly tuning?: DriverTuning;
}

/** One driver per process. Opens it and proves the server answers before anyone relies on it. */
export async function openDriver(options: DriverOptions): Promise<Driver> {
  const tuning = options.tuning ?? DRIVER_TUNING_DEFAULTS;
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? 100,
    connectionTimeout: tuning.connectionTimeoutMs,
    connectionAcquisitionTimeout: tuning.acquisitionTimeoutMs,
    maxTransactionRetryTime: tuning.maxRetryTimeMs,
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
