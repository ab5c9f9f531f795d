import { describe, expect, it } from 'vitest';
import { detachLoose } from './attachment';
import { detectCommunities, splitDisconnected } from './communities';
import { CHAIN_RATIO } from './run';
import { connectedComponents, type WeightedGraph } from './graph';
import { graphologyLouvain } from './graphology-louvain';
import { assignStableIds } from './lineage';
import { DEFAULT_EVIDENCE_WEIGHTS, projectShops, type IdentifierGroup } from './projection';
import type { ShopProfiles } from './pooled';
import { PriceModel } from './prices';
import { scoreCluster, type MemberFacts } from './risk';

function graphOf(n: number, edges: [number, number, number?][]): WeightedGraph {
  return {
    nodeCount: n,
    src: Int32Array.from(edges, (e) => e[0]),
    dst: Int32Array.from(edges, (e) => e[1]),
    weight: Float64Array.from(edges, (e) => e[2] ?? 1),
  };
}
const clique = (nodes: number[]): [number, number][] => nodes.flatMap((a, i) => nodes.slice(i + 1).map((b) => [a, b] as [number, number]));

describe('projection', () => {
  it('links shops that share an identifier, weighted by kind and discounted by sharing', () => {
    const groups: IdentifierGroup[] = [
      { kind: 'account', key: 'a1', shopCount: 2, shops: [0, 1] },
      { kind: 'phone', key: 'p1', shopCount: 3, shops: [0, 1, 2] },
    ];
    const p = projectShops(4, groups, { minShared: 1 });
    const edges = Array.from(p.graph.src, (s, i) => [s, p.graph.dst[i], p.graph.weight[i]]);
    const phone3 = (DEFAULT_EVIDENCE_WEIGHTS.phone * Math.log2(3)) / Math.log2(4);
    expect(edges).toEqual([
      [0, 1, DEFAULT_EVIDENCE_WEIGHTS.account + phone3],
      [0, 2, phone3],
      [1, 2, phone3],
    ]);
    expect(Array.from(p.strong)).toEqual([1, 0, 0]);
  });

  it('records hubs instead of linking their shops, at linear cost', () => {
    const warehouse = Array.from({ length: 10_000 }, (_, i) => i);
    const p = projectShops(10_000, [
      { kind: 'dispatch', key: 'warehouse', shopCount: warehouse.length, shops: warehouse },
      { kind: 'account', key: 'a', shopCount: 2, shops: [5, 9] },
    ]);
    expect(p.hubs).toEqual([{ kind: 'dispatch', key: 'warehouse', shopCount: 10_000, reason: 'wide' }]);
    expect(p.graph.src.length).toBe(1);
    expect(p.pairContributions).toBe(1);
  });

  it('links on one strong identifier or one contact point, never on one address alone', () => {
    const link = (groups: IdentifierGroup[], options = {}) => projectShops(2, groups, options).graph.src.length;
    expect(link([{ kind: 'ship_to', key: 'x', shopCount: 2, shops: [0, 1] }])).toBe(0);
    expect(link([{ kind: 'dispatch', key: 'x', shopCount: 2, shops: [0, 1] }])).toBe(0);
    expect(link([{ kind: 'phone', key: 'x', shopCount: 2, shops: [0, 1] }])).toBe(1);
    expect(link([{ kind: 'phone', key: 'x', shopCount: 2, shops: [0, 1] }], { contactAloneMax: 0 })).toBe(0);
    // A phone three shops share (a family's, a ring's pool) needs company.
    expect(projectShops(3, [{ kind: 'phone', key: 'x', shopCount: 3, shops: [0, 1, 2] }]).graph.src.length).toBe(0);
    expect(
      link([
        { kind: 'dispatch', key: 'x', shopCount: 2, shops: [0, 1] },
        { kind: 'return', key: 'y', shopCount: 2, shops: [0, 1] },
      ]),
    ).toBe(1);
    expect(link([{ kind: 'account', key: 'x', shopCount: 2, shops: [0, 1] }])).toBe(1);
    const wide = (n: number) => projectShops(n, [{ kind: 'account', key: 'x', shopCount: n, shops: Array.from({ length: n }, (_, i) => i) }]).graph.src.length;
    expect(wide(20)).toBe(190);
    expect(wide(40)).toBe(0);
    expect(
      link([
        { kind: 'phone', key: 'x', shopCount: 2, shops: [0, 1] },
        { kind: 'email', key: 'y', shopCount: 2, shops: [0, 1] },
      ]),
    ).toBe(1);
  });

  it('gives no evidence between shops of one seller', () => {
    const groups: IdentifierGroup[] = [{ kind: 'account', key: 'a', shopCount: 3, shops: [0, 1, 2] }];
    const p = projectShops(3, groups, { sellerOf: Int32Array.from([7, 7, 8]) });
    expect(Array.from(p.graph.src, (s, i) => [s, p.graph.dst[i]])).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('validates its options', () => {
    expect(() => projectShops(2, [], { hubThreshold: 1 })).toThrow(/^detection\/projection: hubThreshold/);
    expect(() => projectShops(2, [{ kind: 'device', key: 'x', shopCount: 2, shops: [0, 7] }])).toThrow(/out of range/);
  });
});

describe('communities', () => {
  // Two 6-cliques joined by one weak edge, plus a separate pair and an isolated node.
  const edges: [number, number, number?][] = [...clique([0, 1, 2, 3, 4, 5]), ...clique([6, 7, 8, 9, 10, 11]), [5, 6, 0.1], [12, 13]];
  const g = graphOf(15, edges);

  it('finds the planted groups, never a singleton', () => {
    const r = detectCommunities(g, { detector: graphologyLouvain, seed: 1 });
    expect(r.clusters).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10, 11],
      [12, 13],
    ]);
    expect(r.membership[14]).toBe(-1);
    expect(r.modularity).toBeGreaterThan(0.4);
  });

  it('is deterministic for a seed', () => {
    const a = detectCommunities(g, { detector: graphologyLouvain, seed: 7 });
    const b = detectCommunities(g, { detector: graphologyLouvain, seed: 7 });
    expect(Array.from(a.membership)).toEqual(Array.from(b.membership));
  });

  it('splits a community that is not connected', () => {
    const parts = splitDisconnected(
      graphOf(4, [
        [0, 1],
        [2, 3],
      ]),
      Int32Array.from([0, 0, 0, 0]),
    );
    expect(parts).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('returns only connected clusters, even from a detector that lumps everything together', () => {
    const lumper = { name: 'lump', detect: ({ graph }: { graph: WeightedGraph }) => new Int32Array(graph.nodeCount) };
    // Two paths joined by a link too weak to keep: one component before the weak edge is dropped.
    const paths: [number, number, number?][] = [
      [0, 1],
      [1, 2],
      [3, 4],
      [4, 5],
    ];
    const r = detectCommunities(graphOf(6, paths), { detector: lumper });
    expect(r.clusters).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    const joined = detectCommunities(graphOf(6, [...paths, [2, 3, 0.01]]), { detector: lumper });
    expect(joined.clusters).toEqual([[0, 1, 2, 3, 4, 5]]);
    expect(new Set(connectedComponents(graphOf(6, [...paths, [2, 3]]))).size).toBe(1);
  });

  it('keeps small rings apart inside a large component (no resolution-limit merging)', () => {
    // A chain of 60 triangles, each joined to the next by one weak edge: one component of 180 nodes.
    const chain: [number, number, number?][] = [];
    for (let t = 0; t < 60; t++) {
      chain.push(...clique([3 * t, 3 * t + 1, 3 * t + 2]));
      if (t > 0) chain.push([3 * t - 1, 3 * t, 0.05]);
    }
    const r = detectCommunities(graphOf(180, chain), { detector: graphologyLouvain, seed: 3 });
    expect(r.clusters.length).toBe(60);
    expect(r.clusters.every((c) => c.length === 3)).toBe(true);
  });
});

describe('risk', () => {
  const base: MemberFacts = { openedAt: null, status: 'active', brandedListings: 10, deepDiscountListings: 0, counterfeitReports: 0, strongLink: false };
  it('scores a counterfeit ring high and explains each factor', () => {
    const t0 = Date.UTC(2026, 0, 1);
    const ring = Array.from({ length: 10 }, (_, i) => ({
      ...base,
      openedAt: t0 + i * 86_400_000,
      deepDiscountListings: 8,
      counterfeitReports: i < 4 ? 1 : 0,
      strongLink: true,
    }));
    const r = scoreCluster(ring);
    expect(r.flagged).toBe(true);
    const f = Object.fromEntries(r.factors.map((x) => [x.name, x]));
    expect(f.discount!.value).toBeCloseTo(0.8);
    expect(f.discount!.points).toBeCloseTo(32);
    expect(f.reports!.value).toBeCloseTo(0.4);
    expect(f.burst!.value).toBe(1);
    expect(f.discount!.explanation).toBe(
      '80 of 100 branded listings (80%) are priced under half the typical price of comparable listings (same brand, category and product line).',
    );
    expect(r.verdict).toMatch(/^Flagged: .* with price and brand reports and shared identity and opening burst\.$/);
    expect(r.score).toBeCloseTo(
      r.factors.reduce((a, x) => a + x.points, 0),
      5,
    );
  });
  it('scores an honest multi-shop seller low', () => {
    const honest = [
      { ...base, openedAt: Date.UTC(2022, 0, 1), strongLink: true },
      { ...base, openedAt: Date.UTC(2024, 5, 1), strongLink: true },
    ];
    const r = scoreCluster(honest);
    expect(r.flagged).toBe(false);
    expect(r.score).toBeLessThan(20);
  });
  it('honours a configured threshold', () => {
    const strongPair = { ...base, strongLink: true, deepDiscountListings: 5 };
    expect(scoreCluster([strongPair, strongPair], { flagThreshold: 0 }).flagged).toBe(true);
    expect(scoreCluster([strongPair, strongPair], { flagThreshold: 90 }).flagged).toBe(false);
  });
  it('never flags on one kind of evidence, however high the score', () => {
    // Twelve shops selling at half price (second-hand, or a brand's cheap line): price alone.
    const cheap = Array.from({ length: 12 }, () => ({ ...base, deepDiscountListings: 10 }));
    const r = scoreCluster(cheap, { flagThreshold: 30 });
    expect(r.score).toBeGreaterThanOrEqual(30);
    expect(r.flagged).toBe(false);
    expect(r.verdict).toContain('only price');
    // The same shops sharing payout accounts: two kinds, flagged.
    expect(
      scoreCluster(
        cheap.map((m) => ({ ...m, strongLink: true })),
        { flagThreshold: 30 },
      ).flagged,
    ).toBe(true);
  });
  it('needs one kind of evidence about the goods: a franchise group sharing an account and opening together is not flagged', () => {
    const t0 = Date.UTC(2026, 0, 1);
    const stores = Array.from({ length: 12 }, (_, i) => ({ ...base, openedAt: t0 + i * 86_400_000, strongLink: true }));
    const r = scoreCluster(stores, { flagThreshold: 20 });
    expect(r.score).toBeGreaterThanOrEqual(20);
    expect(r.flagged).toBe(false);
    expect(r.verdict).toContain('nothing in what it sells');
    expect(
      scoreCluster(
        stores.map((m) => ({ ...m, counterfeitReports: 1 })),
        { flagThreshold: 20 },
      ).flagged,
    ).toBe(true);
  });
  it('needs a strong link to flag two shops', () => {
    const t0 = Date.UTC(2026, 0, 1);
    // A family: a shared phone, second-hand goods, shops opened the same week.
    const family = [0, 3].map((d) => ({ ...base, openedAt: t0 + d * 86_400_000, deepDiscountListings: 10, counterfeitReports: 1 }));
    const r = scoreCluster(family);
    expect(r.score).toBeGreaterThanOrEqual(40);
    expect(r.flagged).toBe(false);
    expect(r.verdict).toContain('two shops need a shared payout account');
    expect(scoreCluster(family.map((m) => ({ ...m, strongLink: true }))).flagged).toBe(true);
  });
});

describe('pooled identifiers', () => {
  const YEAR = 365 * 86_400_000;
  const profiles = (n: number, country: (i: number) => number, category: (i: number) => number, opened: (i: number) => number): ShopProfiles => ({
    country: Int32Array.from({ length: n }, (_, i) => country(i)),
    category: Int32Array.from({ length: n }, (_, i) => category(i)),
    openedAt: Float64Array.from({ length: n }, (_, i) => opened(i)),
  });
  const shops = (n: number) => Array.from({ length: n }, (_, i) => i);

  it("leaves out a provider's pooled account: unrelated merchants from several countries and trades, years apart", () => {
    const n = 19;
    const p = projectShops(n, [{ kind: 'account', key: 'psp', shopCount: n, shops: shops(n) }], {
      profiles: profiles(
        n,
        (i) => i % 5,
        (i) => i % 7,
        (i) => i * 0.4 * YEAR,
      ),
    });
    expect(p.graph.src.length).toBe(0);
    expect(p.hubs).toEqual([
      { kind: 'account', key: 'psp', shopCount: n, reason: 'pooled', shape: { corroborated: 0, countries: 5, categories: 7, inBurst: 0 } },
    ]);
  });

  it("sees through a provider's two faces: an agent's pooled account and its address serve the same merchants", () => {
    const n = 12;
    const p = projectShops(
      n,
      [
        { kind: 'account', key: 'agent-account', shopCount: n, shops: shops(n) },
        { kind: 'dispatch', key: 'agent-address', shopCount: 11, shops: shops(11) },
      ],
      {
        profiles: profiles(
          n,
          (i) => i % 4,
          (i) => i % 5,
          (i) => i * 0.5 * YEAR,
        ),
      },
    );
    expect(p.hubs.map((h) => [h.key, h.reason])).toEqual([
      ['agent-account', 'pooled'],
      ['agent-address', 'pooled'],
    ]);
    expect(p.graph.src.length).toBe(0);
  });

  it("links only the tied users of a spread account: ring shops hiding among a provider's merchants", () => {
    // Shops 0-10 are merchants of one provider's account (spread); 11-14 are a ring using it too,
    // tied by a device. The ring's pairs stay; no merchant is linked by the account.
    const n = 15;
    const p = projectShops(
      n,
      [
        { kind: 'account', key: 'provider', shopCount: n, shops: shops(n) },
        { kind: 'device', key: 'ring-device', shopCount: 4, shops: [11, 12, 13, 14] },
      ],
      {
        profiles: profiles(
          n,
          (i) => (i >= 11 ? 0 : i % 4),
          (i) => i % 5,
          (i) => (i >= 11 ? Date.UTC(2026, 0, i) : i * 0.5 * YEAR),
        ),
      },
    );
    expect(p.hubs).toEqual([]);
    expect(Array.from(p.graph.src, (a, e) => [a, p.graph.dst[e]])).toEqual([
      [11, 12],
      [11, 13],
      [11, 14],
      [12, 13],
      [12, 14],
      [13, 14],
    ]);
    // The ring's pairs carry the account's weight as well as the device's.
    expect(p.graph.weight[0]).toBeGreaterThan(DEFAULT_EVIDENCE_WEIGHTS.device * (Math.log2(3) / Math.log2(5)));
  });

  it("keeps a ring's pool: its shops share other identifiers too, or opened in a burst from one country", () => {
    const n = 8;
    const spread = profiles(
      n,
      (i) => i % 4,
      (i) => i % 4,
      (i) => i * YEAR,
    );
    const corroborated = projectShops(
      n,
      [
        { kind: 'account', key: 'pool', shopCount: n, shops: shops(n) },
        { kind: 'device', key: 'd1', shopCount: 4, shops: [0, 1, 2, 3] },
        { kind: 'phone', key: 'p1', shopCount: 4, shops: [4, 5, 6, 7] },
      ],
      { profiles: spread },
    );
    expect(corroborated.hubs).toEqual([]);
    const burst = projectShops(n, [{ kind: 'account', key: 'pool', shopCount: n, shops: shops(n) }], {
      profiles: profiles(
        n,
        () => 0,
        (i) => i % 4,
        (i) => Date.UTC(2026, 0, 1) + i * 86_400_000,
      ),
    });
    expect(burst.hubs).toEqual([]);
    expect(burst.graph.src.length).toBe(28);
  });
});

describe('price model', () => {
  it('compares a listing with its product line, not the brand as a whole', () => {
    const model = new PriceModel();
    // An official store group sells socks at 15 and coats at 300; a ring sells coats at 60.
    for (let shop = 0; shop < 10; shop++) {
      for (let i = 0; i < 5; i++) {
        model.add(`o${shop}`, 'Nordkap', 'clothing', `Nordkap Socks Wool ${i % 2 ? 'Black' : 'Grey'}`, 15, 'EUR');
        model.add(`o${shop}`, 'Nordkap', 'clothing', `Nordkap Coat Wool ${i % 2 ? 'Black' : 'Grey'}`, 300, 'EUR');
      }
    }
    model.finish();
    expect(model.reference('Nordkap', 'clothing', 'Nordkap Socks Wool Black', 'EUR')).toEqual({ price: 15, basis: 'line', word: 'socks' });
    expect(model.reference('Nordkap', 'clothing', 'Nordkap Coat Black', 'EUR')!.price).toBe(300);
    // Unknown line: the category's typical price (its 90th percentile).
    expect(model.reference('Nordkap', 'clothing', 'Nordkap Scarf', 'EUR')).toEqual({ price: 300, basis: 'category' });
    // Another currency is compared through the reference rate, and answered in its own currency.
    expect(model.reference('Nordkap', 'clothing', 'Nordkap Coat', 'PLN')!.price).toBeCloseTo(300 / 0.235, 6);
    expect(model.reference('Other', 'clothing', 'Other Coat', 'EUR')).toBeNull();
  });
  it('keeps currencies without a reference rate apart', () => {
    const model = new PriceModel({ minListings: 1, minShops: 1 });
    model.add('a', 'B', 'c', 'B Thing', 100, 'XAU');
    model.add('a', 'B', 'c', 'B Thing', 10, 'EUR');
    model.finish();
    expect(model.reference('B', 'c', 'B Thing', 'XAU')!.price).toBe(100);
    expect(model.reference('B', 'c', 'B Thing', 'EUR')!.price).toBe(10);
  });
});

describe('stable ids and lineage', () => {
  const previous = [
    { id: 'C1', members: ['a', 'b', 'c', 'd'] },
    { id: 'C2', members: ['e', 'f', 'g'] },
    { id: 'C3', members: ['h', 'i'] },
    { id: 'C4', members: ['j', 'k', 'l', 'm'] },
    { id: 'C5', members: ['x', 'y'] },
  ];
  it('keeps ids of continuing clusters and names what happened', () => {
    const current = [
      ['a', 'b', 'c', 'd', 'n'], // C1 grown
      ['e', 'f', 'g', 'h', 'i'], // C2 and C3 merged
      ['j', 'k'], // C4 split in two halves…
      ['l', 'm'], // …
      ['p', 'q', 'r'], // new
    ];
    let next = 0;
    const { ids, events } = assignStableIds(previous, current, () => `N${++next}`);
    expect(ids[0]).toBe('C1');
    expect(ids[1]).toBe('C2');
    expect(ids[4]).toMatch(/^N/);
    const byCluster = Object.fromEntries(events.map((e) => [e.clusterId, e]));
    expect(byCluster.C1).toMatchObject({ type: 'grown', sizeBefore: 4, sizeAfter: 5 });
    expect(byCluster.C2).toMatchObject({ type: 'merged', from: ['C2', 'C3'] });
    expect(events.filter((e) => e.type === 'split' || (e.type === 'shrunk' && e.from[0] === 'C4'))).toHaveLength(2);
    expect(byCluster[ids[4]!]).toMatchObject({ type: 'new', from: [] });
    expect(byCluster.C5).toMatchObject({ type: 'dissolved', sizeAfter: 0 });
  });
  it('reports an unchanged cluster as unchanged', () => {
    const { ids, events } = assignStableIds([{ id: 'C1', members: ['a', 'b'] }], [['b', 'a']], () => 'N');
    expect(ids).toEqual(['C1']);
    expect(events).toEqual([{ type: 'unchanged', clusterId: 'C1', from: ['C1'], sizeBefore: 2, sizeAfter: 2 }]);
  });
});

describe('chains', () => {
  it('keeps a chain of pairwise links whole, and two dense rings bridged by one link apart', () => {
    // 20 shops, each linked to the next by one identifier of the same weight.
    const chain = graphOf(
      20,
      Array.from({ length: 19 }, (_, i) => [i, i + 1] as [number, number]),
    );
    const split = detectCommunities(chain, { detector: graphologyLouvain, resolution: 0.2, chainRatio: 0 });
    expect(split.clusters.length).toBeGreaterThan(1);
    const whole = detectCommunities(chain, { detector: graphologyLouvain, resolution: 0.2, chainRatio: CHAIN_RATIO });
    expect(whole.clusters).toEqual([Array.from({ length: 20 }, (_, i) => i)]);

    const rings = graphOf(16, [...clique([0, 1, 2, 3, 4, 5, 6, 7]), ...clique([8, 9, 10, 11, 12, 13, 14, 15]), [7, 8, 1]]);
    expect(detectCommunities(rings, { detector: graphologyLouvain, resolution: 0.2, chainRatio: CHAIN_RATIO }).clusters).toHaveLength(2);
    // Dense communities with many links between them (two cliques joined by four links) are not chains.
    const cliques = graphOf(16, [...clique([0, 1, 2, 3, 4, 5, 6, 7]), ...clique([8, 9, 10, 11, 12, 13, 14, 15]), [0, 8], [1, 9], [2, 10], [3, 11]]);
    expect(detectCommunities(cliques, { detector: graphologyLouvain, resolution: 1, chainRatio: CHAIN_RATIO }).clusters).toHaveLength(2);
  });
});

describe('shared units', () => {
  it('add weight to a shared building, but are not another identifier', () => {
    const building = { kind: 'dispatch', key: 'b', shopCount: 2, shops: [0, 1] } as const;
    const unit = { kind: 'dispatch', key: 'b#hall 4', shopCount: 2, shops: [0, 1], refines: true } as const;
    const phone = { kind: 'phone', key: 'p', shopCount: 2, shops: [0, 1] } as const;
    expect(projectShops(2, [building, unit]).graph.src.length).toBe(0);
    const withUnit = projectShops(2, [building, unit, phone]).graph.weight[0]!;
    const without = projectShops(2, [building, phone]).graph.weight[0]!;
    expect(withUnit - without).toBeCloseTo(DEFAULT_EVIDENCE_WEIGHTS.dispatch, 9);
  });
});

describe('shops attached by addresses alone', () => {
  // Shops 0-3 share a payout account; shop 4 shares only a warehouse and its returns centre with shop 0.
  const p = projectShops(5, [
    { kind: 'account', key: 'a', shopCount: 4, shops: [0, 1, 2, 3] },
    { kind: 'dispatch', key: 'w', shopCount: 2, shops: [0, 4] },
    { kind: 'return', key: 'r', shopCount: 2, shops: [0, 4] },
  ]);
  it('are detached unless they show the network trade themselves', () => {
    expect(detachLoose(p, [[0, 1, 2, 3, 4]], () => false)).toEqual([[0, 1, 2, 3]]);
    expect(detachLoose(p, [[0, 1, 2, 3, 4]], (v) => v === 4)).toEqual([[0, 1, 2, 3, 4]]);
  });
  it('leave what remains in connected parts, without singletons', () => {
    // Only shops 0 and 4, tied by addresses: nothing remains of the cluster.
    expect(detachLoose(p, [[0, 4]], () => false)).toEqual([]);
  });
});

describe('shops tied by one contact point', () => {
  it('are detached without signs of their own, while chained ring shops with them stay', () => {
    // 0-3 share a payout account; 4 shares one phone with 0 (a recycled number).
    const p = projectShops(5, [
      { kind: 'account', key: 'a', shopCount: 4, shops: [0, 1, 2, 3] },
      { kind: 'phone', key: 'p', shopCount: 2, shops: [0, 4] },
    ]);
    expect(detachLoose(p, [[0, 1, 2, 3, 4]], () => false)).toEqual([[0, 1, 2, 3]]);
    expect(detachLoose(p, [[0, 1, 2, 3, 4]], (v) => v === 4)).toEqual([[0, 1, 2, 3, 4]]);
  });
});
