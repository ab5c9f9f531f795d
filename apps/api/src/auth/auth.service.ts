import { randomBytes } from 'node:crypto';
import { ConflictException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Role } from '@ringwatch/permissions';
import { Neo4jError } from 'neo4j-driver';
import { AuditRepository } from '../audit/audit.repository';
import type { NewUser } from './auth.dto';
import { hashPassword, verifyPassword } from './passwords';
import { TokenSigner } from './tokens';
import { UsersRepository, type UserRecord } from './users.repository';

/** Demo accounts made on the very first start, one per role; their passwords are printed once. */
const DEMO_USERS: { username: string; roles: Role[]; brands: string[] }[] = [
  { username: 'admin', roles: ['admin'], brands: [] },
  { username: 'analyst', roles: ['analyst'], brands: [] },
  { username: 'supervisor', roles: ['supervisor'], brands: [] },
  { username: 'liaison', roles: ['liaison'], brands: [] },
  { username: 'brand.aurelio', roles: ['brand_owner'], brands: ['Aurelio'] },
];

@Injectable()
export class AuthService {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  async login(username: string, password: string): Promise<{ token: string; expiresAt: string; roles: Role[]; brands: string[] }> {
    const user = await this.users.byUsername(username);
    // The same answer, and a hash computed either way, whether the user exists or not.
    const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    if (!user || !ok || !user.active) throw new UnauthorizedException('wrong username or password');
    const { token, expiresAt } = this.tokens.sign({ sub: user.username, roles: user.roles, brands: user.brands });
    return { token, expiresAt, roles: user.roles, brands: user.brands };
  }

  /** Creates a user and audits it (the password never enters the audit trail). */
  async createUser(input: NewUser, actor: { name: string; requestId?: string | null } = { name: 'system' }): Promise<UserRecord> {
    try {
      const user = await this.users.create({
        username: input.username,
        passwordHash: await hashPassword(input.password),
        roles: input.roles,
        brands: input.brands,
      });
      await this.audit.append({
        actor: actor.name,
        action: 'user.create',
        target: `user:${user.username}`,
        before: null,
        after: { roles: user.roles, brands: user.brands, active: user.active },
        requestId: actor.requestId ?? null,
      });
      return user;
    } catch (error) {
      if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
        throw new ConflictException(`user ${input.username} exists already`);
      }
      throw error;
    }
  }

  listUsers(skip: number, limit: number): Promise<UserRecord[]> {
    return this.users.list(skip, limit);
  }

  /** On a database without users, creates one demo user per role and returns their passwords (to print once). */
  async ensureDemoUsers(): Promise<{ username: string; password: string; roles: Role[]; brands: string[] }[]> {
    if ((await this.users.count()) > 0) return [];
    const created = [];
    for (const demo of DEMO_USERS) {
      const password = randomBytes(12).toString('base64url');
      await this.createUser({ ...demo, password });
      created.push({ ...demo, password });
    }
    return created;
  }
}
