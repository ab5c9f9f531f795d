import { describe, expect, it } from 'vitest';
import type { RingwatchConfig } from '@ringwatch/config';
import { RateLimiter } from './rate-limit.middleware';
import { ReadCache } from './read-cache';

const cacheWith = (ttl: number) => new ReadCache({ api: { readCacheTtlMs: ttl } } as RingwatchConfig);

describe('ReadCache', () => {
  it('shares one load between concurrent and repeated reads until invalidated', async () => {
    const cache = cacheWith(60_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
    expect(await cache.get('k', load)).toBe(1);
    cache.invalidate();
    expect(await cache.get('k', load)).toBe(2);
  });

  it('forgets failures and never caches with a TTL of 0', async () => {
    const cache = cacheWith(60_000);
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('k', async () => 'up')).toBe('up');
    const off = cacheWith(0);
    let loads = 0;
    await off.get('k', async () => ++loads);
    await off.get('k', async () => ++loads);
    expect(loads).toBe(2);
  });

  it('drops a read that was in flight when a write invalidated the cache', async () => {
    const cache = cacheWith(60_000);
    let release!: (v: string) => void;
    const stale = cache.get('k', () => new Promise<string>((r) => (release = r)));
    cache.invalidate();
    release('before the write');
    expect(await stale).toBe('before the write');
    expect(await cache.get('k', async () => 'after the write')).toBe('after the write');
  });
});

describe('RateLimiter', () => {
  it('allows the limit per key per minute, then says how long to wait', () => {
    let now = 60_000 * 100 + 15_000;
    const limiter = new RateLimiter(2, () => now);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('b')]).toEqual([0, 0, 0]);
    expect(limiter.hit('a')).toBe(45);
    now += 45_000;
    expect(limiter.hit('a')).toBe(0);
    expect(new RateLimiter(0).hit('a')).toBe(0);
  });
});

describe('ReadCache past its TTL', () => {
  it('serves the old value while one background read refreshes it', async () => {
    const cache = new ReadCache({ api: { readCacheTtlMs: 20 } } as RingwatchConfig);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
    await new Promise((r) => setTimeout(r, 5));
    expect(loads).toBe(2);
    expect(await cache.get('k', load)).toBe(2);
  });
});
