import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import neo4j from 'neo4j-driver';
import type { AlertPage } from '@ringwatch/wire';
import { Neo4jRepository } from '../database/neo4j.repository';

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

  async raiseRecidivism(imports: string[]): Promise<{ id: string; shopId: string; isNew: boolean }[]> {
    const { records } = await this.writeQuery(this.q.raise, { imports });
    return records.map((r) => recordToPlain<{ id: string; shopId: string; isNew: boolean }>(r));
  }

  async list(status: string | null, skip: number, limit: number): Promise<AlertPage> {
    const { records } = await this.readQuery(this.q.list, { status, skip: neo4j.int(skip), limit: neo4j.int(limit) });
    return recordToPlain(records[0]!);
  }

  async acknowledge(id: string, actor: string, note: string | null): Promise<{ before: string; acknowledgedBy: string } | null> {
    const { records } = await this.writeQuery(this.q.acknowledge, { id, actor, note });
    return records[0] ? recordToPlain<{ before: string; acknowledgedBy: string }>(records[0]) : null;
  }
}
