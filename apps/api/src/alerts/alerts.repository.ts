import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import neo4j from 'neo4j-driver';
import type { AlertPage } from '@ringwatch/wire';
import type { AuditOf } from '../audit/audit-entry';
import { Neo4jRepository } from '../database/neo4j.repository';

export interface RaisedAlert {
  id: string;
  shopId: string;
  isNew: boolean;
}

export interface Acknowledgement {
  before: string;
  acknowledgedBy: string;
}

@Injectable()
export class AlertsRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({
    since: 'alerts/imports-since-last-run',
    raise: 'alerts/raise-recidivism',
    list: 'alerts/list',
    acknowledge: 'alerts/acknowledge',
  });

  async importsSinceLastRun(): Promise<string[]> {
    const { records } = await this.readQuery(this.q.since);
    return (records[0]?.get('imports') as string[] | undefined) ?? [];
  }

  async raiseRecidivism(imports: string[], audit: AuditOf<RaisedAlert[]>): Promise<RaisedAlert[]> {
    return this.audited(async (tx) => (await tx.run(this.q.raise, { imports })).records.map((r) => recordToPlain<RaisedAlert>(r)), audit);
  }

  async list(status: string | null, skip: number, limit: number): Promise<AlertPage> {
    const { records } = await this.readQuery(this.q.list, { status, skip: neo4j.int(skip), limit: neo4j.int(limit) });
    return recordToPlain(records[0]!);
  }

  /** Null for an unknown alert; `before` says whether this call acknowledged it ('open') or found it done. */
  async acknowledge(id: string, actor: string, note: string | null, audit: AuditOf<Acknowledgement | null>): Promise<Acknowledgement | null> {
    return this.audited(async (tx) => {
      const { records } = await tx.run(this.q.acknowledge, { id, actor, note });
      return records[0] ? recordToPlain<Acknowledgement>(records[0]) : null;
    }, audit);
  }
}
