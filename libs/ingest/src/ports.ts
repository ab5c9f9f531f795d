import type { Kind } from '@ringwatch/contract';
import type { WriteRowOf } from './rows';

/** Where the loader writes; implemented by the imports repository (the only code that talks to Neo4j). */
export interface GraphWriter {
  /**
   * Writes one batch in one transaction, all or nothing. Throws RowsRefusedError when the database
   * refuses the batch for what its rows hold; any other error (unreachable, out of retries) stops the load.
   */
  write<K extends Kind>(kind: K, rows: WriteRowOf[K][], importId: string): Promise<{ rows: number; created: number }>;
}

/**
 * The database refused a batch for what its rows hold (a value it cannot store, a constraint), not for
 * its own state: the loader splits the batch until the refused rows are found, rejects them with the
 * database's reason, and goes on.
 */
export class RowsRefusedError extends Error {
  constructor(
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`ingest: the database refused a batch: ${reason}`, options);
    this.name = 'RowsRefusedError';
  }
}

export interface ImportCounts {
  read: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
}

export interface ImportLedger {
  abandonStale(staleSeconds: number): Promise<number>;
  create(id: string, source: string, files: string[]): Promise<void>;
  heartbeat(id: string, read: number): Promise<void>;
  finish(
    id: string,
    outcome: { status: 'completed' | 'failed'; durationMs: number; error: string | null; counts: ImportCounts; perFile: string; rejectsFile: string | null },
  ): Promise<void>;
}
