import { Inject, Injectable } from '@nestjs/common';
import { hasPermission } from '@ringwatch/permissions';
import type { Actor } from '../common/actor';
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
  constructor(@Inject(AuditRepository) private readonly audit: AuditRepository) {}

  /** Records the read when the caller sees identities; nothing for a redacted answer. */
  async record(actor: Actor, read: { via: string; sellers?: readonly string[]; target?: string }): Promise<void> {
    if (!hasPermission(actor.roles, 'identities.read')) return;
    const base = { actor: actor.name, action: 'identities.read', before: null, requestId: actor.requestId };
    const sellers = [...new Set(read.sellers ?? [])];
    if (sellers.length > 0) await this.audit.appendMany(sellers.map((id) => ({ ...base, target: `seller:${id}`, after: { via: read.via } })));
    else await this.audit.append({ ...base, target: read.target ?? read.via, after: { via: read.via } });
  }
}
