import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FileFormatError, KINDS, kindOfFile, readRecords, validateRow, type Kind } from '@ringwatch/contract';
import type { Fingerprinter } from '@ringwatch/normalise';
import type { GraphWriter, ImportCounts, ImportLedger } from './ports';
import { prepareRow, type WriteRowOf } from './rows';

export class LoadError extends Error {
  constructor(message: string) {
    super(`ingest: ${message}`);
    this.name = 'LoadError';
  }
}

export interface LoadProgress {
  readonly file: string;
  readonly kind: Kind;
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly totalRead: number;
}

export interface LoadOptions {
  readonly files: readonly string[];
  readonly writer: GraphWriter;
  readonly ledger: ImportLedger;
  readonly fingerprinter: Fingerprinter;
  /** Rows per write transaction. 5,000 measured best on the medium preset (see the ingest benchmark). */
  readonly batchSize?: number;
  /**
   * Write transactions in flight at once. Two keep both of Neo4j's cores busy while this process
   * parses; conflicting writes (two batches touching one hub) are retried by the driver.
   */
  readonly concurrency?: number;
  /** NDJSON file for rejected rows; defaults to `<first file's folder>/rejects-<import id>.ndjson`. */
  readonly rejectsPath?: string;
  readonly source?: string;
  readonly importId?: string;
  readonly onProgress?: (progress: LoadProgress) => void;
}

export interface FileReport extends ImportCounts {
  readonly file: string;
  readonly kind: Kind;
  readonly error: string | null;
  readonly durationMs: number;
}

export interface LoadReport {
  readonly importId: string;
  readonly status: 'completed' | 'failed';
  readonly durationMs: number;
  readonly counts: ImportCounts;
  readonly files: readonly FileReport[];
  readonly rejectsFile: string | null;
}

/** Checks the files exist and have a kind, in load order; call it before any expensive set-up. */
export function planLoad(files: readonly string[]): { file: string; kind: Kind }[] {
  if (files.length === 0) throw new LoadError('no files given');
  const plan = files.map((file) => {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new LoadError(`${file} does not exist or is not a file`);
    const kind = kindOfFile(file);
    if (kind === null) throw new LoadError(`cannot tell the kind of ${path.basename(file)}: name it <kind>.csv or <kind>.ndjson (kinds: ${KINDS.join(', ')})`);
    return { file, kind };
  });
  return plan.sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
}

const HEARTBEAT_MS = 5_000;
/** A running import without a heartbeat for this long belongs to a process that died. */
const STALE_SECONDS = 60;

/**
 * Loads data files into the graph: streams each file, validates every row against the contract,
 * normalises identifiers, rejects bad rows to an NDJSON file with line and reason, and writes the rest
 * in batches of idempotent MERGEs. Files load in dependency order (sellers first), but any order gives
 * the same graph. Parsing the next batch overlaps the write of the previous one.
 */
export async function loadFiles(options: LoadOptions): Promise<LoadReport> {
  const batchSize = options.batchSize ?? 5_000;
  const concurrency = options.concurrency ?? 2;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 8) throw new LoadError('concurrency must be 1-8');
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new LoadError('batch size must be 1-100000');
  const plan = planLoad(options.files);

  const importId = options.importId ?? randomUUID();
  const rejectsPath = options.rejectsPath ?? path.join(path.dirname(path.resolve(plan[0]!.file)), `rejects-${importId}.ndjson`);
  let rejectsFd: number | null = null;
  const reject = (file: string, line: number, field: string, reason: string, row: unknown) => {
    rejectsFd ??= fs.openSync(rejectsPath, 'w');
    fs.writeSync(rejectsFd, `${JSON.stringify({ file: path.basename(file), line, field, reason, row })}\n`);
  };

  const started = Date.now();
  await options.ledger.abandonStale(STALE_SECONDS);
  await options.ledger.create(
    importId,
    options.source ?? 'cli',
    plan.map((p) => path.basename(p.file)),
  );
  const totals: ImportCounts = { read: 0, accepted: 0, rejected: 0, created: 0, updated: 0 };
  const reports: FileReport[] = [];
  let lastBeat = Date.now();

  try {
    for (const { file, kind } of plan) {
      const counts: ImportCounts = { read: 0, accepted: 0, rejected: 0, created: 0, updated: 0 };
      let error: string | null = null;
      const fileStarted = Date.now();
      const inflight = new Set<Promise<void>>();
      try {
        for await (const batch of readRecords(file, kind, batchSize)) {
          const rows: WriteRowOf[typeof kind][] = [];
          for (const { line, record, problem } of batch) {
            counts.read++;
            if (record === null) {
              counts.rejected++;
              reject(file, line, '(row)', problem ?? 'unreadable', null);
              continue;
            }
            const valid = validateRow(kind, record);
            const prepared = valid.ok ? prepareRow(kind, valid.row, options.fingerprinter) : valid;
            if (!prepared.ok) {
              counts.rejected++;
              reject(file, line, prepared.field, prepared.reason, record);
              continue;
            }
            rows.push(prepared.row);
          }
          while (inflight.size >= concurrency) await Promise.race(inflight);
          counts.accepted += rows.length;
          if (rows.length > 0) {
            const write: Promise<void> = options.writer.write(kind, rows, importId).then((result) => {
              counts.created += result.created;
              counts.updated += result.rows - result.created;
              inflight.delete(write);
            });
            // Handled here so a failure never counts as unhandled; it still surfaces through race/all below.
            write.catch(() => undefined);
            inflight.add(write);
          }
          options.onProgress?.({ file, kind, read: counts.read, accepted: counts.accepted, rejected: counts.rejected, totalRead: totals.read + counts.read });
          if (Date.now() - lastBeat > HEARTBEAT_MS) {
            lastBeat = Date.now();
            await options.ledger.heartbeat(importId, totals.read + counts.read);
          }
        }
        await Promise.all(inflight);
      } catch (e) {
        await Promise.allSettled(inflight);
        if (!(e instanceof FileFormatError)) throw e;
        error = e.message;
      }
      reports.push({ file: path.basename(file), kind, error, durationMs: Date.now() - fileStarted, ...counts });
      for (const key of Object.keys(totals) as (keyof ImportCounts)[]) totals[key] += counts[key];
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await options.ledger
      .finish(importId, {
        status: 'failed',
        durationMs: Date.now() - started,
        error: message,
        counts: totals,
        perFile: JSON.stringify(reports),
        rejectsFile: rejectsFd === null ? null : rejectsPath,
      })
      .catch(() => undefined);
    throw e;
  } finally {
    if (rejectsFd !== null) fs.closeSync(rejectsFd);
  }

  const failed = reports.filter((r) => r.error !== null);
  const report: LoadReport = {
    importId,
    status: failed.length > 0 ? 'failed' : 'completed',
    durationMs: Date.now() - started,
    counts: totals,
    files: reports,
    rejectsFile: rejectsFd === null ? null : rejectsPath,
  };
  await options.ledger.finish(importId, {
    status: report.status,
    durationMs: report.durationMs,
    error: failed.length > 0 ? failed.map((f) => f.error).join('; ') : null,
    counts: totals,
    perFile: JSON.stringify(reports),
    rejectsFile: report.rejectsFile,
  });
  return report;
}
