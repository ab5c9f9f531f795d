import { Neo4jError } from 'neo4j-driver';
import { DomainError } from '../common/errors.filter';

/** The database cannot be reached: every route answers this at once rather than waiting on the driver. */
export class DatabaseUnavailableError extends DomainError {
  readonly status = 503;
  readonly code = 'database_unavailable';
  override readonly retryAfterSeconds = 5;
  override readonly details: { readonly cause: string; readonly since: string | null };
  constructor(cause: string, since: Date | null) {
    super(`the database is unavailable: ${cause}`);
    this.details = { cause, since: since?.toISOString() ?? null };
  }
}

/**
 * Driver errors that mean the server is not there (refused, reset, timed out, gone mid-transaction), as
 * opposed to errors in what was asked. Neo4jError codes for these are plain words, not Neo.* codes.
 */
const LOST = new Set(['ServiceUnavailable', 'SessionExpired']);

export function isDatabaseUnreachable(error: unknown): error is Error {
  if (error instanceof Neo4jError)
    return LOST.has(error.code) || /connection acquisition timed out|Failed to connect|Connection was closed/i.test(error.message);
  return false;
}
