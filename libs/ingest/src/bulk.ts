import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Kind } from '@ringwatch/contract';
import type { GraphWriter, ImportCounts, ImportLedger, WriteResult } from './ports';
import type { WriteRowOf } from './rows';

/**
 * The second writer behind the loader's port (GraphWriter): instead of MERGE transactions it writes the
 * node and relationship CSV files of Neo4j's offline importer (`neo4j-admin database import full`), for a
 * first load into an empty database. The rows come through the same loader (reader, contract,
 * normalisation, fingerprinting, rejects); only the last step differs.
 *
 * The importer takes each node once and never merges, so this writer gives the importer the graph the
 * transactional statements (cypher/ingest/) would have left after loading the same files in order:
 * - an entity (seller, shop, listing, payout, brand report) is the last row for its id, with the single
 *   links that row names (the transactional path moves OWNS, LISTS, RECEIVED, TO, ABOUT, FOR_BRAND);
 * - keyed nodes (identity documents, phones, emails, devices, accounts, addresses, brands) are created
 *   by the first row that names them (ON CREATE SET), whether or not a later row replaces that row;
 * - a seller's identifier links are the union over its rows (MERGE, never moved); PAID_TO is the union
 *   over the payouts that stand; a unit-less address link stands only while no link names a unit;
 * - a shop, seller or listing named but never loaded is a placeholder ({id, placeholder: true}).
 * Move trails (movedFrom/movedBy/movedAt) are not written: a first load has no earlier owner to record,
 * as a single transactional batch records none for two rows of one id.
 *
 * Rows are staged to disk as they arrive (one NDJSON line per row and kind) and only the last row number
 * per id is kept in memory; finish() streams the staged rows once more into the importer's files.
 */

/** One importer input: `--nodes=Label=file` or `--relationships=TYPE=file`; the file's first line is its header. */
export interface BulkInput {
  readonly name: string;
  readonly file: string;
  readonly rows: number;
}

export interface BulkFiles {
  readonly dir: string;
  readonly nodes: readonly BulkInput[];
  readonly relationships: readonly BulkInput[];
  /** Some value holds a line break: the importer must be told (--multiline-fields), which slows it. */
  readonly multiline: boolean;
}

type Cell = string | number | boolean | null;

/** A CSV cell as the importer reads it: strings always quoted (so "" stays an empty string), null as nothing. */
function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'string') return `"${value.replaceAll('"', '""')}"`;
  return String(value);
}

const MULTILINE = /[\r\n]/;

/** A CSV file written as it goes, with a count of its data lines. */
class CsvOut {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly name: string,
    readonly file: string,
    header: readonly string[],
    private readonly flags: { multiline: boolean },
  ) {
    this.fd = fs.openSync(file, 'w', 0o600);
    fs.writeSync(this.fd, `${header.join(',')}\n`);
  }

  add(cells: readonly Cell[]): void {
    let out = '';
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i]!;
      if (typeof value === 'string' && MULTILINE.test(value)) this.flags.multiline = true;
      out += i === 0 ? cell(value) : `,${cell(value)}`;
    }
    this.buffer.push(out);
    this.rows++;
    if (++this.size >= 4096) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    fs.writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
    this.size = 0;
  }

  close(): BulkInput {
    this.flush();
    fs.closeSync(this.fd);
    return { name: this.name, file: this.file, rows: this.rows };
  }
}

/** Node files: label and header (the id or key column first, its ID space named after the label). */
const NODE_HEADERS = {
  Seller: ['id:ID(Seller)', 'name', 'country', 'registeredAt:datetime', 'createdBy', 'placeholder:boolean'],
  KycDocument: ['key:ID(KycDocument)', 'last4', 'masked'],
  Phone: ['key:ID(Phone)', 'display'],
  Email: ['key:ID(Email)', 'display'],
  Device: ['key:ID(Device)'],
  Shop: ['id:ID(Shop)', 'name', 'openedAt:datetime', 'status', 'category', 'createdBy', 'placeholder:boolean'],
  Listing: ['id:ID(Listing)', 'title', 'brand', 'category', 'price:double', 'currency', 'listedAt:datetime', 'status', 'createdBy', 'placeholder:boolean'],
  Payment: ['id:ID(Payment)', 'amount:double', 'currency', 'paidAt:datetime', 'createdBy'],
  PaymentAccount: ['key:ID(PaymentAccount)', 'kind', 'last4', 'masked', 'provider'],
  Address: ['key:ID(Address)', 'text', 'city', 'region', 'country', 'postcode'],
  BrandReport: ['id:ID(BrandReport)', 'verdict', 'reporter', 'reportedAt:datetime', 'brand', 'createdBy'],
  Brand: ['name:ID(Brand)'],
} as const;
type Label = keyof typeof NODE_HEADERS;

/** Relationship files: type, start and end ID spaces, extra columns. */
const RELATIONSHIPS = {
  HAS_KYC: ['Seller', 'KycDocument'],
  HAS_PHONE: ['Seller', 'Phone'],
  HAS_EMAIL: ['Seller', 'Email'],
  USES_DEVICE: ['Seller', 'Device'],
  OWNS: ['Seller', 'Shop'],
  LISTS: ['Shop', 'Listing'],
  RECEIVED: ['Shop', 'Payment'],
  TO: ['Payment', 'PaymentAccount'],
  PAID_TO: ['Shop', 'PaymentAccount'],
  HAS_ADDRESS: ['Shop', 'Address', 'kind', 'unit'],
  ABOUT: ['BrandReport', 'Listing'],
  FOR_BRAND: ['BrandReport', 'Brand'],
} as const;
type RelType = keyof typeof RELATIONSHIPS;

/** Kinds whose rows are entities with an id: the last row for an id wins. */
const ENTITY_KINDS = ['sellers', 'shops', 'listings', 'payments', 'brand_reports'] as const;
type EntityKind = (typeof ENTITY_KINDS)[number];
const isEntityKind = (kind: Kind): kind is EntityKind => (ENTITY_KINDS as readonly Kind[]).includes(kind);

const SEP = '\u001f';

export class BulkWriter implements GraphWriter {
  private readonly flags = { multiline: false };
  private readonly nodes = new Map<Label, CsvOut>();
  private readonly rels = new Map<RelType, CsvOut>();
  /** Staged rows per entity kind, and the row number of the last row per id. */
  private readonly staged = new Map<EntityKind, { fd: number; file: string; rows: number; last: Map<string, number> }>();
  /** Keys of keyed nodes already written (the first row that names one creates it). */
  private readonly keys = new Map<Label, Set<string>>();
  /** Union links already written, as start␟end. */
  private readonly links = new Map<RelType, Set<string>>();
  /** Shops, sellers and listings named by rows but not (yet) loaded: placeholders unless loaded later. */
  private readonly named = { Seller: new Set<string>(), Shop: new Set<string>(), Listing: new Set<string>() };
  /** Address links as shop␟kind␟key␟unit; unit-less ones are dropped at the end where one with a unit exists. */
  private readonly addressLinks = new Set<string>();
  private importId: string | null = null;
  private finished = false;

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  private node(label: Label): CsvOut {
    let out = this.nodes.get(label);
    if (!out) {
      out = new CsvOut(label, path.join(this.dir, `nodes-${label}.csv`), NODE_HEADERS[label], this.flags);
      this.nodes.set(label, out);
    }
    return out;
  }

  private rel(type: RelType): CsvOut {
    let out = this.rels.get(type);
    if (!out) {
      const [start, end, ...extra] = RELATIONSHIPS[type] as readonly string[];
      out = new CsvOut(type, path.join(this.dir, `rels-${type}.csv`), [`:START_ID(${start})`, `:END_ID(${end})`, ...extra], this.flags);
      this.rels.set(type, out);
    }
    return out;
  }

  /** A keyed node, created by the first row that names it. */
  private keyed(label: Label, key: string, cells: () => Cell[]): void {
    let seen = this.keys.get(label);
    if (!seen) this.keys.set(label, (seen = new Set()));
    if (seen.has(key)) return;
    seen.add(key);
    this.node(label).add([key, ...cells()]);
  }

  /** A link merged by every row that names it, written once. */
  private union(type: RelType, start: string, end: string): void {
    let seen = this.links.get(type);
    if (!seen) this.links.set(type, (seen = new Set()));
    const pair = start + SEP + end;
    if (seen.has(pair)) return;
    seen.add(pair);
    this.rel(type).add([start, end]);
  }

  private stage(kind: EntityKind, id: string, row: unknown): boolean {
    let s = this.staged.get(kind);
    if (!s) {
      const file = path.join(this.dir, `stage-${kind}.ndjson`);
      s = { fd: fs.openSync(file, 'w', 0o600), file, rows: 0, last: new Map() };
      this.staged.set(kind, s);
    }
    const fresh = !s.last.has(id);
    s.last.set(id, s.rows++);
    fs.writeSync(s.fd, `${JSON.stringify(row)}\n`);
    return fresh;
  }

  private loaded(kind: EntityKind, id: string): boolean {
    return this.staged.get(kind)?.last.has(id) ?? false;
  }

  private name(label: 'Seller' | 'Shop' | 'Listing', kind: EntityKind, id: string): void {
    if (!this.loaded(kind, id)) this.named[label].add(id);
  }

  // The loader awaits each write; staging is synchronous, so rows are staged in the order they were read.
  async write<K extends Kind>(kind: K, rows: WriteRowOf[K][], importId: string): Promise<WriteResult> {
    if (this.finished) throw new Error('bulk: write after finish');
    this.importId ??= importId;
    let created = 0;
    if (kind === 'addresses') {
      for (const r of rows as WriteRowOf['addresses'][]) {
        this.keyed('Address', r.key, () => [r.text, r.city, r.region, r.country, r.postcode]);
        this.name('Shop', 'shops', r.shopId);
        const link = [r.shopId, r.kind, r.key, r.unit ?? ''].join(SEP);
        if (!this.addressLinks.has(link)) {
          this.addressLinks.add(link);
          created++;
        }
      }
      return { rows: rows.length, created, moved: 0 };
    }
    if (!isEntityKind(kind)) throw new Error(`bulk: unknown kind ${kind}`);
    for (const row of rows) {
      switch (kind) {
        case 'sellers': {
          const r = row as WriteRowOf['sellers'];
          this.keyed('KycDocument', r.kyc.key, () => [r.kyc.last4, r.kyc.masked]);
          this.union('HAS_KYC', r.id, r.kyc.key);
          for (const p of r.phones) {
            this.keyed('Phone', p.key, () => [p.display]);
            this.union('HAS_PHONE', r.id, p.key);
          }
          for (const e of r.emails) {
            this.keyed('Email', e.key, () => [e.display]);
            this.union('HAS_EMAIL', r.id, e.key);
          }
          for (const d of r.devices) {
            this.keyed('Device', d, () => []);
            this.union('USES_DEVICE', r.id, d);
          }
          // Identifiers are written now; the seller itself (last row wins) in finish().
          if (this.stage(kind, r.id, { id: r.id, name: r.name, country: r.country, registeredAt: r.registeredAt })) created++;
          this.named.Seller.delete(r.id);
          break;
        }
        case 'shops': {
          const r = row as WriteRowOf['shops'];
          if (this.stage(kind, r.id, r)) created++;
          this.named.Shop.delete(r.id);
          this.name('Seller', 'sellers', r.sellerId);
          break;
        }
        case 'listings': {
          const r = row as WriteRowOf['listings'];
          if (this.stage(kind, r.id, r)) created++;
          this.named.Listing.delete(r.id);
          this.name('Shop', 'shops', r.shopId);
          break;
        }
        case 'payments': {
          const r = row as WriteRowOf['payments'];
          const a = r.account;
          this.keyed('PaymentAccount', a.key, () => [a.kind, a.last4, a.masked, r.provider]);
          if (this.stage(kind, r.id, { id: r.id, shopId: r.shopId, account: a.key, amount: r.amount, currency: r.currency, paidAt: r.paidAt })) created++;
          this.name('Shop', 'shops', r.shopId);
          break;
        }
        default: {
          const r = row as WriteRowOf['brand_reports'];
          this.keyed('Brand', r.brand, () => []);
          if (this.stage(kind, r.id, r)) created++;
          this.name('Listing', 'listings', r.listingId);
        }
      }
    }
    return { rows: rows.length, created, moved: 0 };
  }

  /** Streams one kind's staged rows, keeping each id's last row only. */
  private async *finalRows<T extends { id: string }>(kind: EntityKind): AsyncGenerator<T> {
    const s = this.staged.get(kind);
    if (!s) return;
    fs.closeSync(s.fd);
    const lines = readline.createInterface({ input: fs.createReadStream(s.file, 'utf8'), crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      const row = JSON.parse(line) as T;
      if (s.last.get(row.id) === n++) yield row;
    }
    fs.rmSync(s.file);
  }

  /** Writes the entities (last row per id), the links they name and the placeholders, and closes every file. */
  async finish(): Promise<BulkFiles> {
    if (this.finished) throw new Error('bulk: finish twice');
    this.finished = true;
    const by = this.importId;
    for await (const r of this.finalRows<{ id: string; name: string; country: string; registeredAt: string }>('sellers'))
      this.node('Seller').add([r.id, r.name, r.country, r.registeredAt, by, null]);
    for await (const r of this.finalRows<WriteRowOf['shops']>('shops')) {
      this.node('Shop').add([r.id, r.name, r.openedAt, r.status, r.category, by, null]);
      this.rel('OWNS').add([r.sellerId, r.id]);
    }
    for await (const r of this.finalRows<WriteRowOf['listings']>('listings')) {
      this.node('Listing').add([r.id, r.title, r.brand, r.category, r.price, r.currency, r.listedAt, r.status, by, null]);
      this.rel('LISTS').add([r.shopId, r.id]);
    }
    type Payout = { id: string; shopId: string; account: string; amount: number; currency: string; paidAt: string };
    for await (const r of this.finalRows<Payout>('payments')) {
      this.node('Payment').add([r.id, r.amount, r.currency, r.paidAt, by]);
      this.rel('RECEIVED').add([r.shopId, r.id]);
      this.rel('TO').add([r.id, r.account]);
      this.union('PAID_TO', r.shopId, r.account);
    }
    for await (const r of this.finalRows<WriteRowOf['brand_reports']>('brand_reports')) {
      this.node('BrandReport').add([r.id, r.verdict, r.reporter, r.reportedAt, r.brand, by]);
      this.rel('ABOUT').add([r.id, r.listingId]);
      this.rel('FOR_BRAND').add([r.id, r.brand]);
    }
    // A unit-less link stands only where the shop names no unit in that building for that use.
    const withUnit = new Set<string>();
    for (const link of this.addressLinks) {
      const [shop, kind, key, unit] = link.split(SEP) as [string, string, string, string];
      if (unit !== '') withUnit.add([shop, kind, key].join(SEP));
    }
    for (const link of this.addressLinks) {
      const [shop, kind, key, unit] = link.split(SEP) as [string, string, string, string];
      if (unit === '' && withUnit.has([shop, kind, key].join(SEP))) continue;
      this.rel('HAS_ADDRESS').add([shop, key, kind, unit === '' ? null : unit]);
    }
    const placeholders = [
      ['Seller', 'sellers', 6],
      ['Shop', 'shops', 7],
      ['Listing', 'listings', 10],
    ] as const;
    for (const [label, kind, width] of placeholders) {
      for (const id of this.named[label]) {
        if (this.loaded(kind, id)) continue;
        const cells: Cell[] = new Array<Cell>(width).fill(null);
        cells[0] = id;
        cells[width - 2] = by;
        cells[width - 1] = true;
        this.node(label).add(cells);
      }
    }
    return {
      dir: this.dir,
      nodes: [...this.nodes.values()].map((o) => o.close()),
      relationships: [...this.rels.values()].map((o) => o.close()),
      multiline: this.flags.multiline,
    };
  }
}

/**
 * The arguments of `neo4j-admin` that import these files into `database` (which the importer requires
 * stopped and empty; overwrite replaces its store). Every file was deduplicated by the writer, so any
 * bad entry is a fault and stops the import (--bad-tolerance=0).
 */
export function importToolArgs(files: BulkFiles, options: { database: string; overwrite: boolean; reportFile?: string; maxOffHeap?: string }): string[] {
  return [
    'database',
    'import',
    'full',
    // Before the options: --nodes and --relationships take any number of files and would swallow it.
    options.database,
    `--overwrite-destination=${options.overwrite}`,
    '--bad-tolerance=0',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    ...(files.multiline ? ['--multiline-fields=true'] : []),
    ...(options.maxOffHeap ? [`--max-off-heap-memory=${options.maxOffHeap}`] : []),
    ...(options.reportFile ? [`--report-file=${options.reportFile}`] : []),
    ...files.nodes.map((n) => `--nodes=${n.name}=${n.file}`),
    ...files.relationships.map((r) => `--relationships=${r.name}=${r.file}`),
  ];
}

/** A command line a person can paste: arguments with anything but safe characters single-quoted. */
export function shellCommand(args: readonly string[]): string {
  return args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`)).join(' ');
}

/**
 * The Import ledger of a bulk load: the outcome waits until the database holds the loaded graph (the
 * importer runs with it stopped, and replaces the store), then is written to the real ledger (replay).
 * With a live ledger (the API, whose database is up while the files are prepared) the record is created
 * and its progress kept there as the load runs, so it can be followed; without one (the command line,
 * whose database is down) it is created at the replay.
 */
export class DeferredLedger implements ImportLedger {
  private created: { id: string; source: string; files: string[] } | null = null;
  private finished: { id: string; outcome: Parameters<ImportLedger['finish']>[1] } | null = null;

  constructor(private readonly live?: ImportLedger) {}

  async abandonStale(): Promise<number> {
    return 0;
  }

  async create(id: string, source: string, files: string[]): Promise<void> {
    await this.live?.create(id, source, files);
    this.created = { id, source, files };
  }

  async progress(id: string, counts: ImportCounts): Promise<void> {
    await this.live?.progress(id, counts);
  }

  async finish(id: string, outcome: Parameters<ImportLedger['finish']>[1]): Promise<void> {
    this.finished = { id, outcome };
  }

  /**
   * Records the import in `ledger`, with `amend` applied to its outcome (e.g. the import tool's time);
   * `beforeFinish` runs once the record exists and before it says finished (to add to it what a reader of
   * a finished import must see).
   */
  async replay(
    ledger: ImportLedger,
    amend: (outcome: Parameters<ImportLedger['finish']>[1]) => Parameters<ImportLedger['finish']>[1] = (o) => o,
    beforeFinish?: () => Promise<void>,
  ): Promise<void> {
    if (!this.created || !this.finished) throw new Error('bulk: the load was not recorded');
    if (!this.live) await ledger.create(this.created.id, this.created.source, this.created.files);
    await beforeFinish?.();
    await ledger.finish(this.finished.id, amend(this.finished.outcome));
  }
}
