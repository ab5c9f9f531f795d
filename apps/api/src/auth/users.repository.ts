import { Injectable } from '@nestjs/common';
import { recordToPlain } from '@ringwatch/neo4j';
import type { Role } from '@ringwatch/permissions';
import neo4j from 'neo4j-driver';
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

  async create(user: { username: string; passwordHash: string; roles: Role[]; brands: string[] }): Promise<UserRecord> {
    const { records } = await this.writeQuery(this.q.create, user);
    return recordToPlain<UserRecord>(records[0]!);
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
  ): Promise<{ before: UserState; user: UserRecord } | null> {
    const { records } = await this.writeQuery(this.q.update, { username, ...change });
    return records[0] ? recordToPlain<{ before: UserState; user: UserRecord }>(records[0]) : null;
  }

  /** Replaces the password hash and revokes the account's tokens; false when there is no such user. */
  async setPassword(username: string, passwordHash: string): Promise<boolean> {
    const { records } = await this.writeQuery(this.q.setPassword, { username, passwordHash });
    return records.length > 0;
  }

  /** Revokes every token of the account (sign-out); false when there is no such user. */
  async revoke(username: string): Promise<boolean> {
    const { records } = await this.writeQuery(this.q.revoke, { username });
    return records.length > 0;
  }

  /** Deletes the account; its state before, or null when there was none. */
  async remove(username: string): Promise<UserState | null> {
    const { records } = await this.writeQuery(this.q.remove, { username });
    return records[0] ? recordToPlain<{ before: UserState }>(records[0]).before : null;
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
