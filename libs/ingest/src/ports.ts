import type { Kind } from '@ringwatch/contract';
import type { WriteRowOf } from './rows';

/** Where the loader writes; implemented by the imports repository (the only code that talks to Neo4j). */
export interface GraphWriter {
  /**
   * Writes one batch in one transaction, all or nothing. Throws RowsRefusedError when the database
   * refuses the batch for what its rows hold; any other error (unreachable, out of retries) stops the load.
   */
  write<K extends Kind>(kind: K, rows: WriteRowOf[K][], importId: string): Promise<WriteResult>;
}

/** What one batch did: rows written, entities created, and rows whose single-valued link moved. */
export interface WriteResult {
  readonly rows: number;
  readonly created: number;
  /**
   * Rows that named another owner than the graph had (a listing's shop, a shop's seller, a payout's shop
   * or account, a verdict's listing or brand): the link was moved, not added. Absent means none.
   */
  readonly moved?: number;
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
  /** Rows whose single-valued link moved to another owner (see WriteResult.moved). */
  moved: number;
}

export interface ImportLedger {
  abandonStale(staleSeconds: number): Promise<number>;
  create(id: string, source: string, files: string[]): Promise<void>;
  /**
   * The counts of the batches settled so far (written or rejected), and proof of life: called as batches
   * commit and at least every few seconds while the load runs. Changes only a running import.
   */
  progress(id: string, counts: ImportCounts): Promise<void>;
  finish(
    id: string,
    outcome: { status: 'completed' | 'failed'; durationMs: number; error: string | null; counts: ImportCounts; perFile: string; rejectsFile: string | null },
  ): Promise<void>;
}
