import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import type { AuditPage } from '@ringwatch/wire';
import neo4j from 'neo4j-driver';
import { Neo4jRepository } from '../database/neo4j.repository';

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly requestId?: string | null;
}

/** Appends audit events and reads them back; it has no way to change or delete one. */
@Injectable()
export class AuditRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({ append: 'audit/append', list: 'audit/list' });

  async append(entry: AuditEntry): Promise<void> {
    await this.writeQuery(this.q.append, {
      id: randomUUID(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      requestId: entry.requestId ?? null,
    });
  }

  async list(filter: { action?: string; actor?: string; skip: number; limit: number }): Promise<AuditPage> {
    const { records } = await this.readQuery(this.q.list, {
      action: filter.action ?? null,
      actor: filter.actor ?? null,
      skip: neo4j.int(filter.skip),
      limit: neo4j.int(filter.limit),
    });
    return recordToPlain<AuditPage>(records[0]!);
  }
}
