import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KINDS, type Kind } from '@ringwatch/contract';
import { loadFiles } from '@ringwatch/ingest';
import { fingerprinter } from '@ringwatch/normalise';
import { PRESET_NAMES, type PresetName } from '@ringwatch/synth';
import { freePort } from '@ringwatch/neo4j';
import { bulkFirstLoad, ImportsRepository } from '../apps/api/src/cli/context';
import { benchConfig, benchDataset, directorySize, freshDatabase, mib, ROOT, rssSampler } from './bench/common';
import { LoadCsvRepository } from './bench/load-csv.repository';

/**
 * bench:ingest — the loader on a synthetic preset into an empty database with constraints in place,
 * then, on a second fresh database, Neo4j's own LOAD CSV with the same MERGE semantics.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'medium' },
      seed: { type: 'string', default: '7' },
      'batch-size': { type: 'string', default: '5000' },
      concurrency: { type: 'string', default: '2' },
      'skip-load-csv': { type: 'boolean', default: false },
      // The same files again over the loaded graph: every row takes the MERGE path (updates, moves).
      reload: { type: 'boolean', default: false },
      // The bulk first load (Neo4j's offline importer behind the same pipeline) against LOAD CSV.
      bulk: { type: 'boolean', default: false },
    },
  });
  const preset = values.preset as PresetName;
  if (!PRESET_NAMES.includes(preset)) throw new Error(`bench:ingest: unknown preset ${values.preset}`);
  const batchSize = Number(values['batch-size']);
  const concurrency = Number(values.concurrency);
  const { dir, manifest } = await benchDataset(preset, Number(values.seed));
  const files = KINDS.map((k) => path.join(dir, manifest.files[k]));
  const totalRows = KINDS.reduce((n, k) => n + manifest.counts[k], 0);

  if (values.bulk) {
    await benchBulk(preset, values.seed, files, manifest.files, totalRows, batchSize, dir);
    return;
  }
  console.log(`bench:ingest preset=${preset} seed=${values.seed} rows=${totalRows.toLocaleString('en')} batch=${batchSize} concurrency=${concurrency}`);
  const ours = await freshDatabase('ingest-ours');
  const rss = rssSampler();
  const started = Date.now();
  const repo = ours.app.get(ImportsRepository);
  const report = await loadFiles({
    files,
    writer: repo,
    ledger: repo,
    fingerprinter: fingerprinter('bench-key-0123456789abcdef'),
    batchSize,
    concurrency,
    rejectsPath: path.join(ours.dataDir, 'rejects.ndjson'),
  });
  const oursSeconds = (Date.now() - started) / 1000;
  rss.stop();
  let reload: { seconds: number; read: number; moved: number } | null = null;
  if (values.reload) {
    const again = Date.now();
    const second = await loadFiles({
      files,
      writer: repo,
      ledger: repo,
      fingerprinter: fingerprinter('bench-key-0123456789abcdef'),
      batchSize,
      concurrency,
      rejectsPath: path.join(ours.dataDir, 'rejects-reload.ndjson'),
    });
    reload = { seconds: (Date.now() - again) / 1000, read: second.counts.read, moved: second.counts.moved };
  }
  const dbBytes = directorySize(path.join(ours.dataDir, 'data'));
  await ours.close();

  const loadCsv: Record<string, number> = {};
  let loadCsvSeconds = NaN;
  if (!values['skip-load-csv']) {
    const base = await freshDatabase('ingest-load-csv', { importDir: dir });
    const runner = new LoadCsvRepository(base.driver, 'neo4j', base.registry);
    const t0 = Date.now();
    for (const kind of KINDS) {
      const t = Date.now();
      await runner.load(kind, manifest.files[kind], batchSize);
      loadCsv[kind] = (Date.now() - t) / 1000;
    }
    loadCsvSeconds = (Date.now() - t0) / 1000;
    await base.close();
  }

  const rate = (rows: number, s: number) =>
    Math.round(rows / s)
      .toLocaleString('en')
      .padStart(9);
  console.log(
    `\n${'kind'.padEnd(14)} ${'rows'.padStart(10)} ${'ours s'.padStart(8)} ${'ours rows/s'.padStart(11)} ${'LOAD CSV s'.padStart(10)} ${'rows/s'.padStart(9)} ${'ratio'.padStart(6)}`,
  );
  for (const file of report.files) {
    const s = file.durationMs / 1000;
    const b = loadCsv[file.kind];
    console.log(
      `${file.kind.padEnd(14)} ${file.read.toLocaleString('en').padStart(10)} ${s.toFixed(1).padStart(8)} ${rate(file.read, s).padStart(11)} ${b === undefined ? '-'.padStart(10) : b.toFixed(1).padStart(10)} ${b === undefined ? '-'.padStart(9) : rate(file.read, b)} ${b === undefined ? '-'.padStart(6) : (b / s).toFixed(2).padStart(6)}`,
    );
  }
  console.log(
    `${'overall'.padEnd(14)} ${report.counts.read.toLocaleString('en').padStart(10)} ${oursSeconds.toFixed(1).padStart(8)} ${rate(report.counts.read, oursSeconds).padStart(11)} ${Number.isNaN(loadCsvSeconds) ? '-'.padStart(10) : loadCsvSeconds.toFixed(1).padStart(10)} ${Number.isNaN(loadCsvSeconds) ? '-'.padStart(9) : rate(report.counts.read, loadCsvSeconds)} ${Number.isNaN(loadCsvSeconds) ? '-'.padStart(6) : (loadCsvSeconds / oursSeconds).toFixed(2).padStart(6)}`,
  );
  if (reload !== null) {
    console.log(`reload (same files)  ${reload.seconds.toFixed(1)} s, ${rate(reload.read, reload.seconds).trim()} rows/s, ${reload.moved} moved`);
  }
  console.log(`\nrejected rows        ${report.counts.rejected}`);
  console.log(`loader peak RSS      ${mib(rss.peak())} (the Node process: reading, validation, normalisation, driver)`);
  console.log(`database on disk     ${mib(dbBytes)} after the load`);
  console.log(`throughput ratio     ${(loadCsvSeconds / oursSeconds).toFixed(2)} (LOAD CSV time / loader time; > 1 means the loader is faster)`);
}

/**
 * The bulk first load end to end (reading, validation, normalisation, fingerprints and rejects; the
 * importer's files; Neo4j's importer; the server started with migrations and the Import recorded) into
 * an empty local store, then LOAD CSV with the MERGE semantics on a fresh database, in the same run.
 */
async function benchBulk(
  preset: PresetName,
  seed: string,
  files: string[],
  names: Record<Kind, string>,
  totalRows: number,
  batchSize: number,
  dir: string,
): Promise<void> {
  console.log(`bench:ingest --bulk preset=${preset} seed=${seed} rows=${totalRows.toLocaleString('en')} batch=${batchSize}`);
  console.log(`load before: ${loadAverage()}`);
  const dataDir = path.join(ROOT, '.data', 'bench', `db-bulk-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const target = {
    mode: 'local',
    port: await freePort(),
    dataDir,
    heap: '4g',
    pageCache: '2g',
    startTimeoutMs: 600_000,
    user: 'neo4j',
    password: undefined,
    database: 'neo4j',
  } as const;
  const rss = rssSampler();
  let importerPeak = '?';
  let dbBytes = 0;
  const started = Date.now();
  const result = await bulkFirstLoad(benchConfig({ INGEST_BATCH_SIZE: String(batchSize) }), {
    files,
    target,
    rejectsPath: path.join(dataDir, '..', `rejects-bulk-${process.pid}.ndjson`),
    log: (line) => {
      const peak = /Peak memory usage: (.*)/.exec(line);
      if (peak) importerPeak = peak[1]!;
    },
    onLoaded: async () => {
      dbBytes = directorySize(path.join(dataDir, 'data'));
    },
  });
  const wall = (Date.now() - started) / 1000;
  rss.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  // Printed now: LOAD CSV on a busy machine can take far longer than the bulk load.
  const t = result.timings;
  console.log(
    `bulk: files ${(t.prepareMs / 1000).toFixed(1)} s, importer ${(t.importMs / 1000).toFixed(1)} s (peak ${importerPeak}), start + migrations + record ${(t.startMs / 1000).toFixed(1)} s, wall ${wall.toFixed(1)} s`,
  );
  console.log(`load after bulk: ${loadAverage()}`);

  const base = await freshDatabase('ingest-load-csv', { importDir: dir });
  const runner = new LoadCsvRepository(base.driver, 'neo4j', base.registry);
  const loadCsv: Partial<Record<Kind, number>> = {};
  const t0 = Date.now();
  for (const kind of KINDS) {
    const t = Date.now();
    await runner.load(kind, names[kind], batchSize);
    loadCsv[kind] = (Date.now() - t) / 1000;
  }
  const loadCsvSeconds = (Date.now() - t0) / 1000;
  await base.close();
  console.log(`load after LOAD CSV: ${loadAverage()}`);

  const { prepareMs, importMs, startMs } = result.timings;
  const load = (prepareMs + importMs) / 1000;
  const rate = (seconds: number) => Math.round(totalRows / seconds).toLocaleString('en');
  console.log(`\n${'stage'.padEnd(44)} ${'s'.padStart(8)} ${'rows/s'.padStart(10)}`);
  const line = (stage: string, seconds: number, withRate = true) =>
    console.log(`${stage.padEnd(44)} ${seconds.toFixed(1).padStart(8)} ${(withRate ? rate(seconds) : '').padStart(10)}`);
  line('bulk: read, validate, normalise, write files', prepareMs / 1000, false);
  line('bulk: Neo4j importer', importMs / 1000, false);
  line('bulk: load (files + importer)', load);
  line('bulk: start, migrations (indexes), record', startMs / 1000, false);
  line('bulk: end to end (wall, incl. checks)', wall);
  for (const kind of KINDS) line(`LOAD CSV ${kind}`, loadCsv[kind]!, false);
  line('LOAD CSV (MERGE semantics), all files', loadCsvSeconds);
  console.log(`\nrejected rows        ${result.report.counts.rejected}`);
  console.log(`loader peak RSS      ${mib(rss.peak())} (the Node process)`);
  console.log(`importer peak        ${importerPeak} (as Neo4j's importer reports it)`);
  console.log(`database on disk     ${mib(dbBytes)} after the load and migrations`);
  console.log(`speed-up (load)      ${(loadCsvSeconds / load).toFixed(1)}× LOAD CSV's rows/s (files + importer)`);
  console.log(`speed-up (end to end) ${(loadCsvSeconds / wall).toFixed(1)}× (with the server start, migrations and index builds)`);
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
