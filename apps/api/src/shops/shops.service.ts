import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import type { Neighbourhood, Reinstated, ShopDetail } from '@ringwatch/wire';
import { AuditRepository } from '../audit/audit.repository';
import { IdentityReads } from '../audit/identity-reads';
import type { Actor } from '../common/actor';
import { ReadCache } from '../common/read-cache';
import { Redaction } from '../common/redaction';
import { CONFIG } from '../common/tokens';
import { ShopsRepository } from './shops.repository';

@Injectable()
export class ShopsService {
  constructor(
    @Inject(ShopsRepository) private readonly repository: ShopsRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    @Inject(ReadCache) private readonly cache: ReadCache,
    @Inject(Redaction) private readonly redaction: Redaction,
    @Inject(IdentityReads) private readonly reads: IdentityReads,
  ) {}

  /** A shop with its seller; the seller's name as the caller may see it (an unredacted one is audited). */
  async detail(id: string, actor: Actor): Promise<ShopDetail> {
    const shop = await this.find(id);
    if (shop.sellerId !== null) await this.reads.record(actor, { via: `GET /shops/${id}`, sellers: [shop.sellerId] });
    return { ...shop, sellerName: this.redaction.viewFor(actor.roles).personName(shop.sellerName) };
  }

  private async find(id: string): Promise<ShopDetail> {
    const shop = await this.repository.detail(id);
    if (!shop) throw new NotFoundException(`shop ${id} not found`);
    return shop;
  }

  /**
   * The shops reachable from one shop through shared identifiers, breadth first up to `depth` steps,
   * with the identifiers on the way. Hubs are shown but not walked through (a warehouse would pull in
   * thousands of unrelated shops). At most `limit` nodes, with `truncated` set when more were found.
   * Identifier ids and labels as the caller may see them: the same ids as in the cluster graph, so the
   * explorer can merge a neighbourhood into it.
   */
  async neighbourhood(id: string, depth: number, limit: number, actor: Actor): Promise<Neighbourhood> {
    const view = this.redaction.viewFor(actor.roles);
    const start = await this.find(id);
    const nodes = new Map<string, Neighbourhood['nodes'][number]>();
    const edges = new Map<string, Neighbourhood['edges'][number]>();
    nodes.set(start.id, { id: start.id, type: 'shop', kind: 'shop', label: start.name, status: start.status, depth: 0, hub: false, shopCount: null });
    let truncated = false;
    let frontier = [start.id];
    for (let step = 1; step <= depth && frontier.length > 0 && !truncated; step++) {
      const rows = await this.repository.neighbours(frontier, this.config.detection.hubThreshold, limit);
      rows.sort((a, b) => a.shopCount - b.shopCount || a.key.localeCompare(b.key));
      const next: string[] = [];
      for (const row of rows) {
        const nodeId = view.nodeId(row.kind, row.key);
        if (!nodes.has(nodeId)) {
          if (nodes.size >= limit) {
            truncated = true;
            break;
          }
          const hub = row.shopCount > this.config.detection.hubThreshold;
          const label = view.label(row.kind, row.label, row.place);
          nodes.set(nodeId, { id: nodeId, type: 'identifier', kind: row.kind, label, status: null, depth: step, hub, shopCount: row.shopCount });
        }
        for (const shop of row.from) edges.set(`${shop}|${nodeId}`, { source: shop, target: nodeId, kind: row.kind });
        if (row.others.length < row.otherCount) truncated = true;
        for (const other of row.others) {
          if (!nodes.has(other)) {
            if (nodes.size >= limit) {
              truncated = true;
              break;
            }
            nodes.set(other, { id: other, type: 'shop', kind: 'shop', label: null, status: null, depth: step, hub: false, shopCount: null });
            next.push(other);
          }
          edges.set(`${other}|${nodeId}`, { source: other, target: nodeId, kind: row.kind });
        }
      }
      frontier = next;
    }
    const reached = [...nodes.values()].filter((n) => n.type === 'shop' && n.depth > 0).map((n) => n.id);
    for (const shop of await this.repository.summaries(reached)) {
      const node = nodes.get(shop.id);
      if (node) Object.assign(node, { label: shop.name, status: shop.status });
    }
    await this.reads.record(actor, { via: `GET /shops/${id}/neighbourhood`, target: `shop:${id}` });
    return { shopId: start.id, depth, truncated, nodes: [...nodes.values()], edges: [...edges.values()] };
  }

  /** An upheld appeal: the shop and the listings its shutdown delisted come back; audited with the reason. */
  async reinstate(id: string, reason: string, actor: Actor): Promise<Reinstated> {
    const current = await this.repository.status(id);
    if (!current) throw new NotFoundException(`shop ${id} not found`);
    if (current.status !== 'suspended') throw new ConflictException(`shop ${id} is ${current.status ?? 'without a status'}, not suspended`);
    const done = await this.repository.reinstate(id, reason, actor.name, (won) =>
      won
        ? {
            actor: actor.name,
            action: 'shop.reinstate',
            target: `shop:${id}`,
            before: { status: won.before, suspendedBy: won.shutdownId },
            after: { status: 'active', relisted: won.relisted, reason },
            requestId: actor.requestId,
          }
        : null,
    );
    if (!done) throw new ConflictException(`shop ${id} was reinstated by someone else meanwhile`);
    this.cache.invalidate();
    return { id, status: 'active', relisted: done.relisted, shutdownId: done.shutdownId };
  }
}
