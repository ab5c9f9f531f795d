import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException, Optional } from '@nestjs/common';
import { missingDetail, moveRefusal, movesByPeople, OPEN_STATUSES, planCaseSync } from '@ringwatch/cases';
import type { RingwatchConfig } from '@ringwatch/config';
import { hasPermission } from '@ringwatch/permissions';
import type { CaseAssign, CaseDetail, CaseListQuery, CaseMove, CaseNote, CasePage, CaseReferral } from '@ringwatch/wire';
import type { Actor } from '../common/actor';
import { ReadCache } from '../common/read-cache';
import { Redaction } from '../common/redaction';
import { CONFIG } from '../common/tokens';
import { CasesRepository } from './cases.repository';

/**
 * Cases: the investigation of a network, carried through every detection run (the pure rules are in
 * @ringwatch/cases). People move, assign, prioritise and annotate them; each change is checked against
 * the status machine, made under the case's lock (one of N concurrent changes wins) and audited in its
 * transaction.
 */
@Injectable()
export class CasesService {
  constructor(
    @Inject(CasesRepository) private readonly repository: CasesRepository,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    @Inject(Redaction) private readonly redaction: Redaction,
    // A case's status and referral are in its network's dossier, which the read cache keeps (optional for
    // the detection tests, which build this service by hand and read no dossiers).
    @Optional() @Inject(ReadCache) private readonly cache?: ReadCache,
  ) {}

  /** After a detection run: cases follow their networks, new flagged networks get cases. */
  async syncAfterRun(runId: string) {
    const [cases, clusters] = await Promise.all([this.repository.tracked(), this.repository.runClusters(runId)]);
    const actions = planCaseSync(cases, clusters, { reopenRiskRise: this.config.cases.reopenRiskRise });
    return this.repository.applySync(runId, actions);
  }

  list(query: CaseListQuery, actor: Actor): Promise<CasePage> {
    const assignee = query.assignee === 'me' ? actor.name : query.assignee === 'none' ? '' : (query.assignee ?? null);
    const statuses = query.status === 'open' ? OPEN_STATUSES : query.status ? [query.status] : [];
    return this.repository.list({
      statuses,
      assignee,
      priority: query.priority ?? null,
      minRisk: query.minRisk ?? null,
      brand: query.brand ?? null,
      changedSince: query.changedSince ?? null,
      skip: query.skip,
      limit: query.limit,
    });
  }

  /** A case as the caller may see it: an alert's shared identifiers pass through the caller's identity view. */
  async get(id: string, actor: Pick<Actor, 'roles'>): Promise<CaseDetail> {
    const row = await this.repository.get(id);
    if (!row) throw new NotFoundException(`case ${id} not found`);
    const view = this.redaction.viewFor(actor.roles);
    return {
      ...row,
      referralContact: view.contact(row.referralContact),
      alerts: row.alerts.map((a) => ({ ...a, via: a.via.map((v) => view.tagged(v)) })),
      moves: [...movesByPeople(row.status)],
    };
  }

  async move(id: string, input: CaseMove, actor: Actor): Promise<CaseDetail> {
    const current = await this.get(id, actor);
    const refused = moveRefusal(current.status, input.to);
    if (refused) throw new ConflictException(refused);
    const missing = missingDetail(input.to, input);
    if (missing)
      throw new BadRequestException({ message: 'invalid input', fields: [{ field: input.to === 'referred' ? 'agency' : 'reason', reason: missing }] });
    const reason = input.reason ?? (input.to === 'referred' ? `referred to ${input.agency} (${input.reference})` : null);
    const moved = await this.repository.move(
      id,
      { from: current.status, to: input.to, reason, agency: input.agency ?? null, reference: input.reference ?? null, actor: actor.name },
      (before) => ({
        actor: actor.name,
        action: 'case.status',
        target: `case:${id}`,
        before: { status: before },
        after: { status: input.to, reason, agency: input.agency ?? null, reference: input.reference ?? null },
        requestId: actor.requestId,
      }),
    );
    if (moved === null) throw new ConflictException(`case ${id} was changed by someone else meanwhile (it is no longer ${current.status})`);
    this.cache?.invalidate();
    return this.get(id, actor);
  }

  /**
   * The liaison records the referral to law enforcement; the case becomes referred. The same status
   * machine as a move (from investigating, shut down or monitoring), under the case's lock: of N
   * concurrent referrals one wins and is audited, the others get 409.
   */
  async refer(id: string, input: CaseReferral, actor: Actor): Promise<CaseDetail> {
    const current = await this.get(id, actor);
    const refused = moveRefusal(current.status, 'referred');
    if (refused) throw new ConflictException(refused);
    const done = await this.repository.refer(id, { from: current.status, ...input, actor: actor.name }, (before) => ({
      actor: actor.name,
      action: 'case.referral',
      target: `case:${id}`,
      before: { status: before },
      after: { status: 'referred', ...input },
      requestId: actor.requestId,
    }));
    if (done === null) throw new ConflictException(`case ${id} was changed by someone else meanwhile (it is no longer ${current.status})`);
    this.cache?.invalidate();
    return this.get(id, actor);
  }

  async assign(id: string, input: CaseAssign, actor: Actor): Promise<CaseDetail> {
    if (input.assignee !== null) {
      const roles = await this.repository.assignableRoles(input.assignee);
      if (roles === null || !hasPermission(roles, 'cases.write')) {
        throw new BadRequestException({
          message: 'invalid input',
          fields: [{ field: 'assignee', reason: `${input.assignee} is not an active analyst or supervisor` }],
        });
      }
    }
    await this.setField(id, 'assignee', input.assignee, input.expected, actor);
    return this.get(id, actor);
  }

  async prioritise(id: string, priority: string, actor: Actor): Promise<CaseDetail> {
    await this.setField(id, 'priority', priority, undefined, actor);
    return this.get(id, actor);
  }

  async note(id: string, text: string, actor: Actor): Promise<CaseNote> {
    // Shop ids mentioned in the text are kept with the note when they belong to the case's network.
    const mentions = [...new Set(text.match(/\b[A-Z][A-Z0-9-]{3,40}\b/g) ?? [])];
    const note = await this.repository.note(id, { noteId: randomUUID(), author: actor.name, text, mentions }, (n) => ({
      actor: actor.name,
      action: 'case.note',
      target: `case:${id}`,
      before: null,
      after: { noteId: n.id, mentions: n.mentions },
      requestId: actor.requestId,
    }));
    if (!note) throw new NotFoundException(`case ${id} not found`);
    return note;
  }

  private async setField(id: string, field: 'assignee' | 'priority', value: string | null, expected: string | null | undefined, actor: Actor): Promise<void> {
    const done = await this.repository.setField(
      id,
      { field, value, expected: expected === undefined ? null : (expected ?? ''), actor: actor.name },
      (before) => ({
        actor: actor.name,
        action: `case.${field}`,
        target: `case:${id}`,
        before: { [field]: before },
        after: { [field]: value },
        requestId: actor.requestId,
      }),
    );
    if (done === null) {
      if (!(await this.repository.get(id))) throw new NotFoundException(`case ${id} not found`);
      throw new ConflictException(`case ${id}'s ${field} was changed by someone else meanwhile`);
    }
  }
}
