import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_READ_LIMITS, FileFormatError, KINDS, kindOfFile, type Kind, type RawRecord, type ReadLimits, type ReadStats } from '@ringwatch/contract';
import type { Fingerprinter } from '@ringwatch/normalise';
import { RowsRefusedError, type GraphWriter, type ImportCounts, type ImportLedger } from './ports';
import { preparedBatches } from './prepare';
import { redactRaw, redactRecord, maskSecrets } from './redact';
import type { WriteRowOf } from './rows';

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
  /**
   * NDJSON file for rejected rows (created readable by its owner only, its folder too when the loader
   * makes it); defaults to `<first file's folder>/rejects-<import id>.ndjson`.
   */
  readonly rejectsPath?: string;
  /** What one file may cost to read (line length, decompressed size); defaults in libs/contract. */
  readonly limits?: ReadLimits;
  /**
   * Rejected rows after which a file stops: the rows before are kept, and the file and the import
   * report why. A file that is nearly all rejects is not the data it claims to be.
   */
  readonly maxRejectsPerFile?: number;
  readonly source?: string;
  readonly importId?: string;
  /**
   * The caller created the Import record (`importId`) already: an API answers with the id before the
   * load starts, and a client reading it back at once must find it.
   */
  readonly recorded?: boolean;
  readonly onProgress?: (progress: LoadProgress) => void;
  /**
   * Awaited before each batch is written: a service loading beside interactive work (the API) lets
   * that work have the database first. Never awaited mid-batch, so a load can always finish. When it
   * resolves true (other work was waiting), the batch also waits for the writes in flight: one write
   * at a time, so the database's other core stays with the reads.
   */
  readonly pace?: () => Promise<boolean>;
}

/**
 * What became of one file. Every physical line after a CSV header (every line of NDJSON) is blank or
 * part of exactly one row read, and every row read is accepted or rejected: `read = accepted + rejected`.
 * A row spans more than one line only when a quoted cell holds a line break.
 */
export interface FileReport extends ImportCounts {
  readonly file: string;
  readonly kind: Kind;
  /** Physical lines after the header. */
  readonly lines: number;
  /** Lines with nothing on them, skipped. */
  readonly blank: number;
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

/** One line of the rejects file; `row` (the record's cells or object) and `raw` are masked (redact.ts). */
export interface RejectEntry {
  readonly file: string;
  readonly line: number;
  /** Lines the row spans, when more than one. */
  readonly lines?: number;
  readonly field: string;
  readonly reason: string;
  readonly row: Record<string, unknown> | null;
  /** The text of a line that could not be read into a row. */
  readonly raw?: string;
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
export const STALE_SECONDS = 60;
export const DEFAULT_MAX_REJECTS_PER_FILE = 100_000;
/**
 * Refused rows in a row, with not one row of their batch taken, that mean the fault is not in the rows
 * (a broken statement, a database that refuses everything): the load stops instead of splitting the
 * batch down to every single row. Rows that pass the contract are rarely refused at all.
 */
export const SYSTEMIC_REFUSALS = 32;

/** What became of one batch's rows in the database: taken, refused (and so rejected), created, updated, moved. */
interface BatchOutcome {
  taken: number;
  /** Single rows refused in a row with none taken (see SYSTEMIC_REFUSALS). */
  refused: number;
  rejected: number;
  created: number;
  updated: number;
  moved: number;
}

/** The rejects file, opened on the first reject: mode 0600, its folder 0700 when the loader creates it. */
class RejectsFile {
  private fd: number | null = null;

  constructor(readonly path: string) {}

  get used(): boolean {
    return this.fd !== null;
  }

  write(entry: RejectEntry): void {
    if (this.fd === null) {
      const dir = path.dirname(this.path);
      if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      this.fd = fs.openSync(this.path, 'w', 0o600);
      // An existing file keeps its mode when opened: make it private too.
      fs.fchmodSync(this.fd, 0o600);
    }
    fs.writeSync(this.fd, `${JSON.stringify(entry)}\n`);
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
  }
}

/**
 * What the Import record shows while a load runs: the counts of batches whose rows are settled (written
 * and committed, or rejected), never of rows still in flight, so `read = accepted + rejected` holds at
 * every moment someone looks. Writes to the ledger are coalesced: one at a time, the latest counts next.
 * A progress write that fails is dropped; the batches' own writes report a database that is away.
 */
class ProgressLedger {
  readonly committed: ImportCounts = { read: 0, accepted: 0, rejected: 0, created: 0, updated: 0, moved: 0 };
  private writing: Promise<void> | null = null;
  private dirty = false;

  constructor(
    private readonly ledger: ImportLedger,
    private readonly importId: string,
  ) {}

  add(delta: ImportCounts): void {
    for (const key of Object.keys(this.committed) as (keyof ImportCounts)[]) this.committed[key] += delta[key];
    this.flush();
  }

  /** Sends the latest counts (also the heartbeat: a load that settles no batch for a while still beats). */
  flush(): void {
    if (this.writing !== null) {
      this.dirty = true;
      return;
    }
    this.dirty = false;
    this.writing = this.ledger
      .progress(this.importId, { ...this.committed })
      .catch(() => undefined)
      .then(() => {
        this.writing = null;
        // Counts that arrived while this write was out go next.
        if (this.dirty) this.flush();
      });
  }

  /** Waits for the last progress write, so it cannot land after the final record. */
  async settled(): Promise<void> {
    while (this.writing !== null) await this.writing;
  }
}

/**
 * Loads data files into the graph: streams each file, validates every row against the contract,
 * normalises identifiers, rejects bad rows to an NDJSON file with line and reason, and writes the rest
 * in batches of idempotent MERGEs. Files load in dependency order (sellers first), but any order gives
 * the same graph. Parsing the next batch overlaps the write of the previous one. A batch the database
 * refuses is split until the refused rows are found; they are rejected with the database's reason and
 * the load goes on. A file that cannot be read fails alone; only a database that cannot be reached
 * (after the driver's retries) or refuses everything stops the load.
 */
export async function loadFiles(options: LoadOptions): Promise<LoadReport> {
  const batchSize = options.batchSize ?? 5_000;
  const concurrency = options.concurrency ?? 2;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 8) throw new LoadError('concurrency must be 1-8');
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new LoadError('batch size must be 1-100000');
  const maxRejects = options.maxRejectsPerFile ?? DEFAULT_MAX_REJECTS_PER_FILE;
  if (!Number.isInteger(maxRejects) || maxRejects < 1) throw new LoadError('max rejects per file must be a positive integer');
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const plan = planLoad(options.files);
  const { writer, fingerprinter } = options;

  const importId = options.importId ?? randomUUID();
  const rejects = new RejectsFile(options.rejectsPath ?? path.join(path.dirname(path.resolve(plan[0]!.file)), `rejects-${importId}.ndjson`));

  const started = Date.now();
  await options.ledger.abandonStale(STALE_SECONDS);
  if (!options.recorded) {
    await options.ledger.create(
      importId,
      options.source ?? 'cli',
      plan.map((p) => path.basename(p.file)),
    );
  }
  const totals: ImportCounts = { read: 0, accepted: 0, rejected: 0, created: 0, updated: 0, moved: 0 };
  const reports: FileReport[] = [];
  const progress = new ProgressLedger(options.ledger, importId);
  let lastBeat = Date.now();

  const loadFile = async (file: string, kind: Kind): Promise<void> => {
    const name = path.basename(file);
    const counts: ImportCounts = { read: 0, accepted: 0, rejected: 0, created: 0, updated: 0, moved: 0 };
    const stats: ReadStats = { lines: 0, blank: 0 };
    let recordLines = 0;
    let error: string | null = null;
    let fatal: unknown = null;
    const fileStarted = Date.now();
    const inflight = new Set<Promise<void>>();

    const reject = (record: RawRecord, field: string, reason: string) => {
      counts.rejected++;
      rejects.write({
        file: name,
        line: record.line,
        ...(record.lines > 1 ? { lines: record.lines } : {}),
        field,
        reason: maskSecrets(reason),
        row: record.record === null ? null : redactRecord(kind, record.record),
        ...(record.raw === undefined ? {} : { raw: redactRaw(kind, record.raw) }),
      });
    };

    /** Writes rows in one transaction; when the database refuses them, halves until the refused rows are alone. */
    const write = async (rows: WriteRowOf[Kind][], origins: RawRecord[], batch: BatchOutcome): Promise<void> => {
      try {
        const result = await writer.write(kind, rows, importId);
        const moved = result.moved ?? 0;
        counts.created += result.created;
        counts.updated += result.rows - result.created;
        counts.moved += moved;
        batch.created += result.created;
        batch.updated += result.rows - result.created;
        batch.moved += moved;
        batch.taken += rows.length;
      } catch (e) {
        if (!(e instanceof RowsRefusedError)) throw e;
        if (rows.length > 1) {
          const half = Math.ceil(rows.length / 2);
          await write(rows.slice(0, half), origins.slice(0, half), batch);
          await write(rows.slice(half), origins.slice(half), batch);
          return;
        }
        if (batch.taken === 0 && ++batch.refused >= SYSTEMIC_REFUSALS) {
          throw new LoadError(
            `${name}: the database refused ${batch.refused} rows in a row and took none (${e.reason}); that is not the rows' fault, so the load stops`,
          );
        }
        counts.accepted--;
        batch.rejected++;
        reject(origins[0]!, '(database)', `the database refused the row: ${e.reason}`);
      }
    };

    try {
      let stopped = false;
      for await (const { records: batch, verdicts } of preparedBatches(file, kind, batchSize, stats, limits, fingerprinter)) {
        // A write that failed for good stops the file here, before the batch counts as read.
        while (inflight.size >= concurrency) await Promise.race(inflight);
        if (options.pace && (await options.pace())) while (inflight.size > 0) await Promise.race(inflight);
        const rows: WriteRowOf[Kind][] = [];
        const origins: RawRecord[] = [];
        const readBefore = counts.read;
        const rejectedBefore = counts.rejected;
        for (let i = 0; i < batch.length; i++) {
          const record = batch[i]!;
          if (counts.rejected >= maxRejects) {
            stopped = true;
            error = `ingest: ${name}: stopped at line ${record.line} after ${counts.rejected} rejected rows (the most a file may have); the rows before were kept`;
            break;
          }
          counts.read++;
          recordLines += record.lines;
          const prepared = verdicts[i]!;
          if (!prepared.ok) {
            reject(record, prepared.field, prepared.reason);
            continue;
          }
          rows.push(prepared.row);
          origins.push(record);
        }
        counts.accepted += rows.length;
        // Taken now: later batches are read while this one is written.
        const batchRead = counts.read - readBefore;
        const batchRejected = counts.rejected - rejectedBefore;
        const outcome: BatchOutcome = { taken: 0, refused: 0, rejected: 0, created: 0, updated: 0, moved: 0 };
        const settle = () =>
          progress.add({
            read: batchRead,
            accepted: rows.length - outcome.rejected,
            rejected: batchRejected + outcome.rejected,
            created: outcome.created,
            updated: outcome.updated,
            moved: outcome.moved,
          });
        if (rows.length === 0) settle();
        else {
          const written: Promise<void> = write(rows, origins, outcome).then(() => {
            inflight.delete(written);
            settle();
          });
          // Handled here so a failure never counts as unhandled; it still surfaces through race/all below.
          written.catch(() => undefined);
          inflight.add(written);
        }
        options.onProgress?.({ file, kind, read: counts.read, accepted: counts.accepted, rejected: counts.rejected, totalRead: totals.read + counts.read });
        if (Date.now() - lastBeat > HEARTBEAT_MS) {
          lastBeat = Date.now();
          progress.flush();
        }
        if (stopped) break;
      }
      await Promise.all(inflight);
      // The reader promises this; a file whose lines do not add up is reported, never passed over.
      if (!stopped && stats.lines !== stats.blank + recordLines)
        error = `ingest: ${name}: ${stats.lines} lines, but ${stats.blank} blank and ${recordLines} in rows`;
    } catch (e) {
      await Promise.allSettled(inflight);
      if (e instanceof FileFormatError) error = e.message;
      else {
        fatal = e;
        error = e instanceof Error ? e.message : String(e);
      }
    }
    reports.push({ file: name, kind, lines: stats.lines, blank: stats.blank, error, durationMs: Date.now() - fileStarted, ...counts });
    for (const key of Object.keys(totals) as (keyof ImportCounts)[]) totals[key] += counts[key];
    if (fatal !== null) throw fatal;
  };

  try {
    for (const { file, kind } of plan) await loadFile(file, kind);
  } catch (e) {
    // The record keeps what was done, the failing file's counts included.
    await progress.settled();
    await options.ledger
      .finish(importId, {
        status: 'failed',
        durationMs: Date.now() - started,
        error: e instanceof Error ? e.message : String(e),
        counts: totals,
        perFile: JSON.stringify(reports),
        rejectsFile: rejects.used ? rejects.path : null,
      })
      .catch(() => undefined);
    throw e;
  } finally {
    rejects.close();
  }

  const failed = reports.filter((r) => r.error !== null);
  const report: LoadReport = {
    importId,
    status: failed.length > 0 ? 'failed' : 'completed',
    durationMs: Date.now() - started,
    counts: totals,
    files: reports,
    rejectsFile: rejects.used ? rejects.path : null,
  };
  await progress.settled();
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
