import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectCommunities, type DetectorInput } from './communities';
import { parseEdgeList } from './edge-file';
import { detectEdgeList, formatPartition } from './edge-list';
import { DETECTORS } from './engines';
import { seededRandom, type WeightedGraph } from './graph';
import { DETECTION_DEFAULTS, type DetectionParams } from './params';
import type { ClusterWrite, DetectionStore, MembershipWrite, RawGroup, RunOutcome, RunStart } from './ports';
import { runDetection } from './run';

/**
 * A marketplace in memory behind the detection ports: two rings of four shops, A (sharing a payout
 * account, so strongly linked) and B (sharing phones and emails only), and one honest pair that shares a
 * single address (no evidence).
 */
function memoryStore(groups: RawGroup[]) {
  const runs: (RunStart & Partial<RunOutcome>)[] = [];
  const written: { clusters: ClusterWrite[]; members: MembershipWrite[] }[] = [];
  let previous: { id: string; members: string[] }[] = [];
  let next = 1;
  const store: DetectionStore = {
    readGroups: async (_hubThreshold, onGroup) => groups.forEach(onGroup),
    shopProfiles: async (ids) => new Map(ids.map((id) => [id, { seller: `seller-${id}`, country: 'DE', category: 'toys', openedAt: null }])),
    brandTypicalPrices: async () => ({ acme: 100 }),
    // Ten Acme dolls per shop: ring A sells nine of its ten at a tenth of the usual price.
    brandedListings: async (onListing) => {
      for (const shop of new Set(groups.flatMap((g) => g.shops)))
        for (let i = 0; i < 10; i++)
          onListing({ shop, brand: 'acme', category: 'toys', title: 'Acme Doll', price: shop.startsWith('a') && i < 9 ? 10 : 100, currency: 'USD' });
    },
    memberFacts: async (ids) => ids.map((id) => ({ id, openedAt: null, status: null, brands: id.startsWith('a') ? ['zeta', 'acme'] : ['acme'], reports: 0 })),
    previousClusters: async () => previous,
    reserveClusterNumbers: async (count) => {
      next += count;
      return next - count;
    },
    createRun: async (run) => void runs.push({ ...run }),
    writeClusters: async (_runId, clusters, members) => {
      written.push({ clusters, members });
      previous = clusters.map((c) => ({ id: c.id, members: members.filter((m) => m.key.endsWith(`:${c.id}`)).map((m) => m.shop) }));
    },
    finishRun: async (id, outcome) =>
      void Object.assign(
        runs.find((r) => r.id === id)!,
        outcome,
      ),
    prune: async () => 0,
  };
  return { store, runs, written };
}

const ring = (kind: RawGroup['kind'], key: string, shops: string[]): RawGroup => ({ kind, key, shopCount: shops.length, shops });
const GROUPS: RawGroup[] = [
  ring('account', 'acct-a', ['a1', 'a2', 'a3', 'a4']),
  ring('phone', 'phone-b', ['b1', 'b2', 'b3', 'b4']),
  ring('email', 'email-b', ['b1', 'b2', 'b3', 'b4']),
  ring('ship_to', 'addr-h', ['h1', 'h2']),
  { kind: 'dispatch', key: 'warehouse', shopCount: 500, shops: [] },
];
const PARAMS: DetectionParams = { ...DETECTION_DEFAULTS, resolution: 1 };

describe('runDetection over the ports', () => {
  it('records, detects, scores and writes a run, and keeps cluster ids on the next run', async () => {
    const { store, runs, written } = memoryStore(GROUPS);
    const stages: string[] = [];
    const first = await runDetection(store, PARAMS, { retention: 3, trigger: 'test', runId: 'r1', onProgress: (s) => stages.push(s) });
    expect(stages).toEqual(['read', 'project', 'detect', 'score-read', 'score', 'write']);
    expect(runs[0]).toMatchObject({ id: 'r1', trigger: 'test', engine: 'ringwatch-louvain', seed: 42, status: 'completed', params: JSON.stringify(PARAMS) });
    expect(first.clusters.map((c) => [c.id, c.members])).toEqual([
      ['C000001', ['a1', 'a2', 'a3', 'a4']],
      ['C000002', ['b1', 'b2', 'b3', 'b4']],
    ]);
    expect(first.counts).toMatchObject({ shopsLinked: 10, clusters: 2, clusteredShops: 8, hubs: 1 });
    const [a, b] = written[0]!.clusters;
    // Deep discounts and a shared account make ring A risky; brands ranked by how many shops list them.
    expect(a!.flagged && !b!.flagged).toBe(true);
    expect(JSON.parse(a!.factors).find((f: { name: string }) => f.name === 'strongSharing').value).toBe(1);
    expect(JSON.parse(b!.factors).find((f: { name: string }) => f.name === 'strongSharing').value).toBe(0);
    expect(a!.brands).toEqual(['acme', 'zeta']);
    expect(written[0]!.members.every((m) => m.confidence === 1 && m.key.startsWith('r1:'))).toBe(true);

    const second = await runDetection(store, PARAMS, { retention: 3, runId: 'r2' });
    expect(second.clusters.map((c) => [c.id, c.lineage])).toEqual([
      ['C000001', 'unchanged'],
      ['C000002', 'unchanged'],
    ]);
    expect(runs[1]!.trigger).toBe('manual');
  });

  it('gives the same partition and cluster ids whatever order the database returns rows in', async () => {
    // A marketplace with structure worth splitting: two dense rings bridged by one shop, and a chain.
    const big: RawGroup[] = [];
    const shop = (p: string, i: number) => `${p}${String(i).padStart(2, '0')}`;
    for (const p of ['r', 's'])
      for (let i = 0; i < 12; i += 3)
        big.push(
          ring(
            'device',
            `${p}-d${i}`,
            [0, 1, 2, 3].map((k) => shop(p, (i + k) % 12)),
          ),
        );
    for (const p of ['r', 's'])
      for (let i = 0; i < 12; i += 4)
        big.push(
          ring(
            'phone',
            `${p}-p${i}`,
            [0, 1, 2, 3, 4].map((k) => shop(p, (i + k) % 12)),
          ),
        );
    big.push(ring('email', 'bridge', ['r00', 's00']), ring('phone', 'bridge-p', ['r00', 's00']));
    for (let i = 0; i < 15; i++) big.push(ring('account', `chain${i}`, [shop('c', i), shop('c', i + 1)]));
    const random = seededRandom(5);
    const shuffled = (xs: RawGroup[]) => {
      const out = xs.map((g) => ({ ...g, shops: [...g.shops].sort(() => random() - 0.5) }));
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    };
    const runs = await Promise.all(
      [big, shuffled(big), shuffled(big), [...big].reverse()].map((groups) => runDetection(memoryStore(groups).store, PARAMS, { retention: 3, runId: 'r' })),
    );
    const seen = runs.map((r) => JSON.stringify(r.clusters.map((c) => [c.id, c.members])));
    expect(new Set(seen).size).toBe(1);
    expect(runs[0]!.clusters.length).toBeGreaterThanOrEqual(2);
  });

  it('marks the run failed when a step throws, and rethrows', async () => {
    const { store, runs } = memoryStore(GROUPS);
    store.memberFacts = () => Promise.reject(new Error('database went away'));
    await expect(runDetection(store, PARAMS, { retention: 3, runId: 'r1' })).rejects.toThrow('database went away');
    expect(runs[0]).toMatchObject({ status: 'failed', error: 'database went away', modularity: null });
  });

  it('refuses an unknown engine before recording a run', async () => {
    const { store, runs } = memoryStore(GROUPS);
    await expect(runDetection(store, { ...PARAMS, engine: 'gds' as never }, { retention: 3 })).rejects.toThrow(/engine "gds" is not available/);
    expect(runs).toEqual([]);
  });
});

describe('what a detector is given', () => {
  afterEach(() => vi.restoreAllMocks());
  // Three triangles that share nothing: three components for the detector.
  const triangles: WeightedGraph = {
    nodeCount: 9,
    src: Int32Array.from([0, 1, 0, 3, 4, 3, 6, 7, 6]),
    dst: Int32Array.from([1, 2, 2, 4, 5, 5, 7, 8, 8]),
    weight: new Float64Array(9).fill(1),
  };

  it('one whole-number seed per component, drawn from the run seed in component order, and the threads', () => {
    const inputs: DetectorInput[] = [];
    const recorder = { name: 'recorder', detect: (input: DetectorInput) => (inputs.push(input), new Int32Array(input.graph.nodeCount)) };
    detectCommunities(triangles, { detector: recorder, seed: 9, threads: 2 });
    const draw = seededRandom(9);
    expect(inputs.map((i) => [i.seed, i.threads])).toEqual([0, 1, 2].map(() => [Math.floor(draw() * 2 ** 31), 2]));
    expect(() => detectCommunities(triangles, { detector: recorder, threads: 3 as never })).toThrow(/threads must be 1 or 2/);
  });

  it('the quality reaches the detector; leiden is an engine; graphology refuses CPM', () => {
    const inputs: DetectorInput[] = [];
    const recorder = { name: 'recorder', detect: (input: DetectorInput) => (inputs.push(input), new Int32Array(input.graph.nodeCount)) };
    detectCommunities(triangles, { detector: recorder, quality: 'cpm', resolution: 0.3 });
    expect(inputs.map((i) => [i.quality, i.resolution])).toEqual([0, 1, 2].map(() => ['cpm', 0.3]));
    const leiden = detectCommunities(triangles, { detector: DETECTORS.leiden, quality: 'cpm', resolution: 0.5 });
    expect(DETECTORS.leiden.name).toBe('ringwatch-leiden');
    expect(leiden.clusters).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8],
    ]);
    expect(() => detectCommunities(triangles, { detector: DETECTORS.graphology, quality: 'cpm' })).toThrow(/CPM/);
  });

  it('the edge-list mode runs the engine on the whole graph, reports standard Q apart from the quality optimised, and writes node<TAB>community', () => {
    const text = [...triangles.src].map((s, e) => `n${s}\tn${triangles.dst[e]}`).join('\n');
    const edges = parseEdgeList(text);
    const partition = detectEdgeList(edges, { engine: 'leiden', quality: 'modularity', resolution: 0.5, seed: 3, threads: 1 });
    expect(partition).toMatchObject({ communities: 3, edges: 9, engine: 'ringwatch-leiden' });
    // Three separate triangles: Q = 1 − 3 · (1/3)² = 2/3 at γ = 1; at γ = 0.5, 1 − 0.5 · 1/3 = 5/6.
    expect(partition.modularity).toBeCloseTo(2 / 3, 12);
    expect(partition.objective).toEqual({ quality: 'modularity', resolution: 0.5, value: expect.closeTo(5 / 6, 12) as number });
    expect(formatPartition(partition).split('\n').slice(0, 3)).toEqual([
      `# node\tcommunity (engine ringwatch-leiden; modularity Q 0.666667 (γ = 1); optimised modularity γ = 0.5: 0.833333)`,
      'n0\t0',
      'n1\t0',
    ]);
    const cpm = detectEdgeList(edges, { engine: 'louvain', quality: 'cpm', resolution: 0.5, seed: 3, threads: 2 });
    expect(cpm).toMatchObject({ communities: 3, engine: 'ringwatch-louvain', objective: { quality: 'cpm', resolution: 0.5 } });
    expect(cpm.modularity).toBeCloseTo(2 / 3, 12);
  });
});
