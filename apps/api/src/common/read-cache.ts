import { Inject, Injectable } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import { CONFIG } from './tokens';

const MAX_ENTRIES = 5_000;

interface Entry {
  at: number;
  value: Promise<unknown>;
  settled: boolean;
  refreshing: boolean;
}

/**
 * Memory for the hot reads: a detection run's clusters do not change between runs except through this
 * service's own writes, which call invalidate(). Concurrent misses for one key share one database
 * query. Past the TTL (which bounds how stale another process's writes can look) an entry is still
 * served while one background read refreshes it, so expiry never stalls a busy endpoint.
 */
@Injectable()
export class ReadCache {
  private entries = new Map<string, Entry>();
  private readonly ttlMs: number;

  constructor(@Inject(CONFIG) config: RingwatchConfig) {
    this.ttlMs = config.api.readCacheTtlMs;
  }

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs === 0) return load();
    const hit = this.entries.get(key);
    if (hit && (Date.now() - hit.at < this.ttlMs || !hit.settled)) return hit.value as Promise<T>;
    if (hit && !hit.refreshing) {
      hit.refreshing = true;
      const entries = this.entries;
      load().then(
        (value) => entries === this.entries && this.entries.get(key) === hit && this.store(key, Promise.resolve(value), true),
        () => (hit.refreshing = false),
      );
    }
    if (hit) return hit.value as Promise<T>;
    return this.store(key, load(), false) as Promise<T>;
  }

  private store(key: string, value: Promise<unknown>, settled: boolean): Promise<unknown> {
    const entry: Entry = { at: Date.now(), value, settled, refreshing: false };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.then(
      () => (entry.settled = true),
      // A failed read is not remembered.
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** After any write: everything read before it is forgotten (reads in flight are dropped too). */
  invalidate(): void {
    this.entries = new Map();
  }
}
