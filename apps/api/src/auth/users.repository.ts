import { Inject, Injectable } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import { recordToPlain, type CypherRegistry } from '@ringwatch/neo4j';
import type { Role } from '@ringwatch/permissions';
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import type { AuditOf } from '../audit/audit-entry';
import { CONFIG, CYPHER, NEO4J_DATABASE, NEO4J_DRIVER } from '../common/tokens';
import { Neo4jRepository } from '../database/neo4j.repository';

export interface UserRecord {
  username: string;
  roles: Role[];
  brands: string[];
  active: boolean;
  createdAt: string;
}

/** What an audit entry records of a user before and after a change (never the password). */
export type UserState = Pick<UserRecord, 'roles' | 'brands' | 'active'>;

export interface UserChanged {
  before: UserState;
  user: UserRecord;
}

type TokenState = { active: boolean; tokenVersion: number } | null;

/** Accounts whose token state is kept at most; past it the oldest go first (Map keeps insertion order). */
const TOKEN_STATES_KEPT = 10_000;

@Injectable()
export class UsersRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({
    create: 'users/create',
    byUsername: 'users/by-username',
    list: 'users/list',
    count: 'users/count',
    tokenState: 'users/token-state',
    update: 'users/update',
    setPassword: 'users/set-password',
    revoke: 'users/revoke',
    remove: 'users/delete',
  });
  /**
   * Token states read for recent requests: every authenticated request asks for one, and a database
   * round trip per request doubled the cost of a read served from the read cache. Kept for
   * config.api.authStateTtlMs; every account change below clears its entry before it commits, so a
   * sign-out or deactivation through this process takes effect on the next request.
   */
  private readonly tokenStates = new Map<string, { state: TokenState; until: number }>();
  private readonly tokenStateTtlMs: number;
  /** Moves before and after every account change: a state read across a change is not kept. */
  private accountChanges = 0;

  constructor(
    @Inject(NEO4J_DRIVER) driver: Driver,
    @Inject(NEO4J_DATABASE) database: string,
    @Inject(CYPHER) registry: CypherRegistry,
    @Inject(CONFIG) config: RingwatchConfig,
  ) {
    super(driver, database, registry);
    this.tokenStateTtlMs = config.api.authStateTtlMs;
  }

  /** Fails with the database's constraint error when the username is taken (then nothing is audited). */
  async create(user: { username: string; passwordHash: string; roles: Role[]; brands: string[] }, audit: AuditOf<UserRecord>): Promise<UserRecord> {
    return this.changing(user.username, () => this.audited(async (tx) => recordToPlain<UserRecord>((await tx.run(this.q.create, user)).records[0]!), audit));
  }

  async byUsername(username: string): Promise<(UserRecord & { passwordHash: string; tokenVersion: number }) | null> {
    const { records } = await this.readQuery(this.q.byUsername, { username });
    return records[0] ? recordToPlain<UserRecord & { passwordHash: string; tokenVersion: number }>(records[0]) : null;
  }

  /** Whether the account exists, is active, and which token version it honours; null when it is gone. */
  async tokenState(username: string): Promise<TokenState> {
    const kept = this.tokenStates.get(username);
    if (kept && kept.until > Date.now()) return kept.state;
    const changesBefore = this.accountChanges;
    const { records } = await this.readQuery(this.q.tokenState, { username });
    const state = records[0] ? recordToPlain<{ active: boolean; tokenVersion: number }>(records[0]) : null;
    if (this.tokenStateTtlMs > 0 && this.accountChanges === changesBefore) {
      this.tokenStates.delete(username);
      if (this.tokenStates.size >= TOKEN_STATES_KEPT) this.tokenStates.delete(this.tokenStates.keys().next().value!);
      this.tokenStates.set(username, { state, until: Date.now() + this.tokenStateTtlMs });
    }
    return state;
  }

  /**
   * An account change: its state is forgotten before the change and again once it committed, and no
   * state read while it ran is kept, so the next request after it returns reads what it wrote.
   */
  private async changing<T>(username: string, change: () => Promise<T>): Promise<T> {
    this.accountChanges++;
    this.tokenStates.delete(username);
    try {
      return await change();
    } finally {
      this.accountChanges++;
      this.tokenStates.delete(username);
    }
  }

  /** Changes roles, brands or activation (null leaves a field as it is) and revokes the account's tokens. */
  async update(
    username: string,
    change: { roles: Role[] | null; brands: string[] | null; active: boolean | null },
    audit: AuditOf<UserChanged | null>,
  ): Promise<UserChanged | null> {
    return this.changing(username, () =>
      this.audited(async (tx) => {
        const { records } = await tx.run(this.q.update, { username, ...change });
        return records[0] ? recordToPlain<UserChanged>(records[0]) : null;
      }, audit),
    );
  }

  /** Replaces the password hash and revokes the account's tokens; false when there is no such user. */
  async setPassword(username: string, passwordHash: string, audit: AuditOf<boolean>): Promise<boolean> {
    return this.changing(username, () => this.audited(async (tx) => (await tx.run(this.q.setPassword, { username, passwordHash })).records.length > 0, audit));
  }

  /**
   * Revokes every token of the account (sign-out) if it still honours `version` (null: whatever it
   * honours); false when there is no such user or the version moved on meanwhile.
   */
  async revoke(username: string, version: number | null, audit: AuditOf<boolean>): Promise<boolean> {
    return this.changing(username, () =>
      this.audited(async (tx) => (await tx.run(this.q.revoke, { username, version: version === null ? null : neo4j.int(version) })).records.length > 0, audit),
    );
  }

  /** Deletes the account; its state before, or null when there was none (or a concurrent deletion won). */
  async remove(username: string, audit: AuditOf<UserState | null>): Promise<UserState | null> {
    try {
      return await this.changing(username, () =>
        this.audited(async (tx) => {
          const { records } = await tx.run(this.q.remove, { username });
          return records[0] ? recordToPlain<{ before: UserState }>(records[0]).before : null;
        }, audit),
      );
    } catch (error) {
      // The node was matched, then deleted by the transaction this one waited for at the lock.
      if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Statement.EntityNotFound') return null;
      throw error;
    }
  }

  async list(skip: number, limit: number): Promise<UserRecord[]> {
    const { records } = await this.readQuery(this.q.list, { skip: neo4j.int(skip), limit: neo4j.int(limit) });
    return records.map((r) => recordToPlain<UserRecord>(r));
  }

  async count(): Promise<number> {
    const { records } = await this.readQuery(this.q.count, {});
    return recordToPlain<{ users: number }>(records[0]!).users;
  }
}
