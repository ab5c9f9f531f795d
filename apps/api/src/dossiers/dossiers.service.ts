import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import type { DossierQuery } from '@ringwatch/wire';
import { zipSync, strToU8 } from 'fflate';
import { AuditRepository } from '../audit/audit.repository';
import { IdentityReads } from '../audit/identity-reads';
import { ClustersService } from '../clusters/clusters.service';
import type { Actor } from '../common/actor';
import { ReadCache } from '../common/read-cache';
import { Redaction } from '../common/redaction';
import { WarmUp } from '../common/warm-up';
import { CONFIG } from '../common/tokens';
import { resolveSigningKey, type RingwatchConfig } from '@ringwatch/config';
import { toCsv } from '../common/csv';
import { buildDossier, type Dossier } from './dossier';
import { DossiersRepository } from './dossiers.repository';
import { dossierHtml } from './render-html';
import { dossierPdf, prepareFonts } from './render-pdf';
import { evidenceGraphml } from './graphml';
import { formatMoney } from './money';
import { RING_PREMISES } from './premises';
import { MANIFEST, PUBLIC_KEY, SIGNATURE, sha256, signingKey, type SigningKey } from './proof';

export type DossierFormat = DossierQuery['format'];

/** Enough of the graph to see the network on a page; a bigger cluster is drawn truncated (and says so). */
const GRAPH_LIMIT = 3000;

const EMPTY_DOSSIER: Dossier = {
  cluster: { id: 'warm-up', runId: '-', runStartedAt: '-', risk: 0, flagged: false, status: 'open', size: 0, lineage: 'new' },
  case: null,
  referral: null,
  premises: [],
  summary: { why: [], factors: [], estimatedGmv: [], firstSeen: null, lastSeen: null },
  timeline: [],
  shops: [],
  sellers: [],
  places: [],
  accounts: [],
  listings: [],
  payments: [],
  phones: [],
  devices: [],
  listingsByBrand: [],
  confirmations: [],
  graph: { nodes: [], edges: [], truncated: false },
  provenance: {
    runId: '-',
    runStartedAt: '-',
    params: null,
    seed: null,
    engine: null,
    dataTimestamp: null,
    generatedAt: '-',
    generatedBy: '-',
    redacted: true,
  },
};

const WARM_SHOP: Dossier['shops'][number] = {
  id: 'warm-up',
  name: '暖',
  status: 'active',
  category: null,
  openedAt: null,
  suspendedAt: null,
  suspendedBy: null,
  listings: 0,
  sellerId: null,
  sellerCountry: null,
};

/**
 * What the start-up render warms with: a line in every section of the PDF, a CJK name so that font is
 * parsed, and the size of a large network (`shops` shops, five listings each, a graph of two nodes a
 * shop beside one hub): V8 optimises the renderers' loops only once they have run long enough, so a
 * two-shop warm-up left the first real 300-shop zip twice as slow to render as the next (2.2 s against
 * 1.0–1.2 s).
 */
function warmDossier(shops: number): Dossier {
  const ids = Array.from({ length: shops }, (_, i) => `warm-${i + 1}`);
  const use = { shop: ids[0]!, kind: 'dispatch' as const };
  const premise = { verdict: RING_PREMISES, reason: `used only by the network: ${shops} of the ${shops} shops`, exclusivity: 1 };
  const hub = { id: 'adr:1', kind: 'dispatch', label: 'No.589 Pine Ave.', x: 2, y: 0, hub: true, status: null };
  return {
    ...EMPTY_DOSSIER,
    summary: { ...EMPTY_DOSSIER.summary, why: ['sellers share devices (+30)'], estimatedGmv: [{ currency: 'USD', amount: 1234.5 }] },
    timeline: ids.map((id, i) => ({ at: `2026-01-01T00:${String(i % 60).padStart(2, '0')}:00Z`, event: 'shop opened', detail: `${id} Warm Outlet ${i}` })),
    shops: ids.map((id, i) => ({ ...WARM_SHOP, id, name: i === 0 ? WARM_SHOP.name : `Warm Outlet ${i}`, sellerId: `U-${i}` })),
    sellers: ids.map((id, i) => ({
      id: `U-${i}`,
      name: 'Warm Seller',
      country: 'CN',
      registeredAt: null,
      kyc: ['P…0001'],
      emails: ['w***@example.com'],
      phones: ['+86 138…0000'],
      devices: ['dev-…01'],
      shops: [id],
    })),
    places: [
      {
        country: 'CN',
        region: 'Guangdong',
        city: 'Guangzhou',
        addresses: [{ text: 'No.1 Xinhua Rd', postcode: '510000', shopCount: shops, uses: [use], ...premise }],
      },
    ],
    premises: [
      {
        kind: 'address',
        label: 'No.1 Xinhua Rd',
        place: 'Guangzhou, Guangdong, CN',
        roles: ['dispatch'],
        networkShops: shops,
        shopCount: shops,
        first: null,
        last: null,
        ...premise,
      },
    ],
    accounts: [
      {
        kind: 'wallet',
        provider: 'AliPay',
        masked: 'wallet …0001',
        shopCount: shops,
        shops: ids,
        volume: [{ currency: 'USD', amount: 1.5, payouts: 1, first: null, last: null }],
        ...premise,
      },
    ],
    phones: ids.map((id, i) => ({ number: `+86 138…${String(i).padStart(4, '0')}`, shops: [id] })),
    listings: ids.flatMap((id) =>
      [1, 2, 3, 4, 5].map((k) => ({
        id: `${id}-L${k}`,
        shopId: id,
        title: `Warm bag ${k}`,
        brand: 'Aurelio',
        price: 12.5 * k,
        currency: 'USD',
        status: 'active',
        listedAt: '2026-01-01T00:00:00Z',
        reports: 0,
      })),
    ),
    listingsByBrand: [
      {
        brand: 'Aurelio',
        listings: 5 * shops,
        active: 5 * shops,
        minPrice: 12.5,
        medianPrice: 37.5,
        maxPrice: 62.5,
        currency: 'USD',
        typicalPrice: 100,
        medianToTypical: 0.375,
      },
    ],
    graph: {
      nodes: [
        ...ids.flatMap((id, i) => [
          { id, kind: 'shop', label: `暖 Outlet ${i}`, x: i % 20, y: Math.floor(i / 20), hub: false, status: 'active' },
          {
            id: `dev:${i}`,
            kind: 'device',
            label: `dev-…${String(i).padStart(2, '0')}`,
            x: (i % 20) + 0.5,
            y: Math.floor(i / 20) + 0.5,
            hub: false,
            status: null,
          },
        ]),
        hub,
      ],
      edges: ids.flatMap((id, i) => [
        { source: id, target: `dev:${i}` },
        { source: id, target: hub.id },
      ]),
      truncated: false,
    },
  };
}

@Injectable()
export class DossiersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('dossiers');
  private key: SigningKey | undefined;

  constructor(
    @Inject(DossiersRepository) private readonly repository: DossiersRepository,
    @Inject(ClustersService) private readonly clusters: ClustersService,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(Redaction) private readonly redaction: Redaction,
    @Inject(IdentityReads) private readonly reads: IdentityReads,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    // Optional only for the unit specs that build the service by hand: without it every dossier is read anew.
    @Optional() @Inject(ReadCache) private readonly cache?: ReadCache,
    @Optional() @Inject(WarmUp) private readonly warmUp?: WarmUp,
  ) {}

  /**
   * The first PDF would pay for reading and parsing the Noto fonts (the CJK one is 8 MB) and for
   * compiling pdfkit's and fontkit's paths, and the first dossier for Neo4j planning its reads: pay both
   * before a liaison waits. The fonts stay parsed for the life of the process (render-pdf); the warm-up
   * dossier has a line in every section, and a CJK name so that font is parsed too.
   */
  onApplicationBootstrap(): void {
    // The installation key exists from the first start on, like the other generated secrets.
    this.signingKey();
    prepareFonts();
    // The whole zip (PDF, JSON, HTML, CSVs, GraphML, signed manifest) of a network of 300 shops.
    const pdf = this.zip(warmDossier(300)).catch((error: unknown) => this.logger.warn(`dossier renderers not warmed: ${String(error)}`));
    const reads = this.warmReads().catch((error: unknown) => this.logger.warn(`dossier reads not warmed: ${String(error)}`));
    const both = Promise.all([pdf, reads]);
    if (this.warmUp) this.warmUp.track('dossiers', both);
    else void both;
  }

  private async warmReads(): Promise<void> {
    await this.repository.warm();
    // The cluster reads a dossier starts with, for a network that does not exist: not found is the expected answer.
    const nobody: Actor = { name: 'warm-up', roles: [], brands: [], requestId: null };
    await this.clusters.detail('warm-up', undefined).catch(() => undefined);
    await this.clusters.graph('warm-up', 'warm-up', GRAPH_LIMIT, nobody).catch(() => undefined);
  }

  /** The installation's dossier signing key, created on first use and kept in the configured file. */
  signingKey(): SigningKey {
    this.key ??= signingKey(resolveSigningKey(this.config.dossier.signingKeyFile));
    return this.key;
  }

  /** What a verifier needs: the public key (SPKI PEM) and its id. */
  publicKey(): { algorithm: 'Ed25519'; keyId: string; publicKeyPem: string } {
    const key = this.signingKey();
    return { algorithm: 'Ed25519', keyId: key.keyId, publicKeyPem: key.publicKeyPem };
  }

  /**
   * Identities only for callers with identities.read (those who hand dossiers to police); a redacted copy
   * for everyone else, through the same IdentityView as every other response (graph ids and labels included).
   *
   * The assembled dossier is kept in the read cache per network, detection run and identity view, like
   * the cluster reads it is made of: every write that changes what a dossier shows (case moves and
   * referrals, brand reports, takedowns and appeals, shutdowns, reinstatements, imports, detection runs)
   * invalidates that cache. Only who asked and when is per export, so it is set on each copy; the
   * signature, the digests and the audit entry are made per export from that copy (export). A dossier
   * shows no audit entries of its own exports, so an export never makes a cached dossier stale.
   */
  async build(clusterId: string, runId: string | undefined, actor: Actor): Promise<Dossier> {
    const view = this.redaction.viewFor(actor.roles);
    const key = `dossier:${view.identities ? 'identities' : 'redacted'}:${runId ?? 'latest'}:${clusterId}`;
    // What is kept depends on the caller only through the view (the key); their name is set below.
    const load = () => this.assemble(clusterId, runId, actor);
    const kept = await (this.cache ? this.cache.get(key, load) : load());
    return { ...kept, provenance: { ...kept.provenance, generatedAt: new Date().toISOString(), generatedBy: actor.name } };
  }

  private async assemble(clusterId: string, runId: string | undefined, actor: Actor): Promise<Dossier> {
    const t0 = performance.now();
    const since = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
    const cluster = await this.clusters.detail(clusterId, runId);
    const tDetail = since(t0);
    const ids = cluster.members.map((m) => m.id);
    const t1 = performance.now();
    const history = this.repository.history(cluster.id, cluster.runId);
    const typical = history.then((h) => (h.run?.typicalPrices ? (JSON.parse(h.run.typicalPrices) as Record<string, number>) : {}));
    let tGraph = '';
    let tFacts = '';
    const [graph, facts] = await Promise.all([
      this.clusters.graph(cluster.id, cluster.runId, GRAPH_LIMIT, actor).finally(() => (tGraph = since(t1))),
      this.repository.facts(cluster.id, ids, typical).finally(() => (tFacts = since(t1))),
    ]);
    const read = await history;
    const t2 = performance.now();
    const dossier = buildDossier({
      cluster,
      graph,
      history: read,
      ...facts,
      hubThreshold: this.config.detection.hubThreshold,
      generatedAt: new Date().toISOString(),
      generatedBy: actor.name,
      view: this.redaction.viewFor(actor.roles),
    });
    // Where a first dossier's time goes, for an operator asking why it was slow (LOG_LEVEL=debug).
    this.logger.debug(`dossier ${cluster.id} assembled: detail ${tDetail}, graph ${tGraph}, facts ${tFacts} (beside each other), build ${since(t2)}`);
    return dossier;
  }

  /** The dossier in the asked format, audited with the digest of what left the building. */
  async export(
    clusterId: string,
    runId: string | undefined,
    format: DossierFormat,
    actor: Actor,
  ): Promise<{ body: Buffer | string; type: string; fileName: string }> {
    const t0 = performance.now();
    const dossier = await this.build(clusterId, runId, actor);
    const t1 = performance.now();
    const base = `dossier-${dossier.cluster.id}-${dossier.provenance.runId.slice(0, 8)}${dossier.provenance.redacted ? '-redacted' : ''}`;
    let out: { body: Buffer | string; type: string; fileName: string };
    if (format === 'json') out = { body: `${JSON.stringify(dossier, null, 2)}\n`, type: 'application/json', fileName: `${base}.json` };
    else if (format === 'html') out = { body: dossierHtml(dossier), type: 'text/html; charset=utf-8', fileName: `${base}.html` };
    else if (format === 'pdf') out = { body: await dossierPdf(dossier), type: 'application/pdf', fileName: `${base}.pdf` };
    else out = { body: await this.zip(dossier), type: 'application/zip', fileName: `${base}.zip` };
    this.logger.debug(
      `dossier ${dossier.cluster.id} (${format}, ${dossier.shops.length} shops): read and assembled in ${(t1 - t0).toFixed(0)} ms, rendered in ${(performance.now() - t1).toFixed(0)} ms`,
    );
    await this.reads.record(actor, { via: `GET /clusters/${dossier.cluster.id}/dossier`, sellers: dossier.sellers.map((s) => s.id) });
    await this.audit.append({
      actor: actor.name,
      action: 'dossier.export',
      target: `cluster:${dossier.cluster.id}`,
      before: null,
      after: {
        format,
        runId: dossier.provenance.runId,
        caseId: dossier.case?.id ?? null,
        ...(format === 'zip' ? { keyId: this.signingKey().keyId } : {}),
        redacted: dossier.provenance.redacted,
        sha256: sha256(out.body),
        bytes: Buffer.byteLength(out.body),
      },
      requestId: actor.requestId,
    });
    return out;
  }

  /** PDF, JSON, HTML and CSVs, with a manifest of their SHA-256 and what is needed to reproduce them. */
  private async zip(d: Dossier): Promise<Buffer> {
    const files: Record<string, Uint8Array> = {
      'dossier.pdf': new Uint8Array(await dossierPdf(d)),
      'dossier.json': strToU8(`${JSON.stringify(d, null, 2)}\n`),
      'dossier.html': strToU8(dossierHtml(d)),
      'shops.csv': strToU8(
        toCsv(
          ['shop_id', 'name', 'status', 'category', 'opened_at', 'suspended_at', 'listings', 'seller_id'],
          d.shops.map((s) => [s.id, s.name, s.status, s.category, s.openedAt, s.suspendedAt, s.listings, s.sellerId]),
        ),
      ),
      'sellers.csv': strToU8(
        toCsv(
          ['seller_id', 'name', 'country', 'registered_at', 'kyc', 'emails', 'phones', 'devices', 'shops'],
          d.sellers.map((s) => [s.id, s.name, s.country, s.registeredAt, s.kyc, s.emails, s.phones, s.devices, s.shops]),
        ),
      ),
      'addresses.csv': strToU8(
        toCsv(
          ['country', 'region', 'city', 'address', 'postcode', 'shops', 'kinds', 'shops_overall'],
          d.places.flatMap((p) =>
            p.addresses.map((a) => [p.country, p.region, p.city, a.text, a.postcode, a.uses.map((u) => u.shop), a.uses.map((u) => u.kind), a.shopCount]),
          ),
        ),
      ),
      'accounts.csv': strToU8(
        toCsv(
          ['account', 'kind', 'provider', 'shops', 'all_shops', 'exclusivity', 'verdict', 'volume', 'reason'],
          d.accounts.map((a) => [
            a.masked,
            a.kind,
            a.provider,
            a.shops,
            a.shopCount,
            a.exclusivity.toFixed(3),
            a.verdict,
            a.volume.map((v) => formatMoney(v.amount, v.currency)),
            a.reason,
          ]),
        ),
      ),
      'listings.csv': strToU8(
        toCsv(
          ['listing_id', 'shop_id', 'title', 'brand', 'price', 'currency', 'status', 'listed_at', 'reports'],
          d.listings.map((l) => [l.id, l.shopId, l.title, l.brand, l.price, l.currency, l.status, l.listedAt, l.reports]),
        ),
      ),
      'listings-by-brand.csv': strToU8(
        toCsv(
          ['brand', 'currency', 'listings', 'live', 'min_price', 'median_price', 'max_price', 'typical_price', 'median_to_typical'],
          d.listingsByBrand.map((l) => [l.brand, l.currency, l.listings, l.active, l.minPrice, l.medianPrice, l.maxPrice, l.typicalPrice, l.medianToTypical]),
        ),
      ),
      'payments.csv': strToU8(
        toCsv(
          ['account', 'provider', 'shop_id', 'currency', 'payouts', 'amount', 'smallest', 'largest', 'first_paid_at', 'last_paid_at'],
          d.payments.map((p) => [p.account, p.provider, p.shopId, p.currency, p.payouts, p.amount, p.smallest, p.largest, p.first, p.last]),
        ),
      ),
      'premises.csv': strToU8(
        toCsv(
          ['verdict', 'kind', 'address_or_account', 'place', 'roles', 'network_shops', 'all_shops', 'exclusivity', 'first_use', 'last_use', 'reason'],
          d.premises.map((p) => [
            p.verdict,
            p.kind,
            p.label,
            p.place,
            p.roles,
            p.networkShops,
            p.shopCount,
            p.exclusivity.toFixed(3),
            p.first,
            p.last,
            p.reason,
          ]),
        ),
      ),
      'evidence-graph.graphml': strToU8(evidenceGraphml(d)),
    };
    const key = this.signingKey();
    const manifest = {
      clusterId: d.cluster.id,
      caseId: d.case?.id ?? null,
      referral: d.referral,
      detectionRun: {
        id: d.provenance.runId,
        startedAt: d.provenance.runStartedAt,
        engine: d.provenance.engine,
        seed: d.provenance.seed,
        params: d.provenance.params,
      },
      dataTimestamp: d.provenance.dataTimestamp,
      generatedAt: d.provenance.generatedAt,
      generatedBy: d.provenance.generatedBy,
      redacted: d.provenance.redacted,
      signature: { algorithm: 'Ed25519', keyId: key.keyId, file: SIGNATURE, publicKey: PUBLIC_KEY },
      files: Object.entries(files).map(([name, data]) => ({ name, bytes: data.length, sha256: sha256(data) })),
    };
    const manifestBytes = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
    return Buffer.from(
      zipSync(
        {
          ...files,
          // pdfkit has deflated the PDF's streams already: level 2 packs it as small as 6 does, in a quarter of the time.
          'dossier.pdf': [files['dossier.pdf']!, { level: 2 }],
          [MANIFEST]: manifestBytes,
          [SIGNATURE]: new Uint8Array(key.sign(manifestBytes)),
          [PUBLIC_KEY]: strToU8(key.publicKeyPem),
        },
        { level: 6 },
      ),
    );
  }
}
