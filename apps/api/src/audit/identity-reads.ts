import { Inject, Injectable } from '@nestjs/common';
import { hasPermission } from '@ringwatch/permissions';
import type { Actor } from '../common/actor';
import type { AuditEntry } from './audit-entry';
import { AuditRepository } from './audit.repository';

/**
 * Who saw people, and when: every answer that shows identities unredacted (to a role with identities.read)
 * leaves an `identities.read` entry. With the sellers known (a shop's seller, a dossier's sellers), one
 * entry per seller, target `seller:<id>`, so "who saw this seller" is a filter on the target; otherwise one
 * entry naming what was read (a cluster's graph, shops' evidence, a search). The entries carry ids and the
 * route, never the personal data itself (the audit trail is read by admins, who do not see identities).
 */
@Injectable()
export class IdentityReads {
  /** Entries waiting for the next write, each with the request that waits for it. */
  private pending: { entries: AuditEntry[]; done: () => void; failed: (error: unknown) => void }[] = [];
  private flushing = false;

  constructor(@Inject(AuditRepository) private readonly audit: AuditRepository) {}

  /**
   * Records the read when the caller sees identities; nothing for a redacted answer. Resolves once the
   * entry is written, so no answer with identities leaves before its entry.
   */
  async record(actor: Actor, read: { via: string; sellers?: readonly string[]; target?: string }): Promise<void> {
    if (!hasPermission(actor.roles, 'identities.read')) return;
    const base = { actor: actor.name, action: 'identities.read', before: null, requestId: actor.requestId };
    const sellers = [...new Set(read.sellers ?? [])];
    const entries =
      sellers.length > 0
        ? sellers.map((id) => ({ ...base, target: `seller:${id}`, after: { via: read.via } }))
        : [{ ...base, target: read.target ?? read.via, after: { via: read.via } }];
    await new Promise<void>((done, failed) => {
      this.pending.push({ entries, done, failed });
      if (!this.flushing) void this.flush();
    });
  }

  /**
   * Group commit: one write transaction per read cost a busy API half its throughput (every analyst's
   * read of a graph or a search is one). The first read is written at once, as before; reads arriving
   * while a write runs go together in the next one. Nothing waits for a timer.
   */
  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          await this.audit.appendMany(batch.flatMap((b) => b.entries));
          for (const b of batch) b.done();
        } catch (error) {
          for (const b of batch) b.failed(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
