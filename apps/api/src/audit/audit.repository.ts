import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import type { AuditEvent, AuditPage } from '@ringwatch/wire';
import neo4j from 'neo4j-driver';
import { Neo4jRepository } from '../database/neo4j.repository';
import { auditParams, type AuditEntry } from './audit-entry';

/**
 * Appends audit events that record no state change of their own (a read of personal data, an export, a
 * resumed execution) and reads the trail back; it has no way to change or delete an entry. Entries of
 * state changes are written by the repository that makes the change, in its transaction
 * (Neo4jRepository.audited).
 */
@Injectable()
export class AuditRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({ append: 'audit/append', appendMany: 'audit/append-many', list: 'audit/list', exportPage: 'audit/export-page' });

  async append(entry: AuditEntry): Promise<void> {
    await this.writeQuery(this.q.append, auditParams(entry));
  }

  async appendMany(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length > 0) await this.writeQuery(this.q.appendMany, { entries: entries.map(auditParams) });
  }

  async list(filter: AuditFilter & { skip: number; limit: number }): Promise<AuditPage> {
    const { records } = await this.readQuery(this.q.list, {
      ...filterParams(filter),
      skip: neo4j.int(filter.skip),
      limit: neo4j.int(filter.limit),
    });
    return recordToPlain<AuditPage>(records[0]!);
  }

  /** The whole filtered trail, newest first, in pages of `pageSize` read one after the other (for the CSV export). */
  async *all(filter: AuditFilter, pageSize = 2000): AsyncGenerator<AuditEvent[]> {
    let after: AuditEvent | null = null;
    for (;;) {
      const { records } = await this.readQuery(this.q.exportPage, {
        ...filterParams(filter),
        afterAt: after?.at ?? null,
        afterId: after?.id ?? null,
        limit: neo4j.int(pageSize),
      });
      const page = records.map((r) => recordToPlain<AuditEvent>(r));
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
      after = page[page.length - 1]!;
    }
  }
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  target?: string;
  from?: string;
  to?: string;
}

function filterParams(filter: AuditFilter) {
  return { action: filter.action ?? null, actor: filter.actor ?? null, target: filter.target ?? null, from: filter.from ?? null, to: filter.to ?? null };
}
