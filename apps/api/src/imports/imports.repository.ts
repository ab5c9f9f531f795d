import path from 'node:path';
import { Injectable } from '@nestjs/common';
import type { Kind } from '@ringwatch/contract';
import { RowsRefusedError, type GraphWriter, type ImportCounts, type ImportLedger, type WriteResult, type WriteRowOf } from '@ringwatch/ingest';
import { recordToPlain } from '@ringwatch/neo4j';
import type { Import } from '@ringwatch/wire';
import { Neo4jError } from 'neo4j-driver';
import { Neo4jRepository } from '../database/neo4j.repository';
import { RowLinesError, rowLines, sellerIdentifierLines } from './row-lines';

/** An import as stored: its per-file counts are JSON text. */
export type ImportRecord = Omit<Import, 'perFile'> & { perFile: string | null };

const WRITE_STATEMENT: Record<Kind, string> = {
  sellers: 'ingest/sellers',
  shops: 'ingest/shops',
  listings: 'ingest/listings',
  payments: 'ingest/payments',
  addresses: 'ingest/addresses',
  brand_reports: 'ingest/brand-reports',
};

/**
 * Errors that say the database refused what a batch's rows hold, not that it is unwell: a value a
 * function cannot take (Neo4j reports a datetime() it cannot read, such as 'April 31', as
 * Statement.SyntaxError; measured), a type or arithmetic error, a constraint. The loader splits such a
 * batch to find the rows; a real syntax error in a statement would be refused for every row, which
 * the loader recognises and stops on. Transient errors are retried by the driver and never land here.
 */
const REFUSAL = /^Neo\.ClientError\.(Statement\.|Schema\.ConstraintValidationFailed$)/;

function asRefusal(error: unknown): unknown {
  if (error instanceof RowLinesError) return new RowsRefusedError(error.message, { cause: error });
  if (error instanceof Neo4jError && REFUSAL.test(error.code)) {
    // The first line: Neo4j adds the statement text and a caret under it.
    return new RowsRefusedError(`${error.code}: ${error.message.split('\n')[0]}`, { cause: error });
  }
  return error;
}

/**
 * The service's own records a bulk first load keeps across Neo4j's importer, which replaces the whole
 * store: the accounts (the admin who starts the load through the API must still exist after it), the audit
 * trail and the import records. A database holding only these counts as empty.
 */
export const CARRIED_LABELS = ['User', 'AuditEvent', 'Import'] as const;

/** One carried record: its label and its properties as the driver read them (so types survive the round trip). */
export interface CarriedRecord {
  readonly label: string;
  readonly props: Record<string, unknown>;
}

/** What a bulk first load leaves for the record: see cypher/imports/bulk-outcome.cypher. */
export interface BulkOutcome {
  readonly outcome: 'imported' | 'written';
  readonly folder: string | null;
  readonly command: string;
}

/** The last row for each id, in first-seen order. */
function lastPerId<R extends { id: string }>(rows: readonly R[]): R[] {
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

/** Writes loader batches and keeps the Import ledger. Managed transactions retry transient errors. */
@Injectable()
export class ImportsRepository extends Neo4jRepository implements GraphWriter, ImportLedger {
  private readonly writes = this.registry.bind(WRITE_STATEMENT);
  private readonly q = this.registry.bind({
    create: 'imports/create',
    progress: 'imports/progress',
    finish: 'imports/finish',
    get: 'imports/get',
    abandonStale: 'imports/abandon-stale',
    failRunning: 'imports/fail-running',
    hasShops: 'imports/has-shops',
    graphContents: 'imports/graph-contents',
    carriedRecords: 'imports/carried-records',
    restoreCarried: 'imports/restore-carried',
    bulkOutcome: 'imports/bulk-outcome',
    listingsExisting: 'ingest/listings-existing',
    listingsMerge: 'ingest/listings-merge',
    paymentsExisting: 'ingest/payments-existing',
    paymentsMerge: 'ingest/payments-merge',
    sellerPhones: 'ingest/seller-phones',
    sellerEmails: 'ingest/seller-emails',
    sellerDevices: 'ingest/seller-devices',
  });

  /** Kinds whose new rows take a CREATE path: the statements that find, create and merge them. */
  private readonly createPaths = {
    listings: { existing: this.q.listingsExisting, create: this.writes.listings, merge: this.q.listingsMerge },
    payments: { existing: this.q.paymentsExisting, create: this.writes.payments, merge: this.q.paymentsMerge },
  };

  async write<K extends Kind>(kind: K, rows: WriteRowOf[K][], importId: string): Promise<WriteResult> {
    try {
      return await this.writeBatch(kind, rows, importId);
    } catch (error) {
      throw asRefusal(error);
    }
  }

  private async writeBatch<K extends Kind>(kind: K, rows: WriteRowOf[K][], importId: string): Promise<WriteResult> {
    if (kind === 'sellers') return this.writeSellers(rows as WriteRowOf['sellers'][], importId);
    if (kind === 'listings' || kind === 'payments') return this.writeWithCreatePath(kind, rows as WriteRowOf['listings' | 'payments'][], importId);
    if (kind === 'addresses') {
      // The statement creates no relationship but a shop's address links, and deletes only a link without a
      // unit that a link with one replaces: the links created are created less deleted.
      const { summary } = await this.writeQuery(this.writes.addresses, { lines: rowLines(kind, rows), importId });
      const updates = summary.counters.updates();
      return { rows: rows.length, created: updates.relationshipsCreated - updates.relationshipsDeleted, moved: 0 };
    }
    // Shops and brand reports move their single-valued links; a statement plans a batch's rows together,
    // so each id goes once (the last row for it wins, as it would row by row).
    const unique = lastPerId(rows as (WriteRowOf['shops'] | WriteRowOf['brand_reports'])[]) as WriteRowOf[K][];
    const { records } = await this.writeQuery(this.writes[kind], { lines: rowLines(kind, unique), importId });
    const result = recordToPlain<{ created: number; moved: number }>(records[0]!);
    return { rows: rows.length, created: result.created, moved: result.moved };
  }

  /**
   * New rows (the usual case) are CREATEd, the rest MERGEd, in one transaction: measured on listings,
   * CREATE cost Neo4j a quarter less CPU than MERGE, and reading which ids exist first costs one index
   * lookup a row. When a concurrent batch creates one of the ids in between (a constraint violation),
   * the whole batch goes again through MERGE, which gives the same graph. Only the MERGE path can move a
   * row's links to another shop or account (a new row has none to move).
   */
  private async writeWithCreatePath<K extends 'listings' | 'payments'>(kind: K, rows: WriteRowOf[K][], importId: string): Promise<WriteResult> {
    const statements = this.createPaths[kind];
    // CREATE needs unique ids within a batch; the last row for an id wins, as with MERGE.
    const unique = lastPerId(rows);
    const lines = rowLines(kind, unique);
    try {
      return await this.writeTransaction(async (tx) => {
        const found = await tx.run(statements.existing, { ids: unique.map((r) => r.id) });
        const existing = new Set(found.records[0]!.get('existing') as string[]);
        const fresh: string[] = [];
        const known: string[] = [];
        unique.forEach((r, i) => (existing.has(r.id) ? known : fresh).push(lines[i]!));
        if (fresh.length > 0) await tx.run(statements.create, { lines: fresh, importId });
        let moved = 0;
        if (known.length > 0) moved = recordToPlain<{ moved: number }>((await tx.run(statements.merge, { lines: known, importId })).records[0]!).moved;
        return { rows: rows.length, created: fresh.length, moved };
      });
    } catch (error) {
      if (!(error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed')) throw error;
      const { records } = await this.writeQuery(statements.merge, { lines, importId });
      const result = recordToPlain<{ created: number; moved: number }>(records[0]!);
      return { rows: rows.length, created: result.created, moved: result.moved };
    }
  }

  /** Sellers, then their identifiers, in one transaction so a batch lands whole or not at all. */
  private async writeSellers(rows: WriteRowOf['sellers'][], importId: string): Promise<WriteResult> {
    const identifiers = sellerIdentifierLines(rows);
    return this.writeTransaction(async (tx) => {
      const result = await tx.run(this.writes.sellers, { lines: rowLines('sellers', rows), importId });
      await tx.run(this.q.sellerPhones, { lines: identifiers.phones });
      await tx.run(this.q.sellerEmails, { lines: identifiers.emails });
      await tx.run(this.q.sellerDevices, { lines: identifiers.devices });
      return { ...recordToPlain<{ rows: number; created: number }>(result.records[0]!), moved: 0 };
    });
  }

  async abandonStale(staleSeconds: number): Promise<number> {
    const abandoned = await this.audited(
      async (tx) => recordToPlain<{ abandoned: string[] }>((await tx.run(this.q.abandonStale, { staleSeconds })).records[0]!).abandoned,
      (ids) =>
        ids.map((id) => ({ actor: 'system', action: 'data.abandon', target: `import:${id}`, before: { status: 'running' }, after: { status: 'abandoned' } })),
    );
    return abandoned.length;
  }

  /** Marks a still-running import failed with this reason; false when its outcome was already recorded. */
  async failRunning(id: string, error: string): Promise<boolean> {
    return this.audited(
      async (tx) => (await tx.run(this.q.failRunning, { id, error })).records.length > 0,
      (failed) =>
        failed ? { actor: 'system', action: 'data.fail', target: `import:${id}`, before: { status: 'running' }, after: { status: 'failed', error } } : null,
    );
  }

  async create(id: string, source: string, files: string[]): Promise<void> {
    await this.writeQuery(this.q.create, { id, source, files });
  }

  async progress(id: string, counts: ImportCounts): Promise<void> {
    await this.writeQuery(this.q.progress, { id, counts });
  }

  /** Records how a load ended, and audits the load (by its source: a user, "demo", "cli") in the same transaction. */
  async finish(id: string, outcome: Parameters<ImportLedger['finish']>[1]): Promise<void> {
    await this.audited(
      async (tx) => {
        const { records } = await tx.run(this.q.finish, { id, ...outcome });
        return records[0] ? recordToPlain<{ source: string; files: string[] }>(records[0]) : null;
      },
      (done) =>
        done && {
          actor: done.source,
          action: 'data.load',
          target: `import:${id}`,
          after: { status: outcome.status, counts: outcome.counts, files: done.files.map((f) => path.basename(f)) },
        },
    );
  }

  async hasShops(): Promise<boolean> {
    const { records } = await this.readQuery(this.q.hasShops, {});
    return records[0]!.get('hasShops') as boolean;
  }

  /**
   * Nodes per label besides the migration ledger and the records a bulk load carries over (on a sample of
   * 100,000): empty for a database a bulk load may replace.
   */
  async graphContents(): Promise<{ label: string; nodes: number }[]> {
    const { records } = await this.readQuery(this.q.graphContents, { carried: CARRIED_LABELS });
    return records.map((r) => recordToPlain<{ label: string; nodes: number }>(r));
  }

  /** The records a bulk load keeps, read before the importer replaces the store (few: the database holds no marketplace). */
  async carriedRecords(): Promise<CarriedRecord[]> {
    const { records } = await this.readQuery(this.q.carriedRecords, { carried: CARRIED_LABELS });
    return records.map((r) => ({ label: r.get('label') as string, props: r.get('props') as Record<string, unknown> }));
  }

  /** Writes the carried records back after the importer, by their keys (idempotent), 10,000 a transaction. */
  async restoreCarried(records: readonly CarriedRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += 10_000) await this.writeQuery(this.q.restoreCarried, { records: records.slice(i, i + 10_000) });
  }

  /** Audits the discarding of files staged for a bulk load (nothing in the graph changes: the files were raw uploads). */
  async recordDiscard(actor: string, files: readonly string[]): Promise<void> {
    await this.audited(
      async () => files,
      (discarded) => ({ actor, action: 'data.discard', target: 'imports:bulk', before: { files: discarded } }),
    );
  }

  /**
   * Records how a bulk first load ended (imported, or files written for the operator), before its
   * finish, so a finished bulk import always shows it; audited with its files and counts.
   */
  async recordBulk(id: string, actor: string, outcome: BulkOutcome, report: { files: readonly { file: string }[]; counts: ImportCounts }): Promise<void> {
    await this.audited(
      async (tx) => (await tx.run(this.q.bulkOutcome, { id, ...outcome })).records.length > 0,
      (recorded) =>
        !recorded
          ? null
          : {
              actor,
              action: 'data.bulk',
              target: `import:${id}`,
              after: { outcome: outcome.outcome, command: outcome.command, files: report.files.map((f) => path.basename(f.file)), counts: report.counts },
            },
    );
  }

  async get(id: string): Promise<ImportRecord | null> {
    const { records } = await this.readQuery(this.q.get, { id });
    return records[0] ? recordToPlain<ImportRecord>(records[0]) : null;
  }
}
