import { randomBytes } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { Role } from '@ringwatch/permissions';
import { Neo4jError } from 'neo4j-driver';
import { AuditRepository } from '../audit/audit.repository';
import { BrandCatalogue } from '../brands/brand-catalogue';
import type { NewUser, UserChange } from './auth.dto';
import { hashPassword, verifyPassword } from './passwords';
import { normaliseUsername, SignInThrottle } from './sign-in-throttle';
import { TokenSigner } from './tokens';
import { UsersRepository, type UserRecord } from './users.repository';

type By = { name: string; requestId?: string | null };

/** A password the system chooses (create or reset without one): 144 random bits, shown once, never logged. */
export const generatePassword = (): string => randomBytes(18).toString('base64url');

/** What a username field may hold in the audit trail: whatever was typed, cut (sign-in takes up to 64 characters). */
const attempted = (username: string): string => username.trim().toLowerCase().slice(0, 64);

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
    @Inject(BrandCatalogue) private readonly catalogue: BrandCatalogue,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  /** Signs in from a client address; limits and lockout are checked first (SignInRefused, 429). */
  /**
   * Sign-ins and failed sign-ins are audited (the username as typed, the client address; never the
   * password). Attempts the throttle refuses (429) are not: they are what an attacker can make without
   * bound, and each would be a write.
   */
  async login(
    username: string,
    password: string,
    client: string,
    requestId: string | null = null,
  ): Promise<{ token: string; expiresAt: string; roles: Role[]; brands: string[] }> {
    const account = normaliseUsername(username);
    this.throttle.admit(client, account);
    const user = await this.users.byUsername(account);
    // The same answer, and a hash computed either way, whether the user exists or not.
    const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    if (!user || !ok || !user.active) {
      this.throttle.failed(account);
      const reason = !user ? 'unknown account' : !ok ? 'wrong password' : 'inactive account';
      await this.audit.append({
        actor: attempted(username),
        action: 'auth.login-failed',
        target: `user:${attempted(username)}`,
        after: { client, reason },
        requestId,
      });
      throw new UnauthorizedException('wrong username or password');
    }
    this.throttle.succeeded(account);
    await this.audit.append({ actor: user.username, action: 'auth.login', target: `user:${user.username}`, after: { client }, requestId });
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
    const brands = change.brands === undefined ? current.brands : await this.existingBrands(change.brands);
    if (roles.includes('brand_owner') && brands.length === 0) {
      throw new BadRequestException({ message: 'invalid input', fields: [{ field: 'brands', reason: 'a brand owner needs at least one brand' }] });
    }
    const changed = await this.users.update(
      username,
      { roles: change.roles ?? null, brands: change.brands === undefined ? null : brands, active: change.active ?? null },
      (done) =>
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

  /**
   * Sets a new password, chosen by the admin or (without one) generated and returned this once; the user's
   * tokens stop working. The password never enters the audit trail or the log.
   */
  async resetPassword(username: string, password: string | undefined, actor: By): Promise<{ username: string; password: string } | null> {
    const chosen = password ?? generatePassword();
    const done = await this.users.setPassword(username, await hashPassword(chosen), (found) =>
      found
        ? {
            actor: actor.name,
            action: 'user.password-reset',
            target: `user:${username}`,
            after: { generated: password === undefined },
            requestId: actor.requestId ?? null,
          }
        : null,
    );
    if (!done) throw new NotFoundException(`no user ${username}`);
    return password === undefined ? { username, password: chosen } : null;
  }

  /**
   * The brands as the data spells them (matched without case); a 400 naming those no listing or report
   * uses: a brand owner bound to a brand that does not exist would see nothing and act for nothing.
   */
  private async existingBrands(brands: readonly string[]): Promise<string[]> {
    const { found, missing } = await this.catalogue.resolve(brands);
    if (missing.length > 0) {
      throw new BadRequestException({
        message: 'invalid input',
        fields: missing.map((b) => ({ field: 'brands', reason: `no brand ${JSON.stringify(b)} in the data (GET /brands lists the known ones)` })),
      });
    }
    return found;
  }

  /** Deletes a user; its tokens fail with it. Audited with the state it had. */
  async deleteUser(username: string, actor: By): Promise<void> {
    const before = await this.users.remove(username, (state) =>
      state ? { actor: actor.name, action: 'user.delete', target: `user:${username}`, before: state, after: null, requestId: actor.requestId ?? null } : null,
    );
    if (before === null) throw new NotFoundException(`no user ${username}`);
  }

  /**
   * Creates a user and audits it (the password never enters the audit trail). Without a password one is
   * generated and returned this once. Brands must exist in the data, unless `brandsMustExist` is false (the
   * demo users, made before the demo data is loaded).
   */
  async createUser(input: NewUser, actor: By = { name: 'system' }, options: { brandsMustExist?: boolean } = {}): Promise<UserRecord & { password?: string }> {
    const brands = options.brandsMustExist === false ? input.brands : await this.existingBrands(input.brands);
    const password = input.password ?? generatePassword();
    try {
      const user = await this.users.create({ username: input.username, passwordHash: await hashPassword(password), roles: input.roles, brands }, (user) => ({
        actor: actor.name,
        action: 'user.create',
        target: `user:${user.username}`,
        before: null,
        after: { roles: user.roles, brands: user.brands, active: user.active },
        requestId: actor.requestId ?? null,
      }));
      return input.password === undefined ? { ...user, password } : user;
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
      const password = generatePassword();
      await this.createUser({ ...demo, password }, { name: 'system' }, { brandsMustExist: false });
      created.push({ ...demo, password });
    }
    return created;
  }
}
