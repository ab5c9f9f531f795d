import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import type { Neighbourhood, Reinstated, ShopActivity, ShopDetail, ShopEvent, ShopListingsPage, ShopMetrics, ShopPath } from '@ringwatch/wire';
import { AuditRepository } from '../audit/audit.repository';
import { IdentityReads } from '../audit/identity-reads';
import type { Actor } from '../common/actor';
import { ReadCache } from '../common/read-cache';
import { Redaction } from '../common/redaction';
import { CONFIG } from '../common/tokens';
import { ShopsRepository, type NeighbourRow } from './shops.repository';

/** A path search gives up past this many shops on one side's frontier (a ring never needs it). */
const PATH_FRONTIER_MAX = 5000;

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
   * explorer can merge a neighbourhood into it. Through one identifier at most `perIdentifier` other
   * shops are drawn (one wide payout account would otherwise fill a depth-3 picture); `cut` says which
   * identifiers were cut and how many shops they have.
   */
  async neighbourhood(id: string, depth: number, limit: number, actor: Actor, perIdentifier = limit): Promise<Neighbourhood> {
    const view = this.redaction.viewFor(actor.roles);
    const start = await this.find(id);
    const nodes = new Map<string, Neighbourhood['nodes'][number]>();
    const edges = new Map<string, Neighbourhood['edges'][number]>();
    nodes.set(start.id, { id: start.id, type: 'shop', kind: 'shop', label: start.name, status: start.status, depth: 0, hub: false, shopCount: null });
    const cut: Neighbourhood['cut'] = [];
    let truncated = false;
    let frontier = [start.id];
    for (let step = 1; step <= depth && frontier.length > 0 && !truncated; step++) {
      const rows = await this.repository.neighbours(frontier, this.config.detection.hubThreshold, Math.min(perIdentifier, limit));
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
        if (row.others.length < row.otherCount) {
          cut.push({ id: nodeId, kind: row.kind, label: nodes.get(nodeId)?.label ?? null, shown: row.others.length, of: row.otherCount });
          // Cut by the node limit rather than the per-identifier cap: the picture is truncated.
          if (row.others.length < perIdentifier) truncated = true;
        }
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
    return { shopId: start.id, depth, truncated, nodes: [...nodes.values()], edges: [...edges.values()], cut };
  }

  /** A page of the shop's listings, each price set against comparable listings (its brand, same currency, 90th percentile). */
  async listings(id: string, skip: number, limit: number): Promise<ShopListingsPage> {
    const row = await this.repository.listings(id, skip, limit);
    if (!row) throw new NotFoundException(`shop ${id} not found`);
    return {
      total: row.total,
      items: row.items.map((l) => {
        const typicalPrice = l.typicalPrice === null ? null : Math.round(l.typicalPrice * 100) / 100;
        const priceRatio = typicalPrice && l.price !== null ? Math.round((l.price / typicalPrice) * 100) / 100 : null;
        return { ...l, typicalPrice, priceRatio };
      }),
    };
  }

  /** Payouts per currency and the shop's timeline (opened, reports, clusters over runs, shutdowns, reinstatement), oldest first. */
  async activity(id: string): Promise<ShopActivity> {
    const row = await this.repository.activity(id, 200);
    if (!row) throw new NotFoundException(`shop ${id} not found`);
    const events: ShopEvent[] = [];
    if (row.openedAt) events.push({ at: row.openedAt, kind: 'opened', text: 'Shop opened', link: null });
    for (const r of row.reports) {
      if (r.at)
        events.push({ at: r.at, kind: 'report', text: `${r.brand ?? 'A brand'} reported listing ${r.listingId}: ${r.verdict ?? 'no verdict'}`, link: null });
    }
    for (const c of row.clusters) {
      events.push({
        at: c.at,
        kind: 'cluster',
        text: `Detection put it in cluster ${c.clusterId} (risk ${c.risk?.toFixed(0) ?? '–'}${c.flagged ? ', flagged' : ''}; confidence ${c.confidence?.toFixed(2) ?? '–'})`,
        link: `#/clusters/${c.clusterId}?run=${c.runId}`,
      });
    }
    for (const d of row.shutdowns) {
      if (d.proposedAt) events.push({ at: d.proposedAt, kind: 'shutdown', text: `Shutdown proposed (now ${d.status})`, link: `#/shutdowns/${d.id}` });
      if (d.doneAt) events.push({ at: d.doneAt, kind: 'shutdown', text: 'Suspended by the shutdown', link: `#/shutdowns/${d.id}` });
    }
    if (row.reinstatedAt)
      events.push({ at: row.reinstatedAt, kind: 'reinstated', text: `Reinstated${row.reinstateReason ? `: ${row.reinstateReason}` : ''}`, link: null });
    events.sort((a, b) => a.at.localeCompare(b.at));
    return { payments: row.payments, timeline: events };
  }

  /** Listings and payout volume per shop, for sizing shops in a drawing. */
  async metrics(ids: string[]): Promise<ShopMetrics> {
    return { shops: await this.repository.metrics(ids) };
  }

  /**
   * The shortest evidence path between two shops: a breadth-first search from both ends at once over
   * the same one-step walk as the neighbourhood (hubs are not walked through), the smaller frontier
   * growing first, at most `maxSteps` shop-to-shop steps in all. Narrowly shared identifiers are
   * preferred where two links reach a shop in the same step. Identifiers as the caller may see them.
   */
  async path(from: string, to: string, maxSteps: number, actor: Actor): Promise<ShopPath> {
    const view = this.redaction.viewFor(actor.roles);
    const [a, b] = await Promise.all([this.find(from), this.find(to)]);
    await this.reads.record(actor, { via: `GET /shops/${from}/path`, target: `shops:${from},${to}` });
    type Link = { prev: string; row: NeighbourRow } | null;
    const sides = [
      { seen: new Map<string, Link>([[a.id, null]]), frontier: [a.id] },
      { seen: new Map<string, Link>([[b.id, null]]), frontier: [b.id] },
    ];
    let meet: string | null = a.id === b.id ? a.id : null;
    let truncated = false;
    const threshold = this.config.detection.hubThreshold;
    for (let step = 0; meet === null && step < maxSteps; step++) {
      const side = sides[0]!.frontier.length <= sides[1]!.frontier.length ? 0 : 1;
      const here = sides[side]!;
      const there = sides[1 - side]!;
      if (here.frontier.length === 0) break;
      if (here.frontier.length > PATH_FRONTIER_MAX) {
        truncated = true;
        break;
      }
      const rows = await this.repository.neighbours(here.frontier, threshold, threshold);
      rows.sort((x, y) => x.shopCount - y.shopCount || x.key.localeCompare(y.key));
      const next: string[] = [];
      for (const row of rows) {
        if (row.shopCount > threshold) continue;
        const via = [...row.from].sort()[0]!;
        for (const shop of row.others) {
          if (here.seen.has(shop)) continue;
          here.seen.set(shop, { prev: via, row });
          next.push(shop);
          if (there.seen.has(shop)) {
            meet = shop;
            break;
          }
        }
        if (meet !== null) break;
      }
      here.frontier = next;
    }
    if (meet === null) return { from: a.id, to: b.id, maxSteps, steps: 0, path: [], truncated, nodes: [], edges: [] };

    // From the meeting shop back to each end: [shop, identifier row, shop, …].
    const chain = (seen: Map<string, Link>, start: string) => {
      const out: (string | NeighbourRow)[] = [start];
      for (let link = seen.get(start); link; link = seen.get(link.prev)) out.push(link.row, link.prev);
      return out;
    };
    const steps = [...chain(sides[0]!.seen, meet).reverse(), ...chain(sides[1]!.seen, meet).slice(1)];
    const nodes = new Map<string, ShopPath['nodes'][number]>();
    const path = steps.map((step) => {
      if (typeof step === 'string') {
        nodes.set(step, { id: step, type: 'shop', kind: 'shop', label: null, status: null, hub: false, shopCount: null });
        return step;
      }
      const id = view.nodeId(step.kind, step.key);
      nodes.set(id, {
        id,
        type: 'identifier',
        kind: step.kind,
        label: view.label(step.kind, step.label, step.place),
        status: null,
        hub: false,
        shopCount: step.shopCount,
      });
      return id;
    });
    for (const shop of await this.repository.summaries(path.filter((_, i) => i % 2 === 0))) {
      Object.assign(nodes.get(shop.id)!, { label: shop.name, status: shop.status });
    }
    const edges = path.flatMap((id, i) =>
      i % 2 === 1 ? [path[i - 1]!, path[i + 1]!].map((shop) => ({ source: shop, target: id, kind: nodes.get(id)!.kind })) : [],
    );
    return { from: a.id, to: b.id, maxSteps, steps: (path.length - 1) / 2, path, truncated, nodes: [...nodes.values()], edges };
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
