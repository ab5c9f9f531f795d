import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import type { Role } from '@ringwatch/permissions';
import neo4j, { Neo4jError } from 'neo4j-driver';
import type { AuditOf } from '../audit/audit-entry';
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

  /** Fails with the database's constraint error when the username is taken (then nothing is audited). */
  async create(user: { username: string; passwordHash: string; roles: Role[]; brands: string[] }, audit: AuditOf<UserRecord>): Promise<UserRecord> {
    return this.audited(async (tx) => recordToPlain<UserRecord>((await tx.run(this.q.create, user)).records[0]!), audit);
  }

  async byUsername(username: string): Promise<(UserRecord & { passwordHash: string; tokenVersion: number }) | null> {
    const { records } = await this.readQuery(this.q.byUsername, { username });
    return records[0] ? recordToPlain<UserRecord & { passwordHash: string; tokenVersion: number }>(records[0]) : null;
  }

  /** Whether the account exists, is active, and which token version it honours; null when it is gone. */
  async tokenState(username: string): Promise<{ active: boolean; tokenVersion: number } | null> {
    const { records } = await this.readQuery(this.q.tokenState, { username });
    return records[0] ? recordToPlain<{ active: boolean; tokenVersion: number }>(records[0]) : null;
  }

  /** Changes roles, brands or activation (null leaves a field as it is) and revokes the account's tokens. */
  async update(
    username: string,
    change: { roles: Role[] | null; brands: string[] | null; active: boolean | null },
    audit: AuditOf<UserChanged | null>,
  ): Promise<UserChanged | null> {
    return this.audited(async (tx) => {
      const { records } = await tx.run(this.q.update, { username, ...change });
      return records[0] ? recordToPlain<UserChanged>(records[0]) : null;
    }, audit);
  }

  /** Replaces the password hash and revokes the account's tokens; false when there is no such user. */
  async setPassword(username: string, passwordHash: string, audit: AuditOf<boolean>): Promise<boolean> {
    return this.audited(async (tx) => (await tx.run(this.q.setPassword, { username, passwordHash })).records.length > 0, audit);
  }

  /**
   * Revokes every token of the account (sign-out) if it still honours `version` (null: whatever it
   * honours); false when there is no such user or the version moved on meanwhile.
   */
  async revoke(username: string, version: number | null, audit: AuditOf<boolean>): Promise<boolean> {
    return this.audited(
      async (tx) => (await tx.run(this.q.revoke, { username, version: version === null ? null : neo4j.int(version) })).records.length > 0,
      audit,
    );
  }

  /** Deletes the account; its state before, or null when there was none (or a concurrent deletion won). */
  async remove(username: string, audit: AuditOf<UserState | null>): Promise<UserState | null> {
    try {
      return await this.audited(async (tx) => {
        const { records } = await tx.run(this.q.remove, { username });
        return records[0] ? recordToPlain<{ before: UserState }>(records[0]).before : null;
      }, audit);
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
