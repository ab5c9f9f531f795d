import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@ringwatch/config';
import { KINDS } from '@ringwatch/contract';
import { detectCommunities, graphFromNamedEdges } from '@ringwatch/detection';
import { evaluate, formatReport, modularity, readEdges, readLabels, readTruth } from '@ringwatch/evaluation';
import { loadFiles } from '@ringwatch/ingest';
import { fingerprinter } from '@ringwatch/normalise';
import { PRESET_NAMES, type PresetName } from '@ringwatch/synth';
import { DetectionRepository } from '../apps/api/src/detection/detection.repository';
import { DETECTORS, DetectionService } from '../apps/api/src/detection/detection.service';
import { ImportsRepository } from '../apps/api/src/imports/imports.repository';
import { benchDataset, freshDatabase, mib, ROOT, rssSampler } from './bench/common';

/**
 * bench:detect — generate (or reuse) a preset, load it into a fresh Neo4j, run detection with default
 * parameters, and evaluate against the planted truth; then modularity and NMI on the public graphs.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'medium' },
      seed: { type: 'string', default: '7' },
      engine: { type: 'string' },
      'public-only': { type: 'boolean', default: false },
    },
  });
  const preset = values.preset as PresetName;
  if (!PRESET_NAMES.includes(preset)) throw new Error(`bench:detect: unknown preset ${values.preset}`);
  const config = loadConfig({ ...process.env, NEO4J_URI: undefined, NEO4J_PASSWORD: undefined, PII_HMAC_KEY: 'bench-key-0123456789abcdef' }, ROOT);
  const engine = (values.engine ?? config.detection.engine) as 'graphology' | 'ringwatch';
  const detector = DETECTORS[engine];
  if (!detector) throw new Error(`bench:detect: engine ${engine} is not available`);

  if (!values['public-only']) {
    const { dir, manifest } = await benchDataset(preset, Number(values.seed));
    console.log(`bench:detect preset=${preset} seed=${values.seed} engine=${detector.name} shops=${manifest.counts.shops.toLocaleString('en')}`);
    const db = await freshDatabase('detect', { heap: '4g', pageCache: '2g' });
    try {
      const repo = new ImportsRepository(db.driver, 'neo4j', db.registry);
      const t0 = Date.now();
      await loadFiles({ files: KINDS.map((k) => path.join(dir, manifest.files[k])), writer: repo, ledger: repo, fingerprinter: fingerprinter('bench-key-0123456789abcdef'), rejectsPath: path.join(db.dataDir, 'rejects.ndjson') });
      console.log(`load                 ${((Date.now() - t0) / 1000).toFixed(1)} s`);

      const rss = rssSampler();
      const service = new DetectionService(new DetectionRepository(db.driver, 'neo4j', db.registry), config);
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
      const truth = await readTruth(path.join(dir, 'truth.csv'));
      const report = evaluate({ truth, clusters, flagged });
      const out = path.join(ROOT, '.data', 'bench', `clusters-${preset}-${values.seed}.csv`);
      fs.writeFileSync(out, `shop_id,cluster_id,flagged\n${summary.clusters.flatMap((c) => c.members.map((m) => `${m},${c.id},${c.flagged}`)).join('\n')}\n`);

      // Honest shops in flagged clusters, and whether a hub alone could explain them, for the floor
      // "no honest shop sits in a flagged cluster only because it shares a hub": hubs never link.
      console.log(`\n${formatReport(report)}`);
      console.log(`\ndetection run        ${seconds.toFixed(1)} s (${Object.entries(summary.timingsMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')})`);
      console.log(`graph                ${summary.counts.shopsLinked.toLocaleString('en')} linked shops, ${summary.counts.edges.toLocaleString('en')} edges, ${summary.counts.hubs} hubs left out`);
      console.log(`clusters             ${summary.counts.clusters} (${summary.counts.flagged} flagged), modularity ${summary.modularity.toFixed(4)}`);
      console.log(`peak RSS (Node)      ${mib(rss.peak())}`);
      // Where the flagging goes wrong, for tuning: ring clusters left unflagged, honest ones flagged.
      const misses = summary.clusters
        .map((c) => ({ c, ring: c.members.filter((m) => truth.get(m)).length }))
        .filter(({ c, ring }) => (ring > c.members.length / 2) !== c.flagged)
        .slice(0, 8);
      for (const { c, ring } of misses) {
        console.log(`  miss ${c.id} size ${c.members.length} ring ${ring} risk ${c.risk} ${c.factors.map((f) => `${f.name}=${f.value.toFixed(2)}`).join(' ')}`);
      }
      console.log(`clusters file        ${out}`);
    } finally {
      await db.close();
    }
  }

  console.log(`\npublic graphs (engine ${detector.name}, seed ${config.detection.seed}, resolution 1)`);
  console.log(`${'graph'.padEnd(10)} ${'nodes'.padStart(6)} ${'comms'.padStart(6)} ${'modularity'.padStart(10)} ${'NMI vs labels'.padStart(14)}`);
  const datasets = path.resolve(ROOT, '..', 'shared', 'datasets');
  for (const name of ['karate', 'football', 'polbooks']) {
    const edges = await readEdges(path.join(datasets, name, 'edges.tsv'));
    const { graph, names } = graphFromNamedEdges(edges);
    const result = detectCommunities(graph, { detector, seed: config.detection.seed, minClusterSize: 1 });
    const partition = new Map(names.map((n, v) => [n, String(result.membership[v])]));
    const labels = await readLabels(path.join(datasets, name, 'labels.tsv'));
    const nmi = evaluate({ truth: labels, clusters: partition }).nmi;
    console.log(`${name.padEnd(10)} ${String(names.length).padStart(6)} ${String(result.clusters.length).padStart(6)} ${modularity(edges, partition).toFixed(4).padStart(10)} ${nmi.toFixed(4).padStart(14)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
