import { Injectable } from '@nestjs/common';
import type { Kind } from '@ringwatch/contract';
import type { GraphWriter, ImportLedger, WriteRowOf } from '@ringwatch/ingest';
import { recordToPlain } from '@ringwatch/neo4j';
import { type Driver, Neo4jError } from 'neo4j-driver';
import { Neo4jRepository } from '../database/neo4j.repository';

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
export class ImportsRepository extends Neo4jRepository implements GraphWriter, ImportLedger {
  private readonly writes = this.registry.bind(WRITE_STATEMENT);
  private readonly q = this.registry.bind({
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
    const { records } = await this.writeQuery(statement, { rows, importId });
    return recordToPlain<{ rows: number; created: number }>(records[0]!);
  }

  async abandonStale(staleSeconds: number): Promise<number> {
    const { records } = await this.writeQuery(this.q.abandonStale, { staleSeconds });
    return recordToPlain<{ abandoned: number }>(records[0]!).abandoned;
  }

  async create(id: string, source: string, files: string[]): Promise<void> {
    await this.writeQuery(this.q.create, { id, source, files });
  }

  async heartbeat(id: string, read: number): Promise<void> {
    await this.writeQuery(this.q.heartbeat, { id, read });
  }

  async finish(id: string, outcome: Parameters<ImportLedger['finish']>[1]): Promise<void> {
    await this.writeQuery(this.q.finish, { id, ...outcome });
  }

  async hasShops(): Promise<boolean> {
    const { records } = await this.readQuery(this.q.hasShops, {});
    return records[0]!.get('hasShops') as boolean;
  }

  async get(id: string): Promise<ImportRecord | null> {
    const { records } = await this.readQuery(this.q.get, { id });
    return records[0] ? recordToPlain<ImportRecord>(records[0]) : null;
  }
}
