import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
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
  type LoadProgress,
  type LoadReport,
} from '@ringwatch/ingest';
import { runAdminTool } from '@ringwatch/neo4j';
import { ImportsRepository } from '../imports/imports.repository';
import { importFingerprinter } from '../imports/imports.service';
import { openApiContext, type ApiContext } from './context';

/**
 * A first load at the database's bulk speed: the loader's pipeline (reader, contract, normalisation,
 * fingerprints, rejects) with the bulk writer behind its port, then Neo4j's offline importer over the
 * stopped local store, then the server started again, migrations applied and the Import recorded like
 * any other. With a server of one's own (NEO4J_URI) the files are written and the operator is given the
 * command. Only for an empty database: the importer replaces the whole store and merges nothing.
 */

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
  /** Called with the API's services over the loaded database before it is closed (tests, benchmarks). */
  readonly onLoaded?: (context: ApiContext) => Promise<void>;
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

/** Whether anything accepts connections on the loopback port (a local server that must be stopped first). */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function bulkFirstLoad(config: RingwatchConfig, options: BulkLoadOptions): Promise<BulkLoadResult> {
  planLoad(options.files);
  const target = options.target ?? config.neo4j;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const importId = randomUUID();
  const outDir = path.resolve(
    options.outDir ?? path.join(target.mode === 'local' ? path.dirname(target.dataDir) : path.join(config.rootDir, '.data'), `bulk-${importId}`),
  );
  const withTarget = { ...config, neo4j: target };

  if (target.mode === 'local') {
    if (await portAnswers(target.port)) {
      throw new LoadError(
        `something answers on port ${target.port} (the local Neo4j, run by \`npm start\`?): a bulk load imports into the stopped store, so stop it first`,
      );
    }
    // A folder without a store is empty; otherwise the server is asked (started and stopped for it).
    if (fs.existsSync(path.join(target.dataDir, 'data', 'databases', 'neo4j'))) {
      const context = await openApiContext(withTarget, { log });
      try {
        const contents = await context.app.get(ImportsRepository).graphContents();
        if (contents.length > 0) {
          throw new LoadError(
            `a bulk load is only for an empty database, and this one holds ${contents.map((c) => `${c.nodes.toLocaleString('en')}${c.nodes >= 100_000 ? '+' : ''} ${c.label}`).join(', ')}: ` +
              'load the files without --bulk (the transactional loader merges them into the graph), or start from an empty data folder',
          );
        }
      } finally {
        await context.close();
      }
    }
  }

  ensurePrivateDir(outDir);
  const started = Date.now();
  const writer = new BulkWriter(outDir);
  const ledger = new DeferredLedger();
  let report: LoadReport;
  let files: BulkFiles;
  try {
    report = await loadFiles({
      importId,
      files: options.files,
      writer,
      ledger,
      fingerprinter: importFingerprinter(config),
      // The writer only appends to files: one batch at a time keeps its row order the file's.
      concurrency: 1,
      batchSize: config.ingest.batchSize,
      limits: config.ingest.limits,
      maxRejectsPerFile: config.ingest.maxRejectsPerFile,
      source: options.source ?? 'cli',
      rejectsPath: options.rejectsPath,
      onProgress: options.onProgress,
    });
    files = await writer.finish();
  } catch (error) {
    fs.rmSync(outDir, { recursive: true, force: true });
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
    return { report, files, outcome: 'written', command, timings: { prepareMs, importMs: 0, startMs: 0 } };
  }

  try {
    log(`importing ${files.nodes.length} node and ${files.relationships.length} relationship files with Neo4j's importer`);
    // A first start may come after the import: the folder is made here, private as the server makes it.
    ensurePrivateDir(target.dataDir);
    const run = await runAdminTool({ launcherDir: path.join(config.rootDir, 'tools', 'neo4j-local'), dataDir: target.dataDir, args, onOutput: log });
    if (run.exitCode !== 0) throw new LoadError(`Neo4j's importer failed (exit ${run.exitCode}):\n${run.tail.join('\n')}`);
    const importMs = run.durationMs;
    const up = Date.now();
    const context = await openApiContext(withTarget, { log });
    try {
      await ledger.replay(context.app.get(ImportsRepository), (outcome) => ({ ...outcome, durationMs: Date.now() - started }));
      await options.onLoaded?.(context);
    } finally {
      await context.close();
    }
    return { report, files, outcome: 'imported', command, timings: { prepareMs, importMs, startMs: Date.now() - up } };
  } finally {
    if (!options.keepFiles) fs.rmSync(outDir, { recursive: true, force: true });
  }
}
