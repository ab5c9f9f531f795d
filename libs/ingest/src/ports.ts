import type { Kind } from '@ringwatch/contract';
import type { WriteRowOf } from './rows';

/** Where the loader writes; implemented by the imports repository (the only code that talks to Neo4j). */
export interface GraphWriter {
  write<K extends Kind>(kind: K, rows: WriteRowOf[K][], importId: string): Promise<{ rows: number; created: number }>;
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
