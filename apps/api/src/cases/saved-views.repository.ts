import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import { CaseFilterSchema, type SavedView } from '@ringwatch/wire';
import type { AuditEntry } from '../audit/audit-entry';
import { Neo4jRepository } from '../database/neo4j.repository';

interface StoredView {
  id: string;
  name: string;
  /** The filter as JSON text (a node property cannot hold a map). */
  filter: string;
  createdAt: string;
}

const toView = (v: StoredView): SavedView => ({ id: v.id, name: v.name, filter: CaseFilterSchema.parse(JSON.parse(v.filter)), createdAt: v.createdAt });

export type SaveOutcome = { outcome: 'saved'; view: SavedView } | { outcome: 'taken' | 'full' };

/** Saved views of the inbox, each of one person; every write audited in its transaction. */
@Injectable()
export class SavedViewsRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({ list: 'saved-views/list', create: 'saved-views/create', delete: 'saved-views/delete' });

  async list(owner: string): Promise<SavedView[]> {
    const { records } = await this.readQuery(this.q.list, { owner });
    return records.map((r) => toView(recordToPlain<StoredView>(r)));
  }

  /** Saves unless the name is taken (compared by nameKey) or the owner holds `max` views already. */
  create(
    view: { id: string; owner: string; name: string; nameKey: string; filter: string; max: number },
    audit: (saved: SavedView) => AuditEntry,
  ): Promise<SaveOutcome> {
    return this.audited(
      async (tx): Promise<SaveOutcome> => {
        const row = recordToPlain<StoredView & { outcome: 'saved' | 'taken' | 'full' }>((await tx.run(this.q.create, view)).records[0]!);
        return row.outcome === 'saved' ? { outcome: 'saved', view: toView(row) } : { outcome: row.outcome };
      },
      (result) => (result.outcome === 'saved' ? audit(result.view) : null),
    );
  }

  /** Deletes one of the owner's views; false when the owner has none with that id. */
  async delete(id: string, owner: string, audit: (before: Omit<SavedView, 'createdAt'>) => AuditEntry): Promise<boolean> {
    const before = await this.audited(
      async (tx) => {
        const record = (await tx.run(this.q.delete, { id, owner })).records[0];
        if (!record) return null;
        const stored = record.get('before') as Omit<StoredView, 'createdAt'>;
        return { id: stored.id, name: stored.name, filter: CaseFilterSchema.parse(JSON.parse(stored.filter)) };
      },
      (b) => (b === null ? null : audit(b)),
    );
    return before !== null;
  }
}
