import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { AddressKind, IdentifierKind } from '@ringwatch/kinds';
import type { ClusterDetail, ClusterGraph } from '@ringwatch/wire';
import type { IdentityView } from '../common/redaction';
import { roundMoney, totalsByCurrency } from './money';
import { byAction, judgePremises, pooledFromRun, type PremisesVerdict } from './premises';
import type {
  DossierCase,
  DossierListingDetailRow,
  DossierPaymentRow,
  DossierReferral,
  DossierAccountRow,
  DossierContactRow,
  DossierHistory,
  DossierListingRow,
  DossierReportRow,
  DossierShopRow,
  DossierAddressRow,
} from './dossiers.repository';

export interface Dossier {
  cluster: { id: string; runId: string; runStartedAt: string; risk: number; flagged: boolean; status: string; size: number; lineage: string };
  /** The case following the network: its id is the reference on every page. */
  case: { id: string; status: string } | null;
  referral: DossierReferral | null;
  /** Addresses and payout accounts ranked for action: the network's own first, shared facilities apart. */
  premises: Premise[];
  summary: {
    why: string[];
    factors: ClusterDetail['factors'];
    estimatedGmv: { currency: string; amount: number }[];
    firstSeen: string | null;
    lastSeen: string | null;
  };
  timeline: { at: string; event: string; detail: string }[];
  shops: Omit<DossierShopRow, 'sellerName' | 'sellerRegisteredAt' | 'kyc' | 'emails' | 'phones' | 'devices'>[];
  sellers: {
    id: string;
    name: string | null;
    country: string | null;
    registeredAt: string | null;
    kyc: string[];
    emails: string[];
    phones: string[];
    devices: string[];
    shops: string[];
  }[];
  places: {
    country: string;
    region: string;
    city: string;
    addresses: {
      text: string;
      postcode: string | null;
      shopCount: number;
      uses: { shop: string; kind: AddressKind }[];
      exclusivity: number;
      verdict: PremisesVerdict;
      reason: string;
    }[];
  }[];
  accounts: (Omit<DossierAccountRow, 'key'> & { exclusivity: number; verdict: PremisesVerdict; reason: string })[];
  listings: Omit<DossierListingDetailRow, never>[];
  payments: Omit<DossierPaymentRow, never>[];
  phones: { number: string; shops: string[] }[];
  devices: { device: string; shops: string[] }[];
  listingsByBrand: (DossierListingRow & { medianToTypical: number | null })[];
  confirmations: DossierReportRow[];
  graph: {
    nodes: { id: string; kind: string; label: string; x: number; y: number; hub: boolean; status: string | null }[];
    edges: { source: string; target: string }[];
    truncated: boolean;
  };
  provenance: {
    runId: string;
    runStartedAt: string;
    params: unknown;
    seed: number | null;
    engine: string | null;
    dataTimestamp: string | null;
    generatedAt: string;
    generatedBy: string;
    redacted: boolean;
  };
}

export interface Premise {
  kind: 'address' | 'account';
  /** The address as the caller may see it, or the masked account with its provider. */
  label: string;
  place: string | null;
  roles: string[];
  networkShops: number;
  shopCount: number;
  exclusivity: number;
  first: string | null;
  last: string | null;
  verdict: PremisesVerdict;
  reason: string;
}

export interface DossierInput {
  cluster: ClusterDetail;
  graph: ClusterGraph;
  history: DossierHistory;
  shops: DossierShopRow[];
  addresses: DossierAddressRow[];
  accounts: DossierAccountRow[];
  contacts: DossierContactRow[];
  listings: DossierListingRow[];
  reports: DossierReportRow[];
  listingRows: DossierListingDetailRow[];
  payments: DossierPaymentRow[];
  case: DossierCase;
  /** The hub threshold when the run does not record its own. */
  hubThreshold: number;
  generatedAt: string;
  generatedBy: string;
  /** What the caller may see of people; the graph comes already through the same view (ClustersService.graph). */
  view: IdentityView;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Positions for the evidence graph image: seeded start, a fixed number of ForceAtlas2 steps. */
function layout(graph: ClusterGraph): Dossier['graph'] {
  const g = new Graph({ type: 'undirected' });
  const shops = graph.nodes.filter((n) => n.type === 'shop');
  shops.forEach((n, i) => {
    const angle = i * 2.399963;
    const r = Math.sqrt((i + 0.5) / shops.length) * 100;
    g.addNode(n.id, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  });
  for (const n of graph.nodes) if (!g.hasNode(n.id)) g.addNode(n.id, { x: 0, y: 0 });
  for (const e of graph.edges) if (g.hasNode(e.source) && g.hasNode(e.target) && !g.hasEdge(e.source, e.target)) g.addEdge(e.source, e.target);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  // Identifiers start at the centre of their shops, so the few iterations below only refine.
  g.forEachNode((node) => {
    if (byId.get(node)?.type !== 'identifier') return;
    const around = g.neighbors(node);
    if (around.length === 0) return;
    g.mergeNodeAttributes(node, {
      x: around.reduce((s, m) => s + (g.getNodeAttribute(m, 'x') as number), 0) / around.length + 0.5,
      y: around.reduce((s, m) => s + (g.getNodeAttribute(m, 'y') as number), 0) / around.length + 0.5,
    });
  });
  if (g.order > 1) forceAtlas2.assign(g, { iterations: 150, settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 1000 } });
  return {
    truncated: graph.truncated,
    nodes: g.mapNodes((id, a) => {
      const n = byId.get(id)!;
      return { id, kind: n.kind, label: n.label ?? id, x: a.x as number, y: a.y as number, hub: n.hub, status: n.status };
    }),
    edges: g.mapEdges((_e, _a, source, target) => ({ source, target })),
  };
}

/** Assembles the dossier from what the repository read; pure, so it is tested without Neo4j. */
export function buildDossier(input: DossierInput): Dossier {
  const { cluster, history, view } = input;
  const redacted = !view.identities;
  const params = typeof history.run?.params === 'string' ? (JSON.parse(history.run.params) as unknown) : (history.run?.params ?? null);
  const runThreshold = (params as { hubThreshold?: unknown } | null)?.hubThreshold;
  const rules = {
    hubThreshold: typeof runThreshold === 'number' ? runThreshold : input.hubThreshold,
    pooled: pooledFromRun(history.run?.hubs),
  };
  const kase = input.case;
  // The officer's contact is personal data: whole for those who see people, withheld in a redacted dossier.
  const referral = kase.case?.referral ? { ...kase.case.referral, contact: view.contact(kase.case.referral.contact) ?? '' } : null;
  const timeline: Dossier['timeline'] = [];
  for (const s of input.shops) if (s.openedAt) timeline.push({ at: s.openedAt, event: 'shop opened', detail: `${s.id} ${s.name ?? ''}`.trim() });
  for (const r of input.reports)
    if (r.reportedAt) timeline.push({ at: r.reportedAt, event: `brand report: ${r.verdict}`, detail: `${r.brand ?? ''} on ${r.listingId} (${r.shopId})` });
  for (const run of history.runs)
    timeline.push({
      at: run.at,
      event: `detection: ${run.lineage}`,
      detail: `${run.size} shops, risk ${run.risk}${run.flagged ? ', flagged' : ''} (run ${run.runId})`,
    });
  for (const x of history.shutdowns) {
    if (!x.proposedAt) continue;
    timeline.push({ at: x.proposedAt, event: 'shutdown proposed', detail: `by ${x.proposedBy} (${x.id})` });
    if (x.decidedAt)
      timeline.push({
        at: x.decidedAt,
        event: x.status === 'rejected' ? 'shutdown rejected' : 'shutdown approved',
        detail: `by ${x.decidedBy ?? '?'} (${x.id})`,
      });
    if (x.executedAt) timeline.push({ at: x.executedAt, event: 'shutdown executed', detail: `${x.shops} shops, approved by ${x.decidedBy ?? '?'}` });
  }
  for (const r of kase.reinstatements)
    timeline.push({ at: r.at, event: 'shop reinstated', detail: `${r.shopId} by ${r.by ?? '?'}${r.reason ? `: ${r.reason}` : ''}` });
  for (const a of kase.appeals)
    timeline.push({ at: a.at, event: 'appeal upheld', detail: `${a.listingId} (${a.shopId}) by ${a.by ?? '?'}${a.note ? `: ${a.note}` : ''}` });
  if (kase.case) {
    if (kase.case.createdAt) timeline.push({ at: kase.case.createdAt, event: 'case opened', detail: kase.case.id });
    for (const e of kase.case.events)
      if (e.type === 'status') timeline.push({ at: e.at, event: 'case status', detail: `${e.detail ?? ''}${e.actor ? ` (by ${e.actor})` : ''}` });
    if (referral)
      timeline.push({
        at: referral.recordedAt,
        event: 'referred',
        detail: `to ${referral.agency}, reference ${referral.reference}, on ${referral.date}, contact ${referral.contact}`,
      });
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  const openings = input.shops
    .map((s) => s.openedAt)
    .filter((t): t is string => t !== null)
    .sort();

  const shown = (kind: Exclude<IdentifierKind, AddressKind>, value: string) => view.label(kind, value) ?? '';
  const sellers = new Map<string, Dossier['sellers'][number]>();
  for (const s of input.shops) {
    if (!s.sellerId) continue;
    const seller = sellers.get(s.sellerId) ?? {
      id: s.sellerId,
      name: view.personName(s.sellerName),
      country: s.sellerCountry,
      registeredAt: s.sellerRegisteredAt,
      kyc: s.kyc.map((k) => shown('kyc', k)),
      emails: s.emails.map((e) => shown('email', e)),
      phones: s.phones.map((p) => shown('phone', p)),
      devices: s.devices.map((d) => shown('device', d)),
      shops: [],
    };
    seller.shops.push(s.id);
    sellers.set(s.sellerId, seller);
  }

  const places = new Map<string, Dossier['places'][number]>();
  const premises: Premise[] = [];
  for (const a of input.addresses) {
    const key = `${a.country ?? ''}|${a.region ?? ''}|${a.city ?? ''}`;
    const place = places.get(key) ?? { country: a.country ?? '?', region: a.region ?? '–', city: a.city ?? '?', addresses: [] };
    const text = view.address(a.text ?? a.key, a) ?? '';
    const networkShops = new Set(a.uses.map((u) => u.shop)).size;
    const judged = judgePremises(a.key, networkShops, a.shopCount, rules);
    place.addresses.push({ text, postcode: view.postcode(a.postcode), shopCount: a.shopCount, uses: a.uses, ...judged });
    places.set(key, place);
    premises.push({
      kind: 'address',
      label: text,
      place: [a.city, a.region, a.country].filter(Boolean).join(', ') || null,
      roles: [...new Set(a.uses.map((u) => u.kind))].sort(),
      networkShops,
      shopCount: a.shopCount,
      first: a.first,
      last: a.last,
      ...judged,
    });
  }
  const accounts = input.accounts.map(({ key, ...a }) => {
    const judged = judgePremises(key, a.shops.length, a.shopCount, rules);
    const times = a.volume
      .flatMap((v) => [v.first, v.last])
      .filter((t): t is string => t !== null)
      .sort();
    premises.push({
      kind: 'account',
      label: `${a.masked ?? '?'} (${a.kind ?? 'account'}, ${a.provider ?? 'provider unknown'})`,
      place: null,
      roles: ['payout'],
      networkShops: a.shops.length,
      shopCount: a.shopCount,
      first: times[0] ?? null,
      last: times.at(-1) ?? null,
      ...judged,
    });
    return { ...a, volume: a.volume.map((v) => ({ ...v, amount: roundMoney(v.amount, v.currency) })), ...judged };
  });

  return {
    cluster: {
      id: cluster.id,
      runId: cluster.runId,
      runStartedAt: cluster.runStartedAt,
      risk: cluster.risk,
      flagged: cluster.flagged,
      status: cluster.status,
      size: cluster.size,
      lineage: cluster.lineage,
    },
    case: kase.case ? { id: kase.case.id, status: kase.case.status } : null,
    referral,
    premises: premises.sort(byAction),
    summary: {
      why: cluster.factors
        .filter((f) => f.points > 0)
        .sort((a, b) => b.points - a.points)
        .map((f) => `${f.explanation} (+${f.points.toFixed(0)})`),
      factors: cluster.factors,
      // Per currency, never converted: the data holds no exchange rates.
      estimatedGmv: totalsByCurrency(input.accounts.flatMap((a) => a.volume)),
      firstSeen: openings[0] ?? null,
      lastSeen: openings.at(-1) ?? null,
    },
    timeline,
    shops: input.shops.map(({ sellerName: _n, sellerRegisteredAt: _r, kyc: _k, emails: _e, phones: _p, devices: _d, ...shop }) => shop),
    sellers: [...sellers.values()],
    places: [...places.values()].sort((a, b) => b.addresses.reduce((s, x) => s + x.uses.length, 0) - a.addresses.reduce((s, x) => s + x.uses.length, 0)),
    accounts,
    listings: input.listingRows.map((l) => ({ ...l, price: l.price !== null && l.currency ? roundMoney(l.price, l.currency) : l.price })),
    payments: input.payments.map((p) => ({
      ...p,
      amount: roundMoney(p.amount, p.currency),
      smallest: roundMoney(p.smallest, p.currency),
      largest: roundMoney(p.largest, p.currency),
    })),
    phones: input.contacts.filter((c) => c.kind === 'phone').map((c) => ({ number: shown('phone', c.key), shops: c.shops })),
    devices: input.contacts.filter((c) => c.kind === 'device').map((c) => ({ device: shown('device', c.key), shops: c.shops })),
    listingsByBrand: input.listings.map((l) => ({
      ...l,
      ...(l.currency
        ? {
            minPrice: l.minPrice === null ? null : roundMoney(l.minPrice, l.currency),
            medianPrice: l.medianPrice === null ? null : roundMoney(l.medianPrice, l.currency),
            maxPrice: l.maxPrice === null ? null : roundMoney(l.maxPrice, l.currency),
            typicalPrice: l.typicalPrice === null ? null : roundMoney(l.typicalPrice, l.currency),
          }
        : {}),
      medianToTypical: l.medianPrice !== null && l.typicalPrice ? round(l.medianPrice / l.typicalPrice) : null,
    })),
    confirmations: input.reports,
    graph: layout(input.graph),
    provenance: {
      runId: cluster.runId,
      runStartedAt: cluster.runStartedAt,
      params,
      seed: history.run?.seed ?? null,
      engine: history.run?.engine ?? null,
      dataTimestamp: history.dataTimestamp,
      generatedAt: input.generatedAt,
      generatedBy: input.generatedBy,
      redacted,
    },
  };
}
