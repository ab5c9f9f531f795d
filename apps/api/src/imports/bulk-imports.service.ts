import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BadRequestException, ConflictException, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { kindOfFile } from '@ringwatch/contract';
import { planLoad, type ImportLedger } from '@ringwatch/ingest';
import type { RingwatchConfig } from '@ringwatch/config';
import type { Database } from '@ringwatch/neo4j';
import type { BulkStaging, ImportStarted } from '@ringwatch/wire';
import { AlertsService } from '../alerts/alerts.service';
import { ReadCache } from '../common/read-cache';
import { CONFIG, DATABASE } from '../common/tokens';
import { DatabaseMonitor } from '../database/database-monitor';
import { refuseNonEmpty, runBulkLoad, type BulkHost } from './bulk-load';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

/** How the API tells an administrator to load into a database that holds data. */
const INSTEAD = 'load the files with POST /imports (without bulk=true)';

/**
 * The bulk first load over HTTP: files are staged (`POST /imports?file=…&bulk=true`, raw like any upload,
 * in the uploads folder so the sweep deletes them after the retention), then `POST /imports/bulk` runs the
 * pipeline the command line runs (bulk-load.ts) with this process as its host: its own local server is
 * taken offline for Neo4j's importer and started again under supervision (Database.offline), or, with a
 * server of one's own, the importer's files are written for its operator. Followed like any load with
 * GET /imports/:id.
 */
@Injectable()
export class BulkImportsService {
  private readonly logger = new Logger('imports');
  /** The import id of the bulk load running now. */
  private running: string | null = null;

  constructor(
    @Inject(ImportsRepository) private readonly repository: ImportsRepository,
    @Inject(ImportsService) private readonly imports: ImportsService,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(AlertsService) private readonly alerts: AlertsService,
    @Inject(DatabaseMonitor) private readonly monitor: DatabaseMonitor,
    @Optional() @Inject(ReadCache) private readonly cache?: ReadCache,
  ) {}

  /** Stores one data file for the next bulk load (one of the same name is replaced); answers what is staged. */
  async stage(fileName: string, body: NodeJS.ReadableStream): Promise<BulkStaging> {
    if (this.running) throw new ConflictException(`a bulk first load is running (import ${this.running}): stage files once it has ended`);
    await this.imports.receive(fileName, body, this.imports.bulkStagingDir());
    return this.staging();
  }

  /** The staged files (data files only: a bulk load's rejects go to its own folder), and the load running, if any. */
  staging(): BulkStaging {
    const dir = this.imports.bulkStagingDir();
    const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => kindOfFile(name) !== null) : [];
    const files = names.sort().map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return { file: name, kind: kindOfFile(name)!, bytes: stat.size, stagedAt: stat.mtime.toISOString() };
    });
    return { files, running: this.running };
  }

  /** Deletes the staged files (raw card and bank numbers), audited with their names. */
  async discard(actor: string): Promise<BulkStaging> {
    if (this.running) throw new ConflictException(`a bulk first load is running (import ${this.running}): its files go when it ends`);
    const files = this.staging().files.map((f) => f.file);
    this.deleteStaged();
    if (files.length > 0) await this.repository.recordDiscard(actor, files);
    return this.staging();
  }

  /**
   * Starts the bulk first load of the staged files; 409 when the database holds data, another load runs
   * (bulk or upload), or this process does not own the local server it would have to stop.
   */
  async start(actor: string): Promise<ImportStarted> {
    if (this.config.neo4j.mode === 'local' && !this.database.server) {
      throw new ConflictException(
        'the local Neo4j was not started by this process (it was found running): stop it and start the API alone, or use npm run ingest -- --bulk',
      );
    }
    const release = this.imports.claimForBulk();
    const id = randomUUID();
    let staged: string[];
    try {
      // Asked here too (the pipeline asks again) so the refusal is this request's answer, not a failed import.
      const contents = await this.repository.graphContents();
      if (contents.length > 0) throw new ConflictException(refuseNonEmpty(contents, INSTEAD).message);
      staged = this.staging().files.map((f) => path.join(this.imports.bulkStagingDir(), f.file));
      if (staged.length === 0) throw new BadRequestException('no files are staged: stage them first with POST /imports?file=shops.csv&bulk=true');
      // The record exists before the 202 that names it: a client following it never gets 404 while the
      // pipeline reads the store first (the pipeline's own create is skipped in run()).
      await this.repository.create(
        id,
        actor,
        planLoad(staged).map((p) => path.basename(p.file)),
      );
    } catch (error) {
      release();
      throw error;
    }
    this.running = id;
    void this.run(id, staged, actor)
      .catch(async (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.error(`bulk first load ${id} failed: ${reason}`);
        this.afterLoad(id, false);
        // The pipeline records the failures it sees; one it could not (the server not back) is recorded
        // here if it can be, else the stale sweep marks the import abandoned.
        await this.repository.failRunning(id, `the bulk load stopped: ${reason.split('\n')[0]}`).catch(() => false);
      })
      .finally(() => {
        this.running = null;
        release();
      });
    return { id, status: 'running' };
  }

  private async run(id: string, files: string[], actor: string): Promise<void> {
    const repository = this.repository;
    const live: ImportLedger = {
      abandonStale: (seconds) => repository.abandonStale(seconds),
      // Made by start(), before its answer.
      create: async () => undefined,
      progress: (importId, counts) => repository.progress(importId, counts),
      finish: (importId, outcome) => repository.finish(importId, outcome),
    };
    const host: BulkHost = {
      live,
      before: (fn) => fn(this.repository),
      offline: async (work, after) => {
        // Requests meanwhile answer 503 as when the database is down, until the accounts are back; the driver reconnects by itself.
        const release = this.monitor.hold(`the database is offline for a bulk first load (import ${id})`);
        try {
          await this.database.offline(work);
          this.cache?.invalidate();
          await after(this.repository);
        } finally {
          release();
        }
      },
    };
    const result = await runBulkLoad(
      this.config,
      id,
      {
        files,
        source: actor,
        rejectsPath: path.join(this.imports.uploadsDirOf(id), 'rejects.ndjson'),
        instead: INSTEAD,
        log: (line) => this.logger.log(`bulk ${id}: ${line}`),
      },
      host,
    );
    this.logger.log(`bulk first load ${id}: ${result.outcome}, ${result.report.counts.accepted} rows accepted, ${result.report.counts.rejected} rejected`);
    // The raw files go as soon as the rows are loaded (or written for the operator), before the watch below.
    this.afterLoad(id, true);
    this.cache?.invalidate();
    if (result.outcome === 'imported') {
      const raised = await this.alerts.checkRecidivism();
      if (raised.length > 0) this.logger.warn(`recidivism watch: ${raised.length} new alert(s) after bulk import ${id}`);
    }
  }

  /** Like an upload: the raw files go once loaded; a failed load's stay for another try until the sweep (0 h: at once). */
  private afterLoad(id: string, completed: boolean): void {
    if (!completed && this.config.ingest.failedUploadRetentionHours > 0) return;
    try {
      this.deleteStaged();
    } catch (error) {
      this.logger.warn(`bulk first load ${id}: could not delete the staged files: ${String(error)}`);
    }
  }

  private deleteStaged(): void {
    fs.rmSync(this.imports.bulkStagingDir(), { recursive: true, force: true });
  }
}
