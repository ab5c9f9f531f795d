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

@Injectable()
export class UsersRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({ create: 'users/create', byUsername: 'users/by-username', list: 'users/list', count: 'users/count' });

  async create(user: { username: string; passwordHash: string; roles: Role[]; brands: string[] }): Promise<UserRecord> {
    const { records } = await this.writeQuery(this.q.create, user);
    return recordToPlain<UserRecord>(records[0]!);
  }

  async byUsername(username: string): Promise<(UserRecord & { passwordHash: string }) | null> {
    const { records } = await this.readQuery(this.q.byUsername, { username });
    return records[0] ? recordToPlain<UserRecord & { passwordHash: string }>(records[0]) : null;
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
