import { RateLimiter } from '../common/rate-limit.middleware';
import { DomainError } from '../common/errors.filter';

/** How hard sign-in may be tried (RingwatchConfig.signIn). 0 switches a limit off. */
export interface SignInLimits {
  /** Attempts per minute from one client address. */
  readonly perAddressPerMinute: number;
  /** Attempts per minute on one account, from whatever addresses. */
  readonly perAccountPerMinute: number;
  /** Consecutive failures on an account before it is locked. */
  readonly lockoutThreshold: number;
  /** The first lock; each further failure after one doubles it... */
  readonly lockoutBaseSeconds: number;
  /** ...up to this, which is also how long an account's failures are remembered without a new one. */
  readonly lockoutMaxSeconds: number;
}

/** A sign-in attempt refused before the password is looked at: 429 with Retry-After. */
export class SignInRefused extends DomainError {
  readonly status = 429;
  readonly code = 'too_many_requests';
  constructor(override readonly retryAfterSeconds: number) {
    super(`too many sign-in attempts; retry in ${retryAfterSeconds} s`);
  }
}

/**
 * The account a sign-in names, as the limits count it: trimmed and lower-cased, so `Admin` and ` admin`
 * are the same account (usernames are stored lower-case, so sign-in looks them up this way too).
 */
export const normaliseUsername = (username: string): string => username.trim().toLowerCase();

/** Beyond this many remembered accounts, forgotten ones are swept (unknown names cost memory too). */
const SWEEP_AT = 10_000;

/**
 * Password-guessing defence, counted inside the sign-in handler, so every path Express routes there
 * (`/Auth/Login/`, `/auth//login`, ...) counts. Keys: the client address and the account named. Locks
 * and limits are the same for unknown accounts as for real ones, and are checked before the account is
 * looked up, so a 429 says nothing about whether an account exists. A locked account refuses even the
 * right password. In memory: one API process (several would need a shared store).
 */
export class SignInThrottle {
  private readonly addresses: RateLimiter;
  private readonly accounts: RateLimiter;
  private readonly failures = new Map<string, { count: number; lockedUntil: number; last: number }>();

  constructor(
    private readonly limits: SignInLimits,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.addresses = new RateLimiter(limits.perAddressPerMinute, now);
    this.accounts = new RateLimiter(limits.perAccountPerMinute, now);
  }

  /** Throws SignInRefused when this attempt may not be made; otherwise counts it. */
  admit(address: string, account: string): void {
    const now = this.now();
    const record = this.current(account, now);
    if (record && record.lockedUntil > now) throw new SignInRefused(Math.ceil((record.lockedUntil - now) / 1000));
    const byAddress = this.addresses.hit(address);
    if (byAddress > 0) throw new SignInRefused(byAddress);
    const byAccount = this.accounts.hit(account);
    if (byAccount > 0) throw new SignInRefused(byAccount);
  }

  /** A wrong password (or an unknown or inactive account): past the threshold, each one locks for twice as long. */
  failed(account: string): void {
    const now = this.now();
    const record = this.current(account, now) ?? { count: 0, lockedUntil: 0, last: now };
    record.count += 1;
    record.last = now;
    const { lockoutThreshold, lockoutBaseSeconds, lockoutMaxSeconds } = this.limits;
    if (lockoutThreshold > 0 && record.count >= lockoutThreshold) {
      const seconds = Math.min(lockoutMaxSeconds, lockoutBaseSeconds * 2 ** Math.min(30, record.count - lockoutThreshold));
      record.lockedUntil = now + seconds * 1000;
    }
    if (this.failures.size >= SWEEP_AT) this.sweep(now);
    this.failures.set(account, record);
  }

  succeeded(account: string): void {
    this.failures.delete(account);
  }

  /** The account's failures, unless it has been quiet (and unlocked) for lockoutMaxSeconds. */
  private current(account: string, now: number): { count: number; lockedUntil: number; last: number } | undefined {
    const record = this.failures.get(account);
    if (record && this.stale(record, now)) {
      this.failures.delete(account);
      return undefined;
    }
    return record;
  }

  private stale(record: { lockedUntil: number; last: number }, now: number): boolean {
    return record.lockedUntil <= now && now - Math.max(record.last, record.lockedUntil) > this.limits.lockoutMaxSeconds * 1000;
  }

  private sweep(now: number): void {
    for (const [account, record] of this.failures) if (this.stale(record, now)) this.failures.delete(account);
  }
}
