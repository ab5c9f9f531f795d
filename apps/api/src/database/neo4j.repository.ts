import { Inject } from '@nestjs/common';
import type { CypherRegistry } from '@ringwatch/neo4j';
import type { Driver, ManagedTransaction, QueryResult, RecordShape } from 'neo4j-driver';
import { auditEntries, auditParams, type AuditEntry, type AuditOf } from '../audit/audit-entry';
import { CYPHER, NEO4J_DATABASE, NEO4J_DRIVER } from '../common/tokens';

/**
 * What every repository holds: the process's driver, the database name and the Cypher registry, from
 * which a subclass binds its statements by name (`this.registry.bind`) when it is built.
 */
export abstract class Neo4jRepository {
  constructor(
    @Inject(NEO4J_DRIVER) protected readonly driver: Driver,
    @Inject(NEO4J_DATABASE) protected readonly database: string,
    @Inject(CYPHER) protected readonly registry: CypherRegistry,
  ) {}

  protected readQuery(statement: string, params: Record<string, unknown> = {}): Promise<QueryResult<RecordShape>> {
    return this.driver.executeQuery(statement, params, { database: this.database, routing: 'READ' });
  }

  protected writeQuery(statement: string, params: Record<string, unknown> = {}): Promise<QueryResult<RecordShape>> {
    return this.driver.executeQuery(statement, params, { database: this.database });
  }

  /** Several statements in one write transaction, retried whole on transient errors. */
  protected async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database });
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  /**
   * A state change and the audit entries that record it, in one transaction: an entry is written only
   * for a change that happened (its result says so) and rolls back with it, so N racing requests leave
   * as many entries as changes, and a change never commits without its entry. Retried whole on
   * transient errors, like writeTransaction.
   */
  protected audited<T>(work: (tx: ManagedTransaction) => Promise<T>, audit: AuditOf<T>): Promise<T> {
    return this.writeTransaction(async (tx) => {
      const result = await work(tx);
      await this.auditIn(tx, auditEntries(audit, result));
      return result;
    });
  }

  /** Audit entries written in a transaction the caller holds (for changes made by several statements). */
  protected async auditIn(tx: ManagedTransaction, entries: readonly AuditEntry[]): Promise<void> {
    for (const entry of entries) await tx.run(this.registry.get('audit/append'), auditParams(entry));
  }
}
