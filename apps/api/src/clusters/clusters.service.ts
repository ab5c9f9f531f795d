import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ClusterDetail, ClusterGraph, ClusterListQuery, ClusterPage } from '@ringwatch/wire';
import { IdentityReads } from '../audit/identity-reads';
import type { SharedIdentifierRow } from '../evidence/evidence.repository';
import { EvidenceService, type SharedIdentifierFact } from '../evidence/evidence.service';
import type { Actor } from '../common/actor';
import { ReadCache } from '../common/read-cache';
import { Redaction, type IdentityView } from '../common/redaction';
import { ClustersRepository } from './clusters.repository';

/** Cached copies are kept apart by what their callers may see. */
const viewName = (view: IdentityView) => (view.identities ? 'identities' : 'redacted');

@Injectable()
export class ClustersService {
  constructor(
    @Inject(ClustersRepository) private readonly repository: ClustersRepository,
    @Inject(EvidenceService) private readonly evidence: EvidenceService,
    @Inject(ReadCache) private readonly cache: ReadCache,
    @Inject(Redaction) private readonly redaction: Redaction,
    @Inject(IdentityReads) private readonly reads: IdentityReads,
  ) {}

  list(query: ClusterListQuery): Promise<ClusterPage> {
    return this.cache.get(`clusters:${JSON.stringify(query)}`, () => this.repository.list(query));
  }

  detail(id: string, runId: string | undefined): Promise<ClusterDetail> {
    return this.cache.get(`cluster:${runId ?? 'latest'}:${id}`, () => this.readDetail(id, runId));
  }

  private async readDetail(id: string, runId: string | undefined): Promise<ClusterDetail> {
    const { identifiers: _none, ...detail } = await this.readRow(id, runId, false);
    return detail;
  }

  /** The cluster's row, members ordered and factors parsed; with its stored shared identifiers when asked. */
  private async readRow(id: string, runId: string | undefined, withIdentifiers: boolean): Promise<ClusterDetail & { identifiers: string | null }> {
    const row = await this.repository.detail(id, runId, withIdentifiers);
    if (!row) throw new NotFoundException(`cluster ${id} not found${runId ? ` in run ${runId}` : ' in the latest run'}`);
    const members = [...row.members].sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));
    return { ...row, factors: JSON.parse(row.factors) as ClusterDetail['factors'], members };
  }

  /**
   * The cluster as a graph for the explorer: its shops and the identifiers two or more of them share,
   * each identifier linked to the shops using it. Capped at `limit` nodes (shops first, then the most
   * shared identifiers) with an explicit `truncated` flag, so the browser never gets more than asked.
   * Identifier ids and labels as the caller may see them (one cached copy per view).
   */
  graph(id: string, runId: string | undefined, limit: number, actor: Actor, live = false): Promise<ClusterGraph> {
    const view = this.redaction.viewFor(actor.roles);
    if (live) return this.readGraph(id, runId, limit, view, true);
    return this.cache.get(`cluster-graph:${viewName(view)}:${runId ?? 'latest'}:${id}:${limit}`, () => this.readGraph(id, runId, limit, view));
  }

  /** The graph as JSON text: big graphs are requested often and serialising them is most of the cost of a hit. */
  async graphJson(id: string, runId: string | undefined, limit: number, actor: Actor): Promise<string> {
    const view = this.redaction.viewFor(actor.roles);
    const json = await this.cache.get(`cluster-graph-json:${viewName(view)}:${runId ?? 'latest'}:${id}:${limit}`, async () =>
      JSON.stringify(await this.graph(id, runId, limit, actor)),
    );
    await this.reads.record(actor, { via: `GET /clusters/${id}/graph`, target: `cluster:${id}` });
    return json;
  }

  /**
   * The identifiers the cluster's members share: as written with the run (one lookup with the cluster),
   * or worked out live for a run written before they were kept, or when `live` asks for it (tests hold
   * the two equal).
   */
  async sharedIdentifiers(id: string, runId: string | undefined, live = false): Promise<{ cluster: ClusterDetail; shared: SharedIdentifierFact[] }> {
    const { identifiers, ...cluster } = await this.readRow(id, runId, !live);
    const shared =
      identifiers === null || live
        ? await this.evidence.shared(cluster.members.map((m) => m.id))
        : this.evidence.weigh(JSON.parse(identifiers) as SharedIdentifierRow[]);
    return { cluster, shared };
  }

  private async readGraph(id: string, runId: string | undefined, limit: number, view: IdentityView, live = false): Promise<ClusterGraph> {
    const { cluster, shared } = await this.sharedIdentifiers(id, runId, live);
    const shops = cluster.members.slice(0, limit).map((m) => ({
      id: m.id,
      type: 'shop' as const,
      kind: 'shop',
      label: m.name,
      status: m.status,
      confidence: m.confidence,
      hub: false,
      shopCount: null,
    }));
    const kept = new Set(shops.map((s) => s.id));
    const room = limit - shops.length;
    const identifiers = [...shared].sort((a, b) => b.shops.length - a.shops.length).slice(0, Math.max(0, room));
    const nodes: ClusterGraph['nodes'] = [...shops];
    const edges: ClusterGraph['edges'] = [];
    for (const identifier of identifiers) {
      // Keys are unique per identifier; labels are not (two cards can end in the same four digits).
      const nodeId = view.nodeId(identifier.kind, identifier.key);
      nodes.push({
        id: nodeId,
        type: 'identifier',
        kind: identifier.kind,
        label: view.label(identifier.kind, identifier.label, identifier.place),
        status: null,
        confidence: null,
        hub: identifier.hub,
        shopCount: identifier.shopCount,
      });
      for (const shop of identifier.shops) if (kept.has(shop)) edges.push({ source: shop, target: nodeId, kind: identifier.kind });
    }
    const truncated = shops.length < cluster.members.length || identifiers.length < shared.length;
    return { clusterId: cluster.id, runId: cluster.runId, truncated, nodes, edges };
  }
}
