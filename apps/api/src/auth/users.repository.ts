import { Inject, Injectable } from '@nestjs/common';
import { type CypherRegistry, recordToPlain } from '@ringwatch/neo4j';
import neo4j, { type Driver } from 'neo4j-driver';
import { CYPHER, NEO4J_DATABASE, NEO4J_DRIVER } from '../common/tokens';
import type { Role } from './roles';

export interface UserRecord {
  username: string;
  roles: Role[];
  brands: string[];
  active: boolean;
  createdAt: string;
}

@Injectable()
export class UsersRepository {
  private readonly q;

  constructor(
    @Inject(NEO4J_DRIVER) private readonly driver: Driver,
    @Inject(NEO4J_DATABASE) private readonly database: string,
    @Inject(CYPHER) registry: CypherRegistry,
  ) {
    this.q = registry.bind({ create: 'users/create', byUsername: 'users/by-username', list: 'users/list', count: 'users/count' });
  }

  async create(user: { username: string; passwordHash: string; roles: Role[]; brands: string[] }): Promise<UserRecord> {
    const { records } = await this.driver.executeQuery(this.q.create, user, { database: this.database });
    return recordToPlain<UserRecord>(records[0]!);
  }

  async byUsername(username: string): Promise<(UserRecord & { passwordHash: string }) | null> {
    const { records } = await this.driver.executeQuery(this.q.byUsername, { username }, { database: this.database, routing: 'READ' });
    return records[0] ? recordToPlain<UserRecord & { passwordHash: string }>(records[0]) : null;
  }

  async list(skip: number, limit: number): Promise<UserRecord[]> {
    const { records } = await this.driver.executeQuery(this.q.list, { skip: neo4j.int(skip), limit: neo4j.int(limit) }, { database: this.database, routing: 'READ' });
    return records.map((r) => recordToPlain<UserRecord>(r));
  }

  async count(): Promise<number> {
    const { records } = await this.driver.executeQuery(this.q.count, {}, { database: this.database, routing: 'READ' });
    return recordToPlain<{ users: number }>(records[0]!).users;
  }
}
