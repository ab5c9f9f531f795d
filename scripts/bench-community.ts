import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCsr, leiden, louvain, plantedPartition, qualityOf } from '@ringwatch/community';
import { graphFromNamedEdges, graphologyLouvain, seededRandom } from '@ringwatch/detection';
import { evaluate, modularity, readEdges, readLabels } from '@ringwatch/evaluation';
import { lfrGraph } from './bench/lfr';
import { mib, ROOT, rssSampler } from './bench/measure';

/**
 * bench:community — our typed-array Louvain and Leiden against graphology's Louvain, and (when Python is
 * available) igraph's multilevel, NetworKit's PLM and ParallelLeiden and leidenalg from PyPI in a
 * git-ignored virtual environment (`--venv`, default tools/bench-venv), on a seeded planted-partition
 * graph (default 1M nodes, 5M edges, groups of 50, 80% of edges inside groups), on an LFR suite (our
 * generator, scripts/bench/lfr.ts: median NMI and time over seeds) and on the public graphs.
 * `--quick` is a subset that runs in minutes: planted 200k/1M, LFR 10k at μ 0.2 and 0.3, 3 seeds.
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
      'skip-planted': { type: 'boolean', default: false },
      'skip-lfr': { type: 'boolean', default: false },
      'lfr-sizes': { type: 'string', default: '10000,50000' },
      'lfr-mus': { type: 'string', default: '0.1,0.2,0.3,0.4,0.5' },
      'lfr-seeds': { type: 'string', default: '5' },
      venv: { type: 'string', default: path.join(ROOT, 'tools', 'bench-venv') },
      quick: { type: 'boolean', default: false },
    },
  });
  if (values.quick) {
    values.nodes = '200000';
    values.edges = '1000000';
    values['lfr-sizes'] = '10000';
    values['lfr-mus'] = '0.2,0.3';
    values['lfr-seeds'] = '3';
    values['skip-graphology'] = true;
  }
  console.log(
    `load averages at start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} (${os.cpus().length} cores)`,
  );
  const python = values['skip-python'] ? undefined : pythonOf(path.resolve(values.venv));
  if (!values['skip-planted']) await planted(values, python);
  if (!values['skip-lfr']) lfrSuite(values, python);
  await publicGraphs();
  console.log(
    `load averages at end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
}

/** The benchmark's Python, made with the peers on first use; undefined when none can be made. */
function pythonOf(venv: string): string | undefined {
  const python = path.join(venv, 'bin', 'python');
  if (!fs.existsSync(python)) {
    const made = spawnSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
    if (made.status === 0) spawnSync(python, ['-m', 'pip', 'install', '-q', 'numpy', 'igraph', 'networkit', 'leidenalg'], { stdio: 'inherit' });
  }
  if (fs.existsSync(python)) return python;
  console.log('python peers skipped: no virtual environment could be made');
  return undefined;
}

interface PeerResult {
  version: string;
  seconds: number;
  buildSeconds: number;
  modularity: number;
  peakRssMiB: number;
}

/** Runs peers (comma-separated names of peers.py) in one Python process on the graph at `prefix`; their memberships are read back. */
function runPeers(python: string, prefix: string, n: number, peers: string, seed: number): Map<string, PeerResult & { membership: Int32Array }> {
  const results = new Map<string, PeerResult & { membership: Int32Array }>();
  const out = spawnSync(python, [path.join(ROOT, 'scripts', 'bench', 'peers.py'), prefix, String(n), peers, String(seed)], { encoding: 'utf8' });
  if (out.status !== 0) console.log(`peers ${peers} failed: ${out.stderr.trim().split('\n').pop()}`);
  for (const line of out.stdout.trim().split('\n')) {
    if (!line.startsWith('{')) continue;
    const r = JSON.parse(line) as PeerResult & { peer: string };
    const membership = new Int32Array(fs.readFileSync(`${prefix}.${r.peer.replace(':', '-')}.i32`).buffer.slice(0));
    results.set(r.peer, { ...r, membership });
  }
  return results;
}

async function planted(values: Record<string, string | boolean | undefined>, python: string | undefined): Promise<void> {
  const n = Number(values.nodes);
  const m = Number(values.edges);
  const groupSize = Number(values.group);
  const inside = Number(values.inside);

  const { src, dst } = plantedPartition(n, m, groupSize, inside, Number(values.seed));
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
  let csrForScoring: ReturnType<typeof buildCsr> | undefined;
  let levelZero: Int32Array | undefined;
  console.log(
    `bench:community planted graph: ${n.toLocaleString('en')} nodes, ${m.toLocaleString('en')} edges, groups of ${groupSize}, ${inside * 100}% inside, seed ${values.seed}`,
  );
  const rows: { engine: string; seconds: number; buildSeconds: number; memMiB: number; modularity: number; nmi: number; note: string }[] = [];

  // Ours, one thread then two, Louvain then Leiden. Memory: RSS growth while the engine runs, over the CSR built before it.
  for (const [method, threads] of [
    [louvain, 1],
    [louvain, 2],
    [leiden, 1],
    [leiden, 2],
  ] as const) {
    global.gc?.();
    const before = process.memoryUsage.rss();
    const t0 = performance.now();
    const csr = buildCsr(n, src, dst, undefined, { shared: threads === 2 });
    const tBuild = performance.now();
    const afterBuild = process.memoryUsage.rss();
    const sampler = rssSampler(10);
    const tStart = performance.now();
    const ours = method(csr, { seed: 42, threads });
    const tRun = performance.now();
    const peak = sampler.peak();
    sampler.stop();
    rows.push({
      engine: `ringwatch ${method.name} (${threads} thread${threads === 1 ? '' : 's'})`,
      seconds: (tRun - tStart) / 1000,
      buildSeconds: (tBuild - t0) / 1000,
      memMiB: (peak - afterBuild) / 2 ** 20,
      modularity: ours.quality,
      nmi: nmiOf(ours.membership),
      note: `${ours.count} communities, ${ours.levels.length} levels; memory = RSS growth during the run (the CSR it reads: ${mib(afterBuild - before)})`,
    });
    if (threads === 1 && method === louvain) {
      csrForScoring = csr;
      levelZero = ours.levels[0];
    }
  }
  const csr = csrForScoring!;
  const levelZeroReads = levelZero ? readsReference(csr, levelZero) : undefined;

  if (!values['skip-graphology']) {
    const t1 = performance.now();
    const { graph } = { graph: { nodeCount: n, src, dst, weight: new Float64Array(m).fill(1) } };
    const membership = graphologyLouvain.detect({ graph, resolution: 1, seed: 42, threads: 1 });
    const seconds = (performance.now() - t1) / 1000;
    rows.push({
      engine: 'graphology-communities-louvain',
      seconds,
      buildSeconds: NaN,
      memMiB: NaN,
      modularity: qualityOf(csr, membership),
      nmi: nmiOf(membership),
      note: 'graph build included in seconds (not timed apart)',
    });
  }

  if (python) {
    const prefix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-peers-')), 'graph');
    fs.writeFileSync(`${prefix}.src.i32`, Buffer.from(src.buffer));
    fs.writeFileSync(`${prefix}.dst.i32`, Buffer.from(dst.buffer));
    // One process per peer, so that each one's peak RSS is its own.
    for (const peer of ['igraph', 'networkit:1', 'networkit:2', 'networkit-leiden:1', 'networkit-leiden:2', 'leidenalg']) {
      const r = runPeers(python, prefix, n, peer, 42).get(peer);
      if (!r) continue;
      rows.push({
        engine: `${peer.replace(':1', ' (1 thread)').replace(':2', ' (2 threads)')} ${r.version}`,
        seconds: r.seconds,
        buildSeconds: r.buildSeconds,
        memMiB: r.peakRssMiB,
        modularity: r.modularity,
        nmi: nmiOf(r.membership),
        note: 'memory = process peak RSS',
      });
    }
    fs.rmSync(path.dirname(prefix), { recursive: true, force: true });
  }

  for (const r of rows) r.nmi = scoreNmi(r.nmi);
  const ours = rows.filter((r) => r.engine.startsWith('ringwatch'));
  const peers = rows.filter((r) => !r.engine.startsWith('ringwatch'));
  const oursBest = Math.min(...ours.map((r) => r.seconds));
  console.log(`\nseconds = the algorithm alone; build = building the engine's graph from the edge arrays (not in seconds)`);
  console.log(
    `${'engine'.padEnd(34)} ${'seconds'.padStart(8)} ${'build'.padStart(6)} ${'memory'.padStart(9)} ${'modularity'.padStart(10)} ${'NMI'.padStart(7)} ${'×ours'.padStart(6)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.engine.padEnd(34)} ${r.seconds.toFixed(2).padStart(8)} ${(Number.isNaN(r.buildSeconds) ? '-' : r.buildSeconds.toFixed(2)).padStart(6)} ${(Number.isNaN(r.memMiB) ? '-' : mib(r.memMiB * 2 ** 20)).padStart(9)} ${r.modularity.toFixed(4).padStart(10)} ${r.nmi.toFixed(4).padStart(7)} ${(r.seconds / oursBest).toFixed(2).padStart(6)}   ${r.note}`,
    );
  }
  if (peers.length > 0) {
    const fastest = peers.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
    const igraph = peers.find((r) => r.engine.startsWith('igraph'));
    console.log(
      `\nfastest peer: ${fastest.engine} ${fastest.seconds.toFixed(2)} s; ours ${oursBest.toFixed(2)} s: ${(fastest.seconds / oursBest).toFixed(2)}× faster (floor 2×)`,
    );
    if (igraph)
      for (const r of ours)
        console.log(
          `${r.engine}: modularity ${r.modularity >= igraph.modularity - 0.002 ? '≥' : '<'} igraph's − 0.002 (${r.modularity.toFixed(4)} vs ${igraph.modularity.toFixed(4)})`,
        );
  }
  for (const r of ours)
    console.log(`${r.engine}: ${r.seconds.toFixed(2)} s (floor ${r.engine.includes('2 threads') ? '1.5' : '3'} s), ${mib(r.memMiB * 2 ** 20)} (floor 300 MiB)`);
  // Leiden's floors: modularity ≥ our Louvain's, time ≤ 1.3× our Louvain's (same threads), faster than the Leiden peers.
  const leidenPeers = peers.filter((r) => r.engine.startsWith('networkit-leiden') || r.engine.startsWith('leidenalg'));
  for (const threads of ['1 thread)', '2 threads)']) {
    const lv = ours.find((r) => r.engine === `ringwatch louvain (${threads}`);
    const ld = ours.find((r) => r.engine === `ringwatch leiden (${threads}`);
    if (!lv || !ld) continue;
    const fastestLeidenPeer = leidenPeers.length > 0 ? leidenPeers.reduce((a, b) => (a.seconds <= b.seconds ? a : b)) : undefined;
    console.log(
      `${ld.engine}: modularity ${ld.modularity.toFixed(4)} ${ld.modularity >= lv.modularity ? '≥' : '<'} louvain's ${lv.modularity.toFixed(4)}; time ${(ld.seconds / lv.seconds).toFixed(2)}× louvain's (floor 1.3×)` +
        (fastestLeidenPeer
          ? `; fastest Leiden peer ${fastestLeidenPeer.engine} ${fastestLeidenPeer.seconds.toFixed(2)} s: ours ${(fastestLeidenPeer.seconds / ld.seconds).toFixed(2)}× faster (floor > 1×)`
          : ''),
    );
  }
  console.log(`cpu reference: ${cpuReferenceMs().toFixed(0)} ms for a fixed loop of 300M additions (compare machines with it)`);
  console.log(`memory reference: ${memoryReferenceNs().toFixed(0)} ns per dependent random read in 64 MiB (Louvain on this graph is bound by it)`);
  if (levelZeroReads) {
    console.log(
      `reads reference (best of 3, one thread): one pass over the ${csr.offsets[n]!.toLocaleString('en')} row entries in node order reading each neighbour's level-0 community: ${levelZeroReads.communitiesMs.toFixed(0)} ms; reading that community's total as well: ${levelZeroReads.totalsMs.toFixed(0)} ms`,
    );
  }
}

/**
 * The LFR suite: for each size and μ, `lfr-seeds` graphs (seeds 1..k, each engine run with that seed),
 * median NMI against the planted communities and median seconds per engine.
 */
function lfrSuite(values: Record<string, string | boolean | undefined>, python: string | undefined): void {
  const sizes = String(values['lfr-sizes']).split(',').map(Number);
  const mus = String(values['lfr-mus']).split(',').map(Number);
  const seeds = Array.from({ length: Number(values['lfr-seeds']) }, (_, i) => i + 1);
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const nmi = (truth: Int32Array, membership: ArrayLike<number>) => {
    const t = new Map<string, string>();
    const c = new Map<string, string>();
    for (let v = 0; v < truth.length; v++) {
      t.set(String(v), String(truth[v]));
      c.set(String(v), String(membership[v]));
    }
    return evaluate({ truth: t, clusters: c }).nmi;
  };
  const peerNames = ['leidenalg', 'networkit-leiden:2', 'igraph'];
  console.log(
    `\nLFR suite (our generator, scripts/bench/lfr.ts: τ1 2.5, τ2 1.5, mean degree 15, max degree 50, communities 20-100; median of seeds ${seeds.join(',')}; seconds = the algorithm alone, γ = 1)`,
  );
  const engines = ['ringwatch louvain', 'ringwatch leiden', ...(python ? peerNames : [])];
  console.log(`${'graph'.padEnd(18)} ${'real μ'.padStart(6)} ${engines.map((e) => `${e.replace('ringwatch ', 'ours ').padStart(18)} NMI      s`).join(' ')}`);
  const floors: string[] = [];
  for (const n of sizes) {
    for (const mu of mus) {
      const scores = new Map<string, { nmi: number[]; seconds: number[] }>(engines.map((e) => [e, { nmi: [], seconds: [] }]));
      const realised: number[] = [];
      for (const seed of seeds) {
        const g = lfrGraph({ n, mu, seed });
        realised.push(g.realisedMu);
        const csr = buildCsr(n, g.src, g.dst);
        for (const [name, method] of [
          ['ringwatch louvain', louvain],
          ['ringwatch leiden', leiden],
        ] as const) {
          const t0 = performance.now();
          const r = method(csr, { seed });
          scores.get(name)!.seconds.push((performance.now() - t0) / 1000);
          scores.get(name)!.nmi.push(nmi(g.truth, r.membership));
        }
        if (python) {
          const prefix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-lfr-')), 'graph');
          fs.writeFileSync(`${prefix}.src.i32`, Buffer.from(g.src.buffer));
          fs.writeFileSync(`${prefix}.dst.i32`, Buffer.from(g.dst.buffer));
          for (const [peer, r] of runPeers(python, prefix, n, peerNames.join(','), seed)) {
            scores.get(peer)!.seconds.push(r.seconds);
            scores.get(peer)!.nmi.push(nmi(g.truth, r.membership));
          }
          fs.rmSync(path.dirname(prefix), { recursive: true, force: true });
        }
      }
      const cells = engines.map((e) => {
        const s = scores.get(e)!;
        return s.nmi.length === 0
          ? `${'-'.padStart(22)} ${'-'.padStart(6)}`
          : `${median(s.nmi).toFixed(4).padStart(22)} ${median(s.seconds).toFixed(3).padStart(6)}`;
      });
      console.log(`${`LFR ${n / 1000}k μ ${mu}`.padEnd(18)} ${median(realised).toFixed(3).padStart(6)} ${cells.join(' ')}`);
      const ours = scores.get('ringwatch leiden')!;
      const theirs = scores.get('leidenalg');
      if (theirs && theirs.nmi.length > 0 && (mu === 0.2 || mu === 0.3))
        floors.push(
          `LFR ${n / 1000}k μ ${mu}: our Leiden NMI ${median(ours.nmi).toFixed(4)} ${median(ours.nmi) >= median(theirs.nmi) - 0.01 ? '≥' : '<'} leidenalg's ${median(theirs.nmi).toFixed(4)} − 0.01`,
        );
    }
  }
  for (const f of floors) console.log(f);
}

async function publicGraphs(): Promise<void> {
  console.log(`\npublic graphs (best of seeds 1-5 for each engine)`);
  const datasets = path.join(ROOT, 'datasets');
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
    const l = best((seed) => leiden(g, { seed }).membership);
    const gr = best((seed) => graphologyLouvain.detect({ graph, resolution: 1, seed, threads: 1 }));
    console.log(
      `${name.padEnd(10)} ours louvain Q ${o.q.toFixed(4)} NMI ${o.nmi.toFixed(4)}   ours leiden Q ${l.q.toFixed(4)} NMI ${l.nmi.toFixed(4)}   graphology Q ${gr.q.toFixed(4)} NMI ${gr.nmi.toFixed(4)}`,
    );
  }
}

/**
 * The reads level 0 cannot avoid, with no other work: a sweep reads every visited node's neighbours'
 * communities and those communities' totals; connected parts and aggregation read the communities.
 * Communities are named by a member node, as in the engine's level 0 (so their totals lie spread over
 * an array of 2n numbers, not packed in the first entries).
 */
function readsReference(csr: ReturnType<typeof buildCsr>, membership: Int32Array): { communitiesMs: number; totalsMs: number } {
  const { nodeCount: n, offsets, targets, degree } = csr;
  const founder = new Int32Array(n).fill(-1);
  const comm = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const c = membership[v]!;
    if (founder[c] === -1) founder[c] = v;
    comm[v] = founder[c]!;
  }
  const pair = new Float64Array(2 * n);
  for (let v = 0; v < n; v++) pair[2 * comm[v]! + 1]! += degree[v]!;
  let communitiesMs = Infinity;
  let totalsMs = Infinity;
  let sink = 0;
  let total = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    for (let v = 0; v < n; v++) for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) sink ^= comm[targets[e]!]!;
    const t1 = performance.now();
    for (let v = 0; v < n; v++) for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) total += pair[2 * comm[targets[e]!]! + 1]!;
    const t2 = performance.now();
    communitiesMs = Math.min(communitiesMs, t1 - t0);
    totalsMs = Math.min(totalsMs, t2 - t1);
  }
  if (sink < 0 || Number.isNaN(total)) console.log(sink, total);
  return { communitiesMs, totalsMs };
}

/**
 * A chase through a seeded random cycle over 64 MiB: each read waits for the one before, so this is the
 * latency of a read that misses the caches. Printed because it, not the arithmetic speed, moved between
 * sessions: the first version of our engine took 3.4-3.9 s on the day it was written and 14-15 s on a
 * later day with the same cpu reference.
 */
function memoryReferenceNs(): number {
  const n = 16 * 2 ** 20;
  const next = new Int32Array(n);
  for (let i = 0; i < n; i++) next[i] = i;
  // Sattolo's shuffle: one cycle through every slot.
  const rng = seededRandom(1);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * i);
    const t = next[i]!;
    next[i] = next[j]!;
    next[j] = t;
  }
  const steps = 5_000_000;
  let p = 0;
  const t = performance.now();
  for (let i = 0; i < steps; i++) p = next[p]!;
  const ns = ((performance.now() - t) * 1e6) / steps;
  if (p < 0) console.log(p);
  return ns;
}

/** A fixed arithmetic loop, printed with the figures: this machine's speed varied 3× between sessions. */
function cpuReferenceMs(): number {
  const t = performance.now();
  let s = 0;
  for (let i = 0; i < 3e8; i++) s += i;
  if (s < 0) console.log(s);
  return performance.now() - t;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
