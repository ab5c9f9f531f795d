import { Inject, Injectable } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import { CONFIG } from './tokens';

const MAX_ENTRIES = 5_000;

/**
 * Memory for the hot reads: a detection run's clusters do not change between runs except through this
 * service's own writes, which call invalidate(). Concurrent misses for one key share one database
 * query. Another process's writes (a CLI load or run) become visible within the TTL.
 */
@Injectable()
export class ReadCache {
  private entries = new Map<string, { at: number; value: Promise<unknown> }>();
  private readonly ttlMs: number;

  constructor(@Inject(CONFIG) config: RingwatchConfig) {
    this.ttlMs = config.api.readCacheTtlMs;
  }

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs === 0) return load();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const entry = { at: now, value: load() as Promise<unknown> };
    this.entries.delete(key);
    this.entries.set(key, entry);
    // A failed read is not remembered.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry.value as Promise<T>;
  }

  /** After any write: everything read before it is forgotten (reads in flight are dropped too). */
  invalidate(): void {
    this.entries = new Map();
  }
}
