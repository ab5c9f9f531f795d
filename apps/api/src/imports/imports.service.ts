import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BadRequestException, ConflictException, Inject, Injectable, Logger, Optional, PayloadTooLargeException, type OnModuleDestroy } from '@nestjs/common';
import { KINDS, kindOfFile } from '@ringwatch/contract';
import type { RingwatchConfig } from '@ringwatch/config';
import { ensurePrivateDir, resolveGeneratedSecret } from '@ringwatch/config';
import { loadFiles, STALE_SECONDS, type LoadProgress, type LoadReport } from '@ringwatch/ingest';
import { fingerprinter, type Fingerprinter } from '@ringwatch/normalise';
import type { ImportStarted } from '@ringwatch/wire';
import { AlertsService } from '../alerts/alerts.service';
import { ReadCache } from '../common/read-cache';
import { ReadPressure } from '../common/read-pressure';
import { CONFIG } from '../common/tokens';
import { ImportsRepository, type ImportRecord } from './imports.repository';

const UPLOAD_SWEEP_MS = 3_600_000;
/** The uploads folder that holds the files staged for a bulk first load (an upload's folder is its import id, a UUID). */
const BULK_STAGING = 'bulk';

/** The fingerprinter of every load, transactional or bulk: one key, so equal secrets are one node. */
export function importFingerprinter(config: RingwatchConfig): Fingerprinter {
  // Config guarantees a key with a server of the user's own; locally one is generated once and kept.
  return fingerprinter(config.pii.hmacKey ?? resolveGeneratedSecret(config.pii.keyFile, undefined, 24));
}

function removeIfEmpty(dir: string): void {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
}

@Injectable()
export class ImportsService implements OnModuleDestroy {
  private readonly fingerprints: Fingerprinter;
  private readonly logger = new Logger('imports');
  private staleWatch: NodeJS.Timeout | null = null;
  private uploadSweep: NodeJS.Timeout | null = null;
  /** Uploads this process is loading: the sweep leaves them alone whatever their age. */
  private readonly loading = new Set<string>();
  /** Loads of this process that failed while the database was away, so their failure is not yet recorded: id → reason. */
  private readonly unrecorded = new Map<string, string>();

  constructor(
    @Inject(ImportsRepository) private readonly repository: ImportsRepository,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    @Inject(AlertsService) private readonly alerts: AlertsService,
    @Optional() @Inject(ReadCache) private readonly cache?: ReadCache,
    @Optional() @Inject(ReadPressure) private readonly pressure?: ReadPressure,
  ) {
    this.fingerprints = importFingerprinter(config);
  }

  /** Loads files and audits the load with its counts (who: the source, e.g. a user name, "demo", "cli"). */
  async load(
    files: string[],
    source: string,
    onProgress?: (p: LoadProgress) => void,
    rejectsPath?: string,
    importId: string = randomUUID(),
    recorded = false,
  ): Promise<LoadReport> {
    const report = await loadFiles({
      importId,
      recorded,
      files,
      writer: this.repository,
      ledger: this.repository,
      fingerprinter: this.fingerprints,
      batchSize: this.config.ingest.batchSize,
      limits: this.config.ingest.limits,
      maxRejectsPerFile: this.config.ingest.maxRejectsPerFile,
      source,
      onProgress,
      rejectsPath,
      // People reading come first: each batch waits (a bounded while) for the requests in flight.
      pace: this.pressure ? () => this.pressure!.quiet(this.config.ingest.yieldToReadsMs) : undefined,
    }).catch((error: unknown) => this.recordFailure(importId, error));
    // The ledger's finish audited the load in the transaction that recorded its outcome.
    this.cache?.invalidate();
    // The recidivism watch runs after every load, so a returning ring is flagged before the next detection run.
    const raised = await this.alerts.checkRecidivism();
    if (raised.length > 0) this.logger.warn(`recidivism watch: ${raised.length} new alert(s) after import ${report.importId}`);
    return report;
  }

  /**
   * The loader records a failed load itself, but not when the failure is the database going away (the
   * record cannot be written either): the import would show `running` until the stale sweep. Its
   * failure is written now if it can be, else when the database is back (recordInterrupted). Rethrows.
   */
  private async recordFailure(importId: string, error: unknown): Promise<never> {
    const reason = `the load stopped: ${error instanceof Error ? error.message : String(error)} (re-run the same files to finish it)`;
    await this.repository.failRunning(importId, reason).catch(() => this.unrecorded.set(importId, reason));
    throw error;
  }

  /** After an outage: marks failed the imports of this process whose failure could not be recorded; returns their ids. */
  async recordInterrupted(): Promise<string[]> {
    const marked: string[] = [];
    for (const [id, reason] of [...this.unrecorded]) {
      if (await this.repository.failRunning(id, reason)) marked.push(id);
      this.unrecorded.delete(id);
    }
    return marked;
  }

  /**
   * Stores an uploaded file (streamed to disk, never held in memory) and starts loading it; the load's
   * progress and outcome are read back with get(id).
   */
  async upload(fileName: string, body: NodeJS.ReadableStream, actor: string): Promise<ImportStarted> {
    // A bulk first load replaces the whole store: rows loaded meanwhile would be lost.
    if (this.loading.has(BULK_STAGING)) throw new ConflictException('a bulk first load is running: upload again once it has ended (GET /imports/bulk)');
    const id = randomUUID();
    // The upload holds raw card and bank numbers and its rejects file sits beside it: owner only, the
    // folders above it too.
    const dir = path.join(this.uploadsDir(), id);
    const target = await this.receive(fileName, body, dir).catch((error: unknown) => {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    });
    // Loading from here on (a bulk first load waits for it), and the record exists before the 202 that
    // names it: a client reading GET /imports/:id at once finds it.
    this.loading.add(id);
    await this.repository.create(id, actor, [path.basename(target)]).catch((error: unknown) => {
      this.loading.delete(id);
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    });
    void this.load([target], actor, undefined, path.join(dir, 'rejects.ndjson'), id, true)
      .then((report) => this.afterUpload(id, target, report.status === 'completed'))
      .catch((error: unknown) => {
        // The Import node records a failure too; this log line is for operators watching the service.
        this.logger.error(`upload ${id} (${path.basename(target)}) failed: ${error instanceof Error ? error.message : String(error)}`);
        this.afterUpload(id, target, false);
      })
      .finally(() => this.loading.delete(id));
    return { id, status: 'running' };
  }

  /**
   * Streams an uploaded data file into `dir` (made private: raw uploads hold card and bank numbers) under
   * its own name, which must be a plain name that says its kind, within INGEST_UPLOAD_MAX_BYTES; a file
   * of that name there is replaced. Returns its path; a failed upload leaves no file.
   */
  async receive(fileName: string, body: NodeJS.ReadableStream, dir: string): Promise<string> {
    const base = path.basename(fileName);
    if (base !== fileName || kindOfFile(base) === null) {
      throw new BadRequestException(`file must be a plain name like shops.csv or listings.ndjson.gz (kinds: ${KINDS.join(', ')})`);
    }
    ensurePrivateDir(dir);
    const target = path.join(dir, base);
    let bytes = 0;
    const limit = this.config.ingest.uploadMaxBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(bytes > limit ? new PayloadTooLargeException(`uploads are limited to ${limit} bytes (INGEST_UPLOAD_MAX_BYTES)`) : null, chunk);
      },
    });
    try {
      await pipeline(body, counter, fs.createWriteStream(target, { mode: 0o600 }));
    } catch (error) {
      fs.rmSync(target, { force: true });
      throw error;
    }
    return target;
  }

  /** Where a bulk first load's raw files wait (a folder of the uploads, so the sweep deletes them after the retention too). */
  bulkStagingDir(): string {
    return path.join(this.uploadsDir(), BULK_STAGING);
  }

  /**
   * Claims the loader for a bulk first load: refused while an upload loads (its rows would be lost) or
   * another bulk load runs; while held, uploads are refused and the sweep leaves the staged files alone.
   * Returns the release.
   */
  claimForBulk(): () => void {
    if (this.loading.has(BULK_STAGING)) throw new ConflictException('a bulk first load is already running');
    if (this.loading.size > 0) throw new ConflictException(`${this.loading.size} upload(s) are loading: start the bulk first load once they have ended`);
    this.loading.add(BULK_STAGING);
    return () => this.loading.delete(BULK_STAGING);
  }

  /** The private folder of one upload or load (its raw file, its rejects). */
  uploadsDirOf(id: string): string {
    return ensurePrivateDir(path.join(this.uploadsDir(), id));
  }

  private uploadsDir(): string {
    return ensurePrivateDir(path.join(this.config.rootDir, '.data', 'uploads'));
  }

  /**
   * The raw upload goes once its rows are in the graph; a failed one stays for a second look until the
   * sweep (INGEST_FAILED_UPLOAD_RETENTION_HOURS; 0: at once). The masked rejects file stays beside it.
   */
  private afterUpload(id: string, file: string, completed: boolean): void {
    if (!completed && this.config.ingest.failedUploadRetentionHours > 0) return;
    try {
      fs.rmSync(file, { force: true });
      removeIfEmpty(path.dirname(file));
    } catch (error) {
      this.logger.warn(`upload ${id}: could not delete the uploaded file: ${String(error)}`);
    }
  }

  /**
   * Deletes the raw files of uploads older than the retention that no load of this process is working
   * on (a failed load, or one a crash ended), keeping their masked rejects files: at start-up, then hourly.
   * Returns the uploads whose files it deleted.
   */
  sweepUploads(now = Date.now()): string[] {
    const root = this.uploadsDir();
    const cutoff = now - this.config.ingest.failedUploadRetentionHours * 3_600_000;
    const swept: string[] = [];
    for (const id of fs.readdirSync(root)) {
      const dir = path.join(root, id);
      if (this.loading.has(id) || !fs.statSync(dir).isDirectory()) continue;
      let deleted = false;
      for (const name of fs.readdirSync(dir)) {
        const file = path.join(dir, name);
        if (name.startsWith('rejects') || fs.statSync(file).mtimeMs > cutoff) continue;
        fs.rmSync(file, { force: true });
        deleted = true;
      }
      removeIfEmpty(dir);
      if (deleted) swept.push(id);
    }
    return swept;
  }

  /** The first sweep now, then one every hour (a failure is logged, the next one tries again). */
  watchUploads(): string[] {
    const sweep = () => {
      const swept = this.sweepUploads();
      if (swept.length > 0) this.logger.log(`deleted the raw files of ${swept.length} failed upload(s) past INGEST_FAILED_UPLOAD_RETENTION_HOURS`);
      return swept;
    };
    const swept = sweep();
    this.uploadSweep ??= setInterval(() => {
      try {
        sweep();
      } catch (error) {
        this.logger.warn(`upload sweep failed: ${String(error)}`);
      }
    }, UPLOAD_SWEEP_MS);
    this.uploadSweep.unref();
    return swept;
  }

  /**
   * Marks imports whose process died (status running, no heartbeat for STALE_SECONDS) as abandoned: at
   * start-up, then every STALE_SECONDS, so one that crashed just before a restart does not stay
   * `running` until the next import happens to look.
   */
  async watchStale(): Promise<number> {
    const sweep = () => this.repository.abandonStale(STALE_SECONDS);
    const abandoned = await sweep();
    if (abandoned > 0) this.logger.warn(`${abandoned} import(s) without a heartbeat marked abandoned`);
    this.staleWatch ??= setInterval(
      () => void sweep().catch((e: unknown) => this.logger.warn(`stale import sweep failed: ${String(e)}`)),
      STALE_SECONDS * 1000,
    );
    this.staleWatch.unref();
    return abandoned;
  }

  onModuleDestroy(): void {
    if (this.staleWatch !== null) clearInterval(this.staleWatch);
    this.staleWatch = null;
    if (this.uploadSweep !== null) clearInterval(this.uploadSweep);
    this.uploadSweep = null;
  }

  hasData(): Promise<boolean> {
    return this.repository.hasShops();
  }

  /** An import as the API shows it: where the server keeps files is its own business, so the rejects file is only named. */
  async get(id: string): Promise<ImportRecord | null> {
    const record = await this.repository.get(id);
    return record && { ...record, rejectsFile: record.rejectsFile === null ? null : path.basename(record.rejectsFile) };
  }
}
