import { randomBytes } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { Role } from '@ringwatch/permissions';
import { Neo4jError } from 'neo4j-driver';
import type { NewUser, UserChange } from './auth.dto';
import { hashPassword, verifyPassword } from './passwords';
import { normaliseUsername, SignInThrottle } from './sign-in-throttle';
import { TokenSigner } from './tokens';
import { UsersRepository, type UserRecord } from './users.repository';

type By = { name: string; requestId?: string | null };

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
    @Inject(SignInThrottle) private readonly throttle: SignInThrottle,
  ) {}

  /** Signs in from a client address; limits and lockout are checked first (SignInRefused, 429). */
  async login(username: string, password: string, client: string): Promise<{ token: string; expiresAt: string; roles: Role[]; brands: string[] }> {
    const account = normaliseUsername(username);
    this.throttle.admit(client, account);
    const user = await this.users.byUsername(account);
    // The same answer, and a hash computed either way, whether the user exists or not.
    const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    if (!user || !ok || !user.active) {
      this.throttle.failed(account);
      throw new UnauthorizedException('wrong username or password');
    }
    this.throttle.succeeded(account);
    const { token, expiresAt } = this.tokens.sign({ sub: user.username, roles: user.roles, brands: user.brands, ver: user.tokenVersion });
    return { token, expiresAt, roles: user.roles, brands: user.brands };
  }

  /**
   * A token for an existing, active account, as sign-in would issue it (with the account's current token
   * version), without a password: for tests and benchmarks that act as a role.
   */
  async issueToken(username: string): Promise<string> {
    const user = await this.users.byUsername(username);
    if (user === null || !user.active) throw new NotFoundException(`no active user ${username}`);
    return this.tokens.sign({ sub: user.username, roles: user.roles, brands: user.brands, ver: user.tokenVersion }).token;
  }

  /**
   * Sign-out: every token of the caller's account stops working (tokens carry the account's version).
   * `version` is the signing-out token's: of N sign-outs with one token at once, one succeeds and the
   * others find their token revoked (401), as a later request with it would.
   */
  async logout(actor: By, version: number): Promise<void> {
    const revoked = await this.users.revoke(actor.name, version, (done) =>
      done ? { actor: actor.name, action: 'user.logout', target: `user:${actor.name}`, requestId: actor.requestId ?? null } : null,
    );
    if (!revoked) throw new UnauthorizedException('this session has ended already');
  }

  /** Changes roles, brands or activation; the user's tokens stop working at once. Audited with before and after. */
  async updateUser(username: string, change: UserChange, actor: By): Promise<UserRecord> {
    const current = await this.users.byUsername(username);
    if (current === null) throw new NotFoundException(`no user ${username}`);
    const roles = change.roles ?? current.roles;
    const brands = change.brands ?? current.brands;
    if (roles.includes('brand_owner') && brands.length === 0) {
      throw new BadRequestException({ message: 'invalid input', fields: [{ field: 'brands', reason: 'a brand owner needs at least one brand' }] });
    }
    const changed = await this.users.update(username, { roles: change.roles ?? null, brands: change.brands ?? null, active: change.active ?? null }, (done) =>
      done
        ? {
            actor: actor.name,
            action: 'user.update',
            target: `user:${username}`,
            before: done.before,
            after: { roles: done.user.roles, brands: done.user.brands, active: done.user.active },
            requestId: actor.requestId ?? null,
          }
        : null,
    );
    if (changed === null) throw new NotFoundException(`no user ${username}`);
    return changed.user;
  }

  /** Sets a new password chosen by an admin; the user's tokens stop working. The password never enters the audit trail. */
  async resetPassword(username: string, password: string, actor: By): Promise<void> {
    const done = await this.users.setPassword(username, await hashPassword(password), (found) =>
      found ? { actor: actor.name, action: 'user.password-reset', target: `user:${username}`, requestId: actor.requestId ?? null } : null,
    );
    if (!done) throw new NotFoundException(`no user ${username}`);
  }

  /** Deletes a user; its tokens fail with it. Audited with the state it had. */
  async deleteUser(username: string, actor: By): Promise<void> {
    const before = await this.users.remove(username, (state) =>
      state ? { actor: actor.name, action: 'user.delete', target: `user:${username}`, before: state, after: null, requestId: actor.requestId ?? null } : null,
    );
    if (before === null) throw new NotFoundException(`no user ${username}`);
  }

  /** Creates a user and audits it (the password never enters the audit trail). */
  async createUser(input: NewUser, actor: By = { name: 'system' }): Promise<UserRecord> {
    try {
      return await this.users.create(
        { username: input.username, passwordHash: await hashPassword(input.password), roles: input.roles, brands: input.brands },
        (user) => ({
          actor: actor.name,
          action: 'user.create',
          target: `user:${user.username}`,
          before: null,
          after: { roles: user.roles, brands: user.brands, active: user.active },
          requestId: actor.requestId ?? null,
        }),
      );
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
