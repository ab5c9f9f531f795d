import { describe, expect, it } from 'vitest';
import { normaliseUsername, SignInRefused, SignInThrottle } from './sign-in-throttle';

const LIMITS = { perAddressPerMinute: 0, perAccountPerMinute: 0, lockoutThreshold: 3, lockoutBaseSeconds: 30, lockoutMaxSeconds: 120 };

/** The Retry-After an attempt gets, or 0 when it is admitted. */
function retryAfter(throttle: SignInThrottle, account: string, address = '10.0.0.1'): number {
  try {
    throttle.admit(address, account);
    return 0;
  } catch (error) {
    if (error instanceof SignInRefused) return error.retryAfterSeconds;
    throw error;
  }
}

describe('SignInThrottle', () => {
  it('locks after the threshold, doubling each further failure up to the cap, and forgets after a quiet spell', () => {
    let now = Date.UTC(2026, 0, 1, 0, 0, 10);
    const throttle = new SignInThrottle(LIMITS, () => now);
    const locks: number[] = [];
    for (let failure = 1; failure <= 6; failure++) {
      throttle.failed('ann');
      const wait = retryAfter(throttle, 'ann');
      locks.push(wait);
      now += wait * 1000;
    }
    expect(locks).toEqual([0, 0, 30, 60, 120, 120]);
    throttle.failed('ann');
    now += 120_000 + 120_001;
    expect(retryAfter(throttle, 'ann')).toBe(0);
    throttle.failed('ann');
    expect(retryAfter(throttle, 'ann')).toBe(0);
  });

  it('clears an account on success, and keeps accounts apart', () => {
    const throttle = new SignInThrottle(LIMITS, () => 0);
    for (let i = 0; i < 3; i++) throttle.failed('ann');
    expect(retryAfter(throttle, 'ann')).toBe(30);
    expect(retryAfter(throttle, 'bob')).toBe(0);
    throttle.succeeded('ann');
    expect(retryAfter(throttle, 'ann')).toBe(0);
  });

  it('limits per address and per account within a minute', () => {
    const throttle = new SignInThrottle({ ...LIMITS, perAddressPerMinute: 2, perAccountPerMinute: 3 }, () => 30_000);
    expect([retryAfter(throttle, 'a', 'x'), retryAfter(throttle, 'b', 'x'), retryAfter(throttle, 'c', 'x')]).toEqual([0, 0, 30]);
    expect([retryAfter(throttle, 'd', 'y'), retryAfter(throttle, 'd', 'z'), retryAfter(throttle, 'd', 'w'), retryAfter(throttle, 'd', 'v')]).toEqual([
      0, 0, 0, 30,
    ]);
  });

  it('normalises usernames by trimming and lower-casing', () => {
    expect(normaliseUsername('  Brand.Aurelio ')).toBe('brand.aurelio');
  });
});
