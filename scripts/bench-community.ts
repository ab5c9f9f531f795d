import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCsr, louvain, qualityOf } from '@ringwatch/community';
import { graphFromNamedEdges, graphologyLouvain, seededRandom } from '@ringwatch/detection';
import { evaluate, modularity, readEdges, readLabels } from '@ringwatch/evaluation';
import { mib, ROOT } from './bench/common';

/**
 * bench:community — our typed-array Louvain against graphology's, and (when Python is available)
 * igraph's multilevel and NetworKit's PLM from PyPI in a git-ignored virtual environment, on a seeded
 * planted-partition graph (default 1M nodes, 5M edges, groups of 50, 80% of edges inside groups) and
 * on the public graphs. Prints time, memory, modularity and NMI against the planted groups.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      nodes: { type: 'string', default: '1000000' },
      edges: { type: 'string', default: '5000000' },
      group: { type: 'string', default: '50' },
      inside: { type: 'string', default: '0.8' },
      seed: { type: 'string', default: '7' },
      'skip-graphology': { type: 'boolean', default: false },
      'skip-python': { type: 'boolean', default: false },
    },
  });
  const n = Number(values.nodes);
  const m = Number(values.edges);
  const groupSize = Number(values.group);
  const inside = Number(values.inside);

  // Planted graph, seeded.
  const rng = seededRandom(Number(values.seed));
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const u = Math.floor(rng() * n);
    let v: number;
    do {
      v = rng() < inside ? Math.floor(u / groupSize) * groupSize + Math.floor(rng() * groupSize) : Math.floor(rng() * n);
    } while (v === u || v >= n);
    src[e] = u;
    dst[e] = v;
  }
  // NMI is computed after all runs (its string maps would otherwise sit in the heap during the timings).
  const memberships: ArrayLike<number>[] = [];
  const nmiOf = (membership: ArrayLike<number>) => memberships.push(membership) - 1;
  const scoreNmi = (index: number) => {
    const truth = new Map<string, string>();
    const clusters = new Map<string, string>();
    const membership = memberships[index]!;
    for (let v = 0; v < n; v++) {
      truth.set(String(v), String(Math.floor(v / groupSize)));
      clusters.set(String(v), String(membership[v]));
    }
    return evaluate({ truth, clusters }).nmi;
  };
  console.log(`bench:community planted graph: ${n.toLocaleString('en')} nodes, ${m.toLocaleString('en')} edges, groups of ${groupSize}, ${inside * 100}% inside, seed ${values.seed}`);
  const rows: { engine: string; seconds: number; memMiB: number; modularity: number; nmi: number; note: string }[] = [];

  // Ours.
  global.gc?.();
  const before = process.memoryUsage();
  let peak = before.rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const csr = buildCsr(n, src, dst);
  const tBuild = performance.now();
  const ours = louvain(csr, { seed: 42 });
  const tRun = performance.now();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  rows.push({
    engine: 'ringwatch louvain (1 thread)',
    seconds: (tRun - t0) / 1000,
    memMiB: (peak - before.rss) / 2 ** 20,
    modularity: ours.quality,
    nmi: nmiOf(ours.membership),
    note: `CSR ${((tBuild - t0) / 1000).toFixed(2)} s + louvain ${((tRun - tBuild) / 1000).toFixed(2)} s, ${ours.count} communities, ${ours.levels.length} levels`,
  });

  if (!values['skip-graphology']) {
    const t1 = performance.now();
    const { graph } = { graph: { nodeCount: n, src, dst, weight: new Float64Array(m).fill(1) } };
    const membership = graphologyLouvain.detect({ graph, resolution: 1, rng: seededRandom(42) });
    const seconds = (performance.now() - t1) / 1000;
    rows.push({ engine: 'graphology-communities-louvain', seconds, memMiB: NaN, modularity: qualityOf(csr, membership), nmi: nmiOf(membership), note: 'graph build included' });
  }

  if (!values['skip-python']) {
    const venv = path.join(ROOT, 'tools', 'bench-venv');
    const python = path.join(venv, 'bin', 'python');
    if (!fs.existsSync(python)) {
      const made = spawnSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
      if (made.status === 0) spawnSync(python, ['-m', 'pip', 'install', '-q', 'numpy', 'igraph', 'networkit'], { stdio: 'inherit' });
    }
    if (fs.existsSync(python)) {
      const prefix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-peers-')), 'graph');
      fs.writeFileSync(`${prefix}.src.i32`, Buffer.from(src.buffer));
      fs.writeFileSync(`${prefix}.dst.i32`, Buffer.from(dst.buffer));
      for (const peer of ['igraph', 'networkit:1', 'networkit:2']) {
        const out = spawnSync(python, [path.join(ROOT, 'scripts', 'bench', 'peers.py'), prefix, String(n), peer], { encoding: 'utf8' });
        if (out.status !== 0) {
          console.log(`peer ${peer} failed: ${out.stderr.trim().split('\n').pop()}`);
          continue;
        }
        const r = JSON.parse(out.stdout.trim().split('\n').pop()!) as { version: string; seconds: number; buildSeconds: number; modularity: number; peakRssMiB: number };
        const membership = new Int32Array(fs.readFileSync(`${prefix}.${peer.replace(':', '-')}.i32`).buffer.slice(0));
        rows.push({ engine: `${peer.replace(':1', ' (1 thread)').replace(':2', ' (2 threads)')} ${r.version}`, seconds: r.seconds, memMiB: r.peakRssMiB, modularity: r.modularity, nmi: nmiOf(membership), note: `graph build ${r.buildSeconds.toFixed(2)} s not counted; memory = process peak RSS` });
      }
      fs.rmSync(path.dirname(prefix), { recursive: true, force: true });
    } else {
      console.log('python peers skipped: no virtual environment could be made');
    }
  }

  for (const r of rows) r.nmi = scoreNmi(r.nmi);
  const fastestPeer = Math.min(...rows.slice(1).map((r) => r.seconds));
  console.log(`\n${'engine'.padEnd(34)} ${'seconds'.padStart(8)} ${'memory'.padStart(9)} ${'modularity'.padStart(10)} ${'NMI'.padStart(7)} ${'ours ×'.padStart(7)}`);
  for (const r of rows) {
    console.log(
      `${r.engine.padEnd(34)} ${r.seconds.toFixed(2).padStart(8)} ${(Number.isNaN(r.memMiB) ? '-' : mib(r.memMiB * 2 ** 20)).padStart(9)} ${r.modularity.toFixed(4).padStart(10)} ${r.nmi.toFixed(4).padStart(7)} ${(r.seconds / rows[0]!.seconds).toFixed(2).padStart(7)}   ${r.note}`,
    );
  }
  if (rows.length > 1) console.log(`\nours vs fastest peer: ${(fastestPeer / rows[0]!.seconds).toFixed(2)}× faster`);
  console.log(`ours: memory is the RSS growth during CSR build + Louvain (${mib(peak - before.rss)})`);

  console.log(`\npublic graphs (best of seeds 1-5 for each engine)`);
  const datasets = path.resolve(ROOT, '..', 'shared', 'datasets');
  for (const name of ['karate', 'football', 'polbooks']) {
    const edges = await readEdges(path.join(datasets, name, 'edges.tsv'));
    const { graph, names } = graphFromNamedEdges(edges);
    const g = buildCsr(graph.nodeCount, graph.src, graph.dst, graph.weight);
    const labels = await readLabels(path.join(datasets, name, 'labels.tsv'));
    const score = (membership: ArrayLike<number>) => {
      const partition = new Map(names.map((nm, v) => [nm, String(membership[v])]));
      return { q: modularity(edges, partition), nmi: evaluate({ truth: labels, clusters: partition }).nmi };
    };
    const best = (fn: (seed: number) => ArrayLike<number>) => [1, 2, 3, 4, 5].map((s) => score(fn(s))).sort((a, b) => b.q - a.q)[0]!;
    const o = best((seed) => louvain(g, { seed }).membership);
    const gr = best((seed) => graphologyLouvain.detect({ graph, resolution: 1, rng: seededRandom(seed) }));
    console.log(`${name.padEnd(10)} ours Q ${o.q.toFixed(4)} NMI ${o.nmi.toFixed(4)}   graphology Q ${gr.q.toFixed(4)} NMI ${gr.nmi.toFixed(4)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
