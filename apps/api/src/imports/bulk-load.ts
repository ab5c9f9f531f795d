import fs from 'node:fs';
import path from 'node:path';
import type { Neo4jConfig, RingwatchConfig } from '@ringwatch/config';
import { ensurePrivateDir } from '@ringwatch/config';
import {
  BulkWriter,
  DeferredLedger,
  importToolArgs,
  LoadError,
  loadFiles,
  planLoad,
  shellCommand,
  type BulkFiles,
  type ImportLedger,
  type LoadProgress,
  type LoadReport,
} from '@ringwatch/ingest';
import { runAdminTool } from '@ringwatch/neo4j';
import type { ImportsRepository } from './imports.repository';
import { importFingerprinter } from './imports.service';

/**
 * The bulk first load, one pipeline for the command line (`npm run ingest -- --bulk`) and the API
 * (`POST /imports/bulk`): the loader's pipeline (reader, contract, normalisation, fingerprints, rejects)
 * with the bulk writer behind its port, then Neo4j's offline importer over the stopped local store, then
 * the server up again with migrations, the service's own records (users, audit trail, imports) written
 * back and the Import recorded like any other. With a server of one's own (NEO4J_URI) the files are
 * written and the operator is given the command. Only for an empty database: the importer replaces the
 * whole store and merges nothing. Where the database is and how it is stopped is the host's business.
 */

/** A bulk load refused because the database holds data (the API answers 409). */
export class BulkRefusedError extends LoadError {}

/** What the pipeline needs of whoever holds the database: the CLI (no server running) or the API (its supervised server). */
export interface BulkHost {
  /** Runs fn over the database as it is before the load; undefined when there is none to ask (no store yet, or not this host's to ask). */
  before<T>(fn: (repository: ImportsRepository) => Promise<T>): Promise<T | undefined>;
  /**
   * With the local store closed, runs work; then, with the server up again and migrations applied,
   * after(repository). Settles after both.
   */
  offline(work: () => Promise<void>, after: (repository: ImportsRepository) => Promise<void>): Promise<void>;
  /** A ledger the load's progress goes to as it runs (the API: the Import is followed with GET /imports/:id); none on the CLI, whose database is down. */
  readonly live?: ImportLedger;
}

export interface BulkLoadOptions {
  readonly files: readonly string[];
  readonly source?: string;
  readonly rejectsPath?: string;
  /** Where the importer's files go; beside the local data folder (.data/bulk-<import id>) by default. */
  readonly outDir?: string;
  /** Keep the importer's files after a local import (they hold names and contact details: deleted by default). */
  readonly keepFiles?: boolean;
  /** The database: config.neo4j unless given (tests and benchmarks pass a local server of their own). */
  readonly target?: Neo4jConfig;
  readonly log?: (line: string) => void;
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Off-heap memory the importer may use (its default is 90 % of the machine's). */
  readonly maxOffHeap?: string;
}

export interface BulkLoadResult {
  readonly report: LoadReport;
  readonly files: BulkFiles;
  /** `imported`: the local store was loaded; `written`: the files wait for the operator (external server). */
  readonly outcome: 'imported' | 'written';
  /** The neo4j-admin command line (for an external server: the one to run). */
  readonly command: string;
  /** Reading, validating and writing the files; the importer; starting the server with migrations and the record. */
  readonly timings: { readonly prepareMs: number; readonly importMs: number; readonly startMs: number };
}

/** The refusal of a database that holds data, the same words for the CLI and the API (how to load instead differs). */
export function refuseNonEmpty(contents: readonly { label: string; nodes: number }[], instead: string): BulkRefusedError {
  return new BulkRefusedError(
    `a bulk load is only for an empty database, and this one holds ${contents.map((c) => `${c.nodes.toLocaleString('en')}${c.nodes >= 100_000 ? '+' : ''} ${c.label}`).join(', ')}: ` +
      `${instead} (the transactional loader merges them into the graph), or start from an empty data folder`,
  );
}

/** Where the importer's files go unless told: beside the local data folder, or in .data for a server of one's own. */
export function bulkOutDir(config: RingwatchConfig, target: Neo4jConfig, importId: string): string {
  return path.resolve(path.join(target.mode === 'local' ? path.dirname(target.dataDir) : path.join(config.rootDir, '.data'), `bulk-${importId}`));
}

export async function runBulkLoad(
  config: RingwatchConfig,
  importId: string,
  options: BulkLoadOptions & { readonly instead: string },
  host: BulkHost,
): Promise<BulkLoadResult> {
  planLoad(options.files);
  const target = options.target ?? config.neo4j;
  const log = options.log ?? (() => {});
  const source = options.source ?? 'cli';
  const outDir = path.resolve(options.outDir ?? bulkOutDir(config, target, importId));

  // One look before the load (on the command line each look starts the server): what the store holds,
  // and the records to carry over the importer.
  const found = await host.before(async (repository) => ({ contents: await repository.graphContents(), carried: await repository.carriedRecords() }));
  if (found && found.contents.length > 0) throw refuseNonEmpty(found.contents, options.instead);

  ensurePrivateDir(outDir);
  const started = Date.now();
  const writer = new BulkWriter(outDir);
  const ledger = new DeferredLedger(host.live);
  let report: LoadReport;
  let files: BulkFiles;
  try {
    report = await loadFiles({
      importId,
      files: [...options.files],
      writer,
      ledger,
      fingerprinter: importFingerprinter(config),
      // The writer only appends to files: one batch at a time keeps its row order the file's.
      concurrency: 1,
      batchSize: config.ingest.batchSize,
      limits: config.ingest.limits,
      maxRejectsPerFile: config.ingest.maxRejectsPerFile,
      source,
      rejectsPath: options.rejectsPath,
      onProgress: options.onProgress,
    });
    files = await writer.finish();
  } catch (error) {
    fs.rmSync(outDir, { recursive: true, force: true });
    // The loader recorded the failure (deferred): a live record says so now; the CLI has nothing to record it in.
    if (host.live) await ledger.replay(host.live).catch(() => {});
    throw error;
  }
  const prepareMs = Date.now() - started;
  const database = target.mode === 'external' ? target.database : 'neo4j';
  const args = importToolArgs(files, {
    database,
    overwrite: target.mode === 'local',
    reportFile: path.join(outDir, 'import.report'),
    maxOffHeap: options.maxOffHeap,
  });
  const command = shellCommand(['neo4j-admin', ...args]);
  if (target.mode === 'external') {
    if (host.live) {
      const live = host.live;
      await host.before((repository) =>
        ledger.replay(live, undefined, () => repository.recordBulk(importId, source, { outcome: 'written', folder: outDir, command }, report)),
      );
    }
    return { report, files, outcome: 'written', command, timings: { prepareMs, importMs: 0, startMs: 0 } };
  }

  try {
    // Users, the audit trail and import records (this one's too, when followed live) survive the importer.
    // A database that stayed up while the files were written is read again: it may have changed since.
    const carried = (host.live ? await host.before((repository) => repository.carriedRecords()) : found?.carried) ?? [];
    let importMs = 0;
    let failure: Error | undefined;
    let up = 0;
    await host.offline(
      async () => {
        log(`importing ${files.nodes.length} node and ${files.relationships.length} relationship files with Neo4j's importer`);
        // A first start may come after the import: the folder is made here, private as the server makes it.
        ensurePrivateDir(target.dataDir);
        try {
          const run = await runAdminTool({ launcherDir: path.join(config.rootDir, 'tools', 'neo4j-local'), dataDir: target.dataDir, args, onOutput: log });
          importMs = run.durationMs;
          if (run.exitCode !== 0) failure = new LoadError(`Neo4j's importer failed (exit ${run.exitCode}):\n${run.tail.join('\n')}`);
        } catch (error) {
          failure = error instanceof Error ? error : new Error(String(error));
        } finally {
          up = Date.now();
        }
      },
      async (repository) => {
        // By their keys: an importer that failed may have left the old store, records and all.
        await repository.restoreCarried(carried);
        await ledger.replay(
          repository,
          (outcome) =>
            failure
              ? { ...outcome, status: 'failed', error: failure.message.split('\n')[0]!, durationMs: Date.now() - started }
              : { ...outcome, durationMs: Date.now() - started },
          failure ? undefined : () => repository.recordBulk(importId, source, { outcome: 'imported', folder: null, command }, report),
        );
      },
    );
    if (failure) throw failure;
    return { report, files, outcome: 'imported', command, timings: { prepareMs, importMs, startMs: Date.now() - up } };
  } finally {
    if (!options.keepFiles) fs.rmSync(outDir, { recursive: true, force: true });
  }
}
