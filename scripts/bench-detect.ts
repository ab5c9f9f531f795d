import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KINDS } from '@ringwatch/contract';
import type { RingwatchConfig } from '@ringwatch/config';
import { DETECTORS, detectCommunities, graphFromNamedEdges, modularityOf, type CommunityDetector, type DetectionEngine } from '@ringwatch/detection';
import {
  evaluate,
  evaluateStructures,
  formatReport,
  formatStructureReport,
  modularity,
  readEdges,
  readLabels,
  readTruthTable,
  ringsOf,
} from '@ringwatch/evaluation';
import { loadFiles } from '@ringwatch/ingest';
import { fingerprinter } from '@ringwatch/normalise';
import { PRESET_NAMES, WORLD_NAMES, type PresetName, type WorldName } from '@ringwatch/synth';
import { DetectionService, ImportsRepository } from '../apps/api/src/cli/context';
import { benchConfig, benchDataset, freshDatabase, mib, ROOT, rssSampler } from './bench/common';
import { GdsRepository } from './bench/gds.repository';

/**
 * bench:detect — generate (or reuse) a preset in a world (`--world classic|hard|both`, default classic),
 * load it into a fresh Neo4j, run detection with default parameters, and evaluate against the planted
 * truth (per structure too, when the truth names structures); then modularity and NMI on the public graphs.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'medium' },
      seed: { type: 'string', default: '7' },
      engine: { type: 'string' },
      world: { type: 'string', default: 'classic' },
      'public-only': { type: 'boolean', default: false },
      'skip-gds': { type: 'boolean', default: false },
    },
  });
  const preset = values.preset as PresetName;
  if (!PRESET_NAMES.includes(preset)) throw new Error(`bench:detect: unknown preset ${values.preset}`);
  const worlds: WorldName[] = values.world === 'both' ? [...WORLD_NAMES] : [values.world as WorldName];
  if (!worlds.every((w) => WORLD_NAMES.includes(w))) throw new Error(`bench:detect: unknown world ${values.world} (use ${WORLD_NAMES.join(', ')} or both)`);
  const config = benchConfig(process.env);
  // `--engine ringwatch,leiden` runs each engine on the same loaded world, one detection run after the other.
  const engines = (values.engine ?? config.detection.engine).split(',').map((e) => e.trim()) as DetectionEngine[];
  for (const e of engines) if (!DETECTORS[e]) throw new Error(`bench:detect: engine ${e} is not available (there are: ${Object.keys(DETECTORS).join(', ')})`);
  const engine = engines[0]!;
  const detector = DETECTORS[engine];

  if (!values['public-only']) {
    const compared: string[] = [];
    for (const world of worlds) compared.push(...(await benchWorld({ preset, world, seed: values.seed, engines, config, skipGds: values['skip-gds'] })));
    if (engines.length > 1 || worlds.length > 1) {
      console.log(`
side by side (preset ${preset}, seed ${values.seed})`);
      console.log(
        `${'world'.padEnd(8)} ${'engine'.padEnd(8)} ${'seconds'.padStart(8)} ${'modularity'.padStart(10)} ${'ARI'.padStart(7)} ${'NMI'.padStart(7)} ${'pair F1'.padStart(8)} ${'flag P'.padStart(7)} ${'flag R'.padStart(7)} ${'honest flagged'.padStart(15)}`,
      );
      for (const line of compared) console.log(line);
    }
  }

  console.log(`\npublic graphs (engine ${detector.name}, seed ${config.detection.seed}, resolution 1)`);
  console.log(`${'graph'.padEnd(10)} ${'nodes'.padStart(6)} ${'comms'.padStart(6)} ${'modularity'.padStart(10)} ${'NMI vs labels'.padStart(14)}`);
  const datasets = path.join(ROOT, 'datasets');
  for (const name of ['karate', 'football', 'polbooks']) {
    const edges = await readEdges(path.join(datasets, name, 'edges.tsv'));
    const { graph, names } = graphFromNamedEdges(edges);
    const result = detectCommunities(graph, { detector, seed: config.detection.seed, minClusterSize: 1 });
    const partition = new Map(names.map((n, v) => [n, String(result.membership[v])]));
    const labels = await readLabels(path.join(datasets, name, 'labels.tsv'));
    const nmi = evaluate({ truth: labels, clusters: partition }).nmi;
    console.log(
      `${name.padEnd(10)} ${String(names.length).padStart(6)} ${String(result.clusters.length).padStart(6)} ${modularity(edges, partition).toFixed(4).padStart(10)} ${nmi.toFixed(4).padStart(14)}`,
    );
  }
}

interface WorldRun {
  readonly preset: PresetName;
  readonly world: WorldName;
  readonly seed: string;
  readonly engines: readonly DetectionEngine[];
  readonly config: RingwatchConfig;
  readonly skipGds: boolean;
}

/**
 * One world at the preset's size: generate or reuse its files, load them into a fresh database, then per
 * engine detect and evaluate. Returns one side-by-side line per engine.
 */
async function benchWorld({ preset, world, seed, engines, config, skipGds }: WorldRun): Promise<string[]> {
  const { dir, manifest } = await benchDataset(preset, Number(seed), world);
  console.log(`\nbench:detect preset=${preset} world=${world} seed=${seed} engines=${engines.join(',')} shops=${manifest.counts.shops.toLocaleString('en')}`);
  const db = await freshDatabase('detect', { heap: '4g', pageCache: '2g', config });
  const lines: string[] = [];
  try {
    const repo = db.app.get(ImportsRepository);
    const t0 = Date.now();
    await loadFiles({
      files: KINDS.map((k) => path.join(dir, manifest.files[k])),
      writer: repo,
      ledger: repo,
      fingerprinter: fingerprinter('bench-key-0123456789abcdef'),
      rejectsPath: path.join(db.dataDir, 'rejects.ndjson'),
    });
    console.log(`load                 ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const [i, engine] of engines.entries()) lines.push(await detectAndReport({ db, dir, preset, world, seed, engine, gds: !skipGds && i === 0 }));
  } finally {
    await db.close();
  }
  return lines;
}

/** One detection run with one engine on the loaded world, evaluated against the planted truth (and GDS once, when asked). */
async function detectAndReport({
  db,
  dir,
  preset,
  world,
  seed,
  engine,
  gds: withGds,
}: {
  db: Awaited<ReturnType<typeof freshDatabase>>;
  dir: string;
  preset: PresetName;
  world: WorldName;
  seed: string;
  engine: DetectionEngine;
  gds: boolean;
}): Promise<string> {
  const detector: CommunityDetector = DETECTORS[engine];
  console.log(`\nengine ${detector.name}`);
  const rss = rssSampler();
  const service = db.app.get(DetectionService);
  const t1 = Date.now();
  const summary = await service.run({ engine }, 'bench');
  const seconds = (Date.now() - t1) / 1000;
  rss.stop();
  const clusters = new Map<string, string>();
  const flagged = new Set<string>();
  for (const c of summary.clusters) {
    for (const m of c.members) clusters.set(m, c.id);
    if (c.flagged) flagged.add(c.id);
  }
  const table = await readTruthTable(path.join(dir, 'truth.csv'));
  const truth = ringsOf(table.shops);
  const report = evaluate({ truth, clusters, flagged });
  const out = path.join(ROOT, '.data', 'bench', `clusters-${preset}-${seed}${world === 'classic' ? '' : `-${world}`}.csv`);
  fs.writeFileSync(out, `shop_id,cluster_id,flagged\n${summary.clusters.flatMap((c) => c.members.map((m) => `${m},${c.id},${c.flagged}`)).join('\n')}\n`);

  // Honest shops in flagged clusters, and whether a hub alone could explain them, for the floor
  // "no honest shop sits in a flagged cluster only because it shares a hub": hubs never link.
  console.log(`\n${formatReport(report)}`);
  if (table.hasStructures) console.log(`\n${formatStructureReport(evaluateStructures({ truth: table.shops, clusters, flagged }))}`);
  console.log(
    `\ndetection run        ${seconds.toFixed(1)} s (${Object.entries(summary.timingsMs)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
      .join(', ')})`,
  );
  console.log(
    `graph                ${summary.counts.shopsLinked.toLocaleString('en')} linked shops, ${summary.counts.edges.toLocaleString('en')} edges, ${summary.counts.hubs} hubs left out`,
  );
  console.log(`clusters             ${summary.counts.clusters} (${summary.counts.flagged} flagged), modularity ${summary.modularity.toFixed(4)}`);
  console.log(`peak RSS (Node)      ${mib(rss.peak())}`);
  // Where the flagging goes wrong, for tuning: ring clusters left unflagged, honest ones flagged.
  const misses = summary.clusters
    .map((c) => ({ c, ring: c.members.filter((m) => truth.get(m)).length }))
    .filter(({ c, ring }) => ring > c.members.length / 2 !== c.flagged)
    .slice(0, 8);
  for (const { c, ring } of misses) {
    console.log(`  miss ${c.id} size ${c.members.length} ring ${ring} risk ${c.risk} ${c.factors.map((f) => `${f.name}=${f.value.toFixed(2)}`).join(' ')}`);
  }
  console.log(`clusters file        ${out}`);

  if (withGds) {
    // The same projected graph, handed to GDS Louvain (whole graph, its defaults, one thread for a
    // repeatable answer, and both threads for speed).
    const { ids, projection } = await service.project(service.defaultParams());
    const ours = new Int32Array(ids.length).fill(-1);
    const clusterIndex = new Map<string, number>();
    ids.forEach((id, v) => {
      const c = clusters.get(id);
      if (c !== undefined) ours[v] = clusterIndex.get(c) ?? (clusterIndex.set(c, clusterIndex.size), clusterIndex.size - 1);
    });
    const gds = new GdsRepository(db.driver, 'neo4j', db.registry);
    for (const concurrency of [1, 2]) {
      const g = await gds.louvain(projection.graph, concurrency);
      const sizes = new Map<number, number>();
      for (const c of g.membership) if (c >= 0) sizes.set(c, (sizes.get(c) ?? 0) + 1);
      const gdsClusters = new Map<string, string>();
      ids.forEach((id, v) => {
        const c = g.membership[v]!;
        if (c >= 0 && sizes.get(c)! >= 2) gdsClusters.set(id, `g${c}`);
      });
      const gdsReport = evaluate({ truth, clusters: gdsClusters });
      const gdsSeconds = (g.projectMillis + g.louvainMillis) / 1000;
      console.log(
        `GDS Louvain (${concurrency} thread${concurrency > 1 ? 's' : ''})  project ${(g.projectMillis / 1000).toFixed(2)} s + louvain ${(g.louvainMillis / 1000).toFixed(2)} s; ` +
          `communities >= 2: ${new Set(gdsClusters.values()).size}; modularity ${modularityOf(projection.graph, g.membership).toFixed(4)}; ARI ${gdsReport.ari.toFixed(4)}; NMI ${gdsReport.nmi.toFixed(4)}`,
      );
      console.log(
        `  ours vs GDS          our whole run ${seconds.toFixed(1)} s vs GDS project+louvain ${gdsSeconds.toFixed(1)} s (ratio ${(seconds / gdsSeconds).toFixed(2)}); our modularity ${modularityOf(projection.graph, ours).toFixed(4)}, ARI ${report.ari.toFixed(4)}`,
      );
    }
  }
  const f = report.flagged;
  return `${world.padEnd(8)} ${engine.padEnd(8)} ${seconds.toFixed(1).padStart(8)} ${summary.modularity.toFixed(4).padStart(10)} ${report.ari.toFixed(4).padStart(7)} ${report.nmi.toFixed(4).padStart(7)} ${report.pairwise.f1.toFixed(4).padStart(8)} ${f.precision.toFixed(3).padStart(7)} ${f.recall.toFixed(3).padStart(7)} ${String(f.honestShops).padStart(15)}`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
