import { Inject, Injectable } from '@nestjs/common';
import type { Kind } from '@ringwatch/contract';
import type { GraphWriter, ImportLedger, WriteRowOf } from '@ringwatch/ingest';
import { type CypherRegistry, recordToPlain } from '@ringwatch/neo4j';
import { type Driver, Neo4jError } from 'neo4j-driver';
import { CYPHER, NEO4J_DATABASE, NEO4J_DRIVER } from '../common/tokens';

export interface ImportRecord {
  id: string;
  source: string;
  files: string[];
  status: 'running' | 'completed' | 'failed' | 'abandoned';
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  error: string | null;
  read: number | null;
  accepted: number | null;
  rejected: number | null;
  created: number | null;
  updated: number | null;
  perFile: string | null;
  rejectsFile: string | null;
}

const WRITE_STATEMENT: Record<Kind, string> = {
  sellers: 'ingest/sellers',
  shops: 'ingest/shops',
  listings: 'ingest/listings',
  payments: 'ingest/payments',
  addresses: 'ingest/addresses',
  brand_reports: 'ingest/brand-reports',
};

/** Writes loader batches and keeps the Import ledger. Managed transactions retry transient errors. */
@Injectable()
export class ImportsRepository implements GraphWriter, ImportLedger {
  private readonly q;
  private readonly writes: Record<Kind, string>;

  constructor(
    @Inject(NEO4J_DRIVER) private readonly driver: Driver,
    @Inject(NEO4J_DATABASE) private readonly database: string,
    @Inject(CYPHER) registry: CypherRegistry,
  ) {
    this.writes = registry.bind(WRITE_STATEMENT);
    this.q = registry.bind({
      create: 'imports/create',
      heartbeat: 'imports/heartbeat',
      finish: 'imports/finish',
      get: 'imports/get',
      abandonStale: 'imports/abandon-stale',
      listingsMerge: 'ingest/listings-merge',
      hasShops: 'imports/has-shops',
      sellerPhones: 'ingest/seller-phones',
      sellerEmails: 'ingest/seller-emails',
      sellerDevices: 'ingest/seller-devices',
    });
  }

  async write<K extends Kind>(kind: K, rows: WriteRowOf[K][], importId: string): Promise<{ rows: number; created: number }> {
    if (kind === 'sellers') return this.writeSellers(rows as WriteRowOf['sellers'][], importId);
    if (kind !== 'listings') return this.run(this.writes[kind], rows, importId);
    // The CREATE path needs unique ids within a batch; the last row for an id wins, as with MERGE.
    const byId = new Map((rows as WriteRowOf['listings'][]).map((r) => [r.id, r]));
    const unique = [...byId.values()];
    try {
      const result = await this.run(this.writes.listings, unique, importId);
      return { rows: rows.length, created: result.created };
    } catch (error) {
      if (!(error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed')) throw error;
      const result = await this.run(this.q.listingsMerge, unique, importId);
      return { rows: rows.length, created: result.created };
    }
  }

  /** Sellers, then their identifiers, in one transaction so a batch lands whole or not at all. */
  private async writeSellers(rows: WriteRowOf['sellers'][], importId: string): Promise<{ rows: number; created: number }> {
    const session = this.driver.session({ database: this.database });
    try {
      return await session.executeWrite(async (tx) => {
        const result = await tx.run(this.writes.sellers, { rows, importId });
        await tx.run(this.q.sellerPhones, { links: rows.flatMap((r) => r.phones.map((p) => ({ seller: r.id, key: p.key, display: p.display }))) });
        await tx.run(this.q.sellerEmails, { links: rows.flatMap((r) => r.emails.map((e) => ({ seller: r.id, key: e.key, display: e.display }))) });
        await tx.run(this.q.sellerDevices, { links: rows.flatMap((r) => r.devices.map((key) => ({ seller: r.id, key }))) });
        return recordToPlain<{ rows: number; created: number }>(result.records[0]!);
      });
    } finally {
      await session.close();
    }
  }

  private async run(statement: string, rows: unknown[], importId: string): Promise<{ rows: number; created: number }> {
    const { records } = await this.driver.executeQuery(statement, { rows, importId }, { database: this.database });
    return recordToPlain<{ rows: number; created: number }>(records[0]!);
  }

  async abandonStale(staleSeconds: number): Promise<number> {
    const { records } = await this.driver.executeQuery(this.q.abandonStale, { staleSeconds }, { database: this.database });
    return recordToPlain<{ abandoned: number }>(records[0]!).abandoned;
  }

  async create(id: string, source: string, files: string[]): Promise<void> {
    await this.driver.executeQuery(this.q.create, { id, source, files }, { database: this.database });
  }

  async heartbeat(id: string, read: number): Promise<void> {
    await this.driver.executeQuery(this.q.heartbeat, { id, read }, { database: this.database });
  }

  async finish(id: string, outcome: Parameters<ImportLedger['finish']>[1]): Promise<void> {
    await this.driver.executeQuery(this.q.finish, { id, ...outcome }, { database: this.database });
  }

  async hasShops(): Promise<boolean> {
    const { records } = await this.driver.executeQuery(this.q.hasShops, {}, { database: this.database, routing: 'READ' });
    return records[0]!.get('hasShops') as boolean;
  }

  async get(id: string): Promise<ImportRecord | null> {
    const { records } = await this.driver.executeQuery(this.q.get, { id }, { database: this.database, routing: 'READ' });
    return records[0] ? recordToPlain<ImportRecord>(records[0]) : null;
  }
}
