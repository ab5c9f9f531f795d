import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import {
  assignStableIds,
  detectCommunities,
  graphologyLouvain,
  ringwatchLouvain,
  projectShops,
  RISK_DEFAULTS,
  scoreCluster,
  type CommunityDetector,
  type IdentifierGroup,
  type MemberFacts,
  type Projection,
  type RiskFactor,
} from '@ringwatch/detection';
import { ReadCache } from '../common/read-cache';
import { CONFIG } from '../common/tokens';
import { DetectionRepository, type ClusterWrite } from './detection.repository';

/** The configured detection settings a single run can override (retention is not per run). */
export type DetectionParams = Omit<RingwatchConfig['detection'], 'retention'>;

export interface DetectedCluster {
  readonly id: string;
  readonly members: string[];
  readonly risk: number;
  readonly flagged: boolean;
  readonly lineage: string;
  readonly factors: readonly RiskFactor[];
}

export interface DetectionSummary {
  readonly runId: string;
  readonly params: DetectionParams;
  readonly timingsMs: Record<string, number>;
  readonly counts: { shopsLinked: number; edges: number; clusters: number; flagged: number; clusteredShops: number; hubs: number; identifiers: number };
  readonly modularity: number;
  readonly lineage: Record<string, number>;
  readonly clusters: DetectedCluster[];
}

export type ProgressListener = (stage: string) => void;

/** Engines by name; the fast engine registers itself here when it is available. */
export const DETECTORS: Partial<Record<DetectionParams['engine'], CommunityDetector>> = { graphology: graphologyLouvain, ringwatch: ringwatchLouvain() };

/**
 * One detection run: read shared identifiers in bulk, project the weighted shop graph (hubs left out),
 * find communities, keep ids stable against the previous run, score risk, write everything back.
 */
@Injectable()
export class DetectionService {
  constructor(
    @Inject(DetectionRepository) private readonly repository: DetectionRepository,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    @Optional() @Inject(ReadCache) private readonly cache?: ReadCache,
  ) {}

  defaultParams(): DetectionParams {
    const { retention: _perRunIrrelevant, ...params } = this.config.detection;
    return params;
  }

  /**
   * Reads shared identifiers (shops as dense indices) and projects the weighted shop graph. Exposed so
   * benchmarks can hand the very same graph to other engines.
   */
  async project(params: DetectionParams, lap: (stage: string) => void = () => {}): Promise<{ ids: string[]; projection: Projection }> {
    const index = new Map<string, number>();
    const ids: string[] = [];
    const groups: IdentifierGroup[] = [];
    await this.repository.readGroups(params.hubThreshold, (g) => {
      const shops = new Int32Array(g.shops.length);
      g.shops.forEach((id, i) => {
        let k = index.get(id);
        if (k === undefined) {
          k = ids.length;
          index.set(id, k);
          ids.push(id);
        }
        shops[i] = k;
      });
      groups.push({ kind: g.kind, key: g.key, shopCount: g.shopCount, shops });
    });
    const sellers = await this.repository.shopSellers(ids);
    const sellerIndex = new Map<string, number>();
    const sellerOf = Int32Array.from(ids, (id) => {
      const seller = sellers.get(id);
      if (seller === undefined) return -1;
      let k = sellerIndex.get(seller);
      if (k === undefined) sellerIndex.set(seller, (k = sellerIndex.size));
      return k;
    });
    lap('read');
    const projection = projectShops(ids.length, groups, { hubThreshold: params.hubThreshold, minShared: params.minShared, sellerOf });
    lap('project');
    return { ids, projection };
  }

  async run(overrides: Partial<DetectionParams> = {}, trigger = 'manual', progress: ProgressListener = () => {}): Promise<DetectionSummary> {
    const params = { ...this.defaultParams(), ...overrides };
    const detector = params.engine === 'ringwatch' && params.threads === 2 ? ringwatchLouvain('modularity', 2) : DETECTORS[params.engine];
    if (!detector) throw new Error(`detection: engine "${params.engine}" is not available`);
    const runId = randomUUID();
    const timings: Record<string, number> = {};
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      timings[name] = Math.round(now - t);
      t = now;
      progress(name);
    };
    await this.repository.createRun({ id: runId, params: JSON.stringify(params), seed: params.seed, engine: detector.name, trigger });
    try {
      const { ids, projection } = await this.project(params, lap);
      const communities = detectCommunities(projection.graph, { detector, resolution: params.resolution, seed: params.seed });
      lap('detect');

      // Score: member facts are read for clustered shops only.
      const clusteredIds = communities.clusters.flat().map((v) => ids[v]!);
      const typicalPrices = await this.repository.brandTypicalPrices();
      const facts = new Map((await this.repository.memberFacts(clusteredIds, typicalPrices, RISK_DEFAULTS.discountRatio)).map((f) => [f.id, f]));
      const strongLinked = new Uint8Array(ids.length);
      const internal = new Float64Array(ids.length);
      const totalWeight = new Float64Array(ids.length);
      const { src, dst, weight } = projection.graph;
      for (let e = 0; e < src.length; e++) {
        const a = src[e]!;
        const b = dst[e]!;
        totalWeight[a]! += weight[e]!;
        totalWeight[b]! += weight[e]!;
        const same = communities.membership[a]! >= 0 && communities.membership[a] === communities.membership[b];
        if (same) {
          internal[a]! += weight[e]!;
          internal[b]! += weight[e]!;
          if (projection.strong[e]) strongLinked[a] = strongLinked[b] = 1;
        }
      }
      lap('score-read');

      // Stable ids and lineage against the previous run; new ids come from a sequence that never repeats.
      const previous = await this.repository.previousClusters();
      const memberIds = communities.clusters.map((c) => c.map((v) => ids[v]!));
      const fresh = memberIds.length;
      const first = await this.repository.reserveClusterNumbers(fresh);
      const lineage = assignStableIds(previous, memberIds, (i) => `C${String(first + i).padStart(6, '0')}`);

      const clusters: ClusterWrite[] = [];
      const members: { shop: string; key: string; confidence: number }[] = [];
      const result: DetectedCluster[] = [];
      const lineageCounts: Record<string, number> = {};
      for (const e of lineage.events) lineageCounts[e.type] = (lineageCounts[e.type] ?? 0) + 1;
      const eventOf = new Map(lineage.events.filter((e) => e.type !== 'dissolved').map((e) => [e.clusterId, e]));
      communities.clusters.forEach((nodes, i) => {
        const id = lineage.ids[i]!;
        const memberFacts: MemberFacts[] = nodes.map((v) => {
          const f = facts.get(ids[v]!);
          return {
            openedAt: f?.openedAt ?? null,
            status: f?.status ?? null,
            brandedListings: f?.branded ?? 0,
            deepDiscountListings: f?.deep ?? 0,
            counterfeitReports: f?.reports ?? 0,
            strongLink: strongLinked[v] === 1,
          };
        });
        const risk = scoreCluster(memberFacts, { flagThreshold: params.flagThreshold });
        const event = eventOf.get(id);
        const brandShops = new Map<string, number>();
        for (const v of nodes) for (const brand of facts.get(ids[v]!)?.brands ?? []) brandShops.set(brand, (brandShops.get(brand) ?? 0) + 1);
        clusters.push({
          id,
          size: nodes.length,
          risk: risk.score,
          flagged: risk.flagged,
          factors: JSON.stringify(risk.factors),
          lineage: event?.type ?? 'new',
          lineageFrom: [...(event?.from ?? [])],
          sizeBefore: event?.sizeBefore ?? 0,
          brands: [...brandShops].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([brand]) => brand),
        });
        for (const v of nodes) {
          members.push({
            shop: ids[v]!,
            key: `${runId}:${id}`,
            confidence: totalWeight[v]! > 0 ? Math.round((internal[v]! / totalWeight[v]!) * 1000) / 1000 : 1,
          });
        }
        result.push({ id, members: memberIds[i]!, risk: risk.score, flagged: risk.flagged, lineage: event?.type ?? 'new', factors: risk.factors });
      });
      lap('score');

      // Write back.
      await this.repository.writeClusters(runId, clusters, members);
      const counts = {
        shopsLinked: ids.length,
        edges: projection.graph.src.length,
        clusters: clusters.length,
        flagged: clusters.filter((c) => c.flagged).length,
        clusteredShops: members.length,
        hubs: projection.hubs.length,
        identifiers: projection.linkingIdentifiers,
      };
      const topHubs = [...projection.hubs].sort((a, b) => b.shopCount - a.shopCount).slice(0, 100);
      lap('write');
      await this.repository.finishRun(runId, {
        status: 'completed',
        timings: JSON.stringify(timings),
        modularity: communities.modularity,
        counts: JSON.stringify(counts),
        hubs: JSON.stringify(topHubs),
        lineage: JSON.stringify(lineageCounts),
        error: null,
        // Kept with the run: dossiers compare a cluster's prices with the brand prices it was scored on.
        typicalPrices: JSON.stringify(typicalPrices),
      });
      await this.repository.prune(this.config.detection.retention);
      this.cache?.invalidate();
      return { runId, params, timingsMs: timings, counts, modularity: communities.modularity, lineage: lineageCounts, clusters: result };
    } catch (error) {
      await this.repository
        .finishRun(runId, {
          status: 'failed',
          timings: JSON.stringify(timings),
          modularity: null,
          counts: '{}',
          hubs: '[]',
          lineage: '{}',
          error: error instanceof Error ? error.message : String(error),
          typicalPrices: '{}',
        })
        .catch(() => undefined);
      throw error;
    }
  }
}
