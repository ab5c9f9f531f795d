import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type CypherRegistry, recordToPlain } from '@ringwatch/neo4j';
import neo4j, { type Driver } from 'neo4j-driver';
import { CYPHER, NEO4J_DATABASE, NEO4J_DRIVER } from '../common/tokens';

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly requestId?: string | null;
}

export interface AuditPage {
  total: number;
  items: { id: string; at: string; actor: string; action: string; target: string; before: string | null; after: string | null; requestId: string | null }[];
}

/** Appends audit events and reads them back; it has no way to change or delete one. */
@Injectable()
export class AuditRepository {
  private readonly q;

  constructor(
    @Inject(NEO4J_DRIVER) private readonly driver: Driver,
    @Inject(NEO4J_DATABASE) private readonly database: string,
    @Inject(CYPHER) registry: CypherRegistry,
  ) {
    this.q = registry.bind({ append: 'audit/append', list: 'audit/list' });
  }

  async append(entry: AuditEntry): Promise<void> {
    await this.driver.executeQuery(
      this.q.append,
      {
        id: randomUUID(),
        actor: entry.actor,
        action: entry.action,
        target: entry.target,
        before: entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === undefined ? null : JSON.stringify(entry.after),
        requestId: entry.requestId ?? null,
      },
      { database: this.database },
    );
  }

  async list(filter: { action?: string; actor?: string; skip: number; limit: number }): Promise<AuditPage> {
    const { records } = await this.driver.executeQuery(
      this.q.list,
      { action: filter.action ?? null, actor: filter.actor ?? null, skip: neo4j.int(filter.skip), limit: neo4j.int(filter.limit) },
      { database: this.database, routing: 'READ' },
    );
    return recordToPlain<AuditPage>(records[0]!);
  }
}
