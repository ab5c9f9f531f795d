import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KINDS } from '@ringwatch/contract';
import { freePort } from '@ringwatch/neo4j';
import { generateMarketplace, PRESET_NAMES, type PresetName } from '@ringwatch/synth';
import { bulkFirstLoad, DetectionService, ReportsService } from '../apps/api/src/cli/context';
import { benchConfig, directorySize, mib, ROOT, rssSampler } from './bench/common';

/**
 * bench:scale — how one machine grows with the marketplace: per preset (small, medium; large with
 * --presets small,medium,large), generate → bulk first load → detection run → nightly report, with time
 * and peak memory per stage (this Node process; the Neo4j server's and the importer's), the database's
 * size on disk, and the detection run's memory per million shops and identifiers. Load averages are
 * printed with every figure: the machine is shared.
 */

/** The peak resident memory (VmHWM) of a process so far, from /proc; null where there is none. */
function peakOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

interface Stage {
  readonly preset: PresetName;
  readonly stage: string;
  readonly seconds: number;
  readonly nodeRss: number;
  readonly other: string;
  readonly load: string;
}

const stageLine = (s: Stage) =>
  `${s.preset.padEnd(8)} ${s.stage.padEnd(30)} ${s.seconds.toFixed(1).padStart(8)} ${(Number.isNaN(s.nodeRss) ? '-' : mib(s.nodeRss)).padStart(10)}  ${s.load.padEnd(18)}  ${s.other}`;

async function measure<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number; rss: number }> {
  const rss = rssSampler();
  const t0 = performance.now();
  try {
    const value = await run();
    return { value, seconds: (performance.now() - t0) / 1000, rss: rss.peak() };
  } finally {
    rss.stop();
  }
}

async function scale(preset: PresetName, seed: number, stages: Stage[], summary: string[]): Promise<void> {
  const work = path.join(ROOT, '.data', 'bench', `scale-${preset}-${process.pid}`);
  fs.rmSync(work, { recursive: true, force: true });
  const dir = path.join(work, 'files');
  const add = (stage: string, m: { seconds: number; rss: number }, other = '') => {
    const done: Stage = { preset, stage, seconds: m.seconds, nodeRss: m.rss, other, load: loadAverage() };
    stages.push(done);
    // Each stage as it ends too: a large run that is stopped half-way still leaves what it measured.
    console.log(`  done: ${stageLine(done)}`);
  };
  try {
    const generated = await measure(() => generateMarketplace({ preset, seed, outDir: dir }));
    const manifest = generated.value;
    const rows = KINDS.reduce((n, k) => n + manifest.counts[k], 0);
    add('generate', generated, `${rows.toLocaleString('en')} rows, ${mib(directorySize(dir))} of CSV`);

    const dataDir = path.join(work, 'neo4j');
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
    const reportsDir = path.join(work, 'reports');
    let importerPeak = '?';
    let inside: (() => Promise<void>) | undefined;
    const loaded = await measure(() =>
      bulkFirstLoad(benchConfig({ REPORTS_DIR: reportsDir, REPORT_SCHEDULE: 'off' }), {
        files: KINDS.map((k) => path.join(dir, manifest.files[k])),
        target,
        rejectsPath: path.join(work, 'rejects.ndjson'),
        log: (line) => {
          const peak = /Peak memory usage: (.*)/.exec(line);
          if (peak) importerPeak = peak[1]!;
        },
        // Detection and the report run while the loaded server is up; timed apart from the load.
        onLoaded: async (context) => {
          const pid = context.database.server?.pid;
          const dbBytes = directorySize(path.join(dataDir, 'data'));
          inside = async () => {
            const detected = await measure(() => context.app.get(DetectionService).run({}, 'bench'));
            const c = detected.value.counts;
            add(
              'detection run',
              detected,
              `${c.shopsLinked.toLocaleString('en')} shops linked, ${c.identifiers.toLocaleString('en')} identifiers, ${c.clusters} clusters`,
            );
            const neo4jAfterDetect = peakOf(pid);
            const reported = await measure(() => context.app.get(ReportsService).nightly('manual'));
            add('nightly report', reported, reported.value.status);
            const neo4jPeak = peakOf(pid);
            summary.push(
              `${preset}: ${manifest.counts.shops.toLocaleString('en')} shops, ${rows.toLocaleString('en')} rows; database on disk ${mib(dbBytes)}; ` +
                `Neo4j server peak RSS ${neo4jAfterDetect === null ? '?' : mib(neo4jAfterDetect)} after detection, ${neo4jPeak === null ? '?' : mib(neo4jPeak)} after the report (heap 4g, page cache 2g); ` +
                `importer peak ${importerPeak}; detection Node peak ${mib(detected.rss)} = ${mib(detected.rss / (manifest.counts.shops / 1e6))} per million shops, ` +
                `${c.identifiers > 0 ? mib(detected.rss / (c.identifiers / 1e6)) : '-'} per million identifiers`,
            );
          };
          await inside();
        },
      }),
    );
    const t = loaded.value.timings;
    // The load's own time, without the detection and report run inside it.
    add('bulk load: files', { seconds: t.prepareMs / 1000, rss: loaded.rss }, `${Math.round(rows / (t.prepareMs / 1000)).toLocaleString('en')} rows/s`);
    add('bulk load: Neo4j importer', { seconds: t.importMs / 1000, rss: NaN }, `importer peak ${importerPeak}`);
    add('bulk load: start + migrations', { seconds: t.startMs / 1000, rss: NaN }, 'includes the detection and report above');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { presets: { type: 'string', default: 'small,medium' }, seed: { type: 'string', default: '7' } } });
  const presets = values.presets.split(',') as PresetName[];
  for (const p of presets) if (!PRESET_NAMES.includes(p)) throw new Error(`bench:scale: unknown preset ${p}`);
  console.log(`bench:scale presets=${presets.join(',')} seed=${values.seed} cores=${os.cpus().length} memory=${mib(os.totalmem())}`);
  console.log(`load before: ${loadAverage()}`);
  const stages: Stage[] = [];
  const summary: string[] = [];
  for (const preset of presets) await scale(preset, Number(values.seed), stages, summary);
  console.log(`\n${'preset'.padEnd(8)} ${'stage'.padEnd(30)} ${'s'.padStart(8)} ${'Node peak'.padStart(10)}  ${'load (1/5/15 min)'.padEnd(18)}  notes`);
  for (const s of stages) console.log(stageLine(s));
  console.log('');
  for (const line of summary) console.log(line);
  console.log(`load after: ${loadAverage()}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
