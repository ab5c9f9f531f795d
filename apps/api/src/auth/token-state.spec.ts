import type { RingwatchConfig } from '@ringwatch/config';
import type { CypherRegistry } from '@ringwatch/neo4j';
import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { UsersRepository } from './users.repository';

/**
 * The token-state cache without a database: a driver that answers the token-state read from a
 * variable, counts the reads, and lets a test hold a read open while an account change runs.
 */
function harness(ttlMs: number) {
  const account = { active: true, tokenVersion: 0 };
  let reads = 0;
  let hold: Promise<void> | null = null;
  const record = (value: Record<string, unknown>) => ({ keys: Object.keys(value), get: (k: string) => value[k], toObject: () => value });
  const driver = {
    executeQuery: async () => {
      reads++;
      const answer = { ...account };
      if (hold) await hold;
      return { records: [record(answer)] };
    },
    session: () => ({
      executeWrite: (work: (tx: unknown) => Promise<unknown>) =>
        work({
          run: async () => {
            account.tokenVersion++;
            return { records: [record({ ok: true })] };
          },
        }),
      close: async () => undefined,
    }),
  } as unknown as Driver;
  const registry = { bind: (names: Record<string, string>) => names, get: (name: string) => name } as unknown as CypherRegistry;
  const users = new UsersRepository(driver, 'neo4j', registry, { api: { authStateTtlMs: ttlMs } } as RingwatchConfig);
  return {
    users,
    reads: () => reads,
    holdReads: () => {
      let release = () => undefined as void;
      hold = new Promise<void>((r) => (release = r));
      return () => {
        hold = null;
        release();
      };
    },
  };
}

const noAudit = () => null;

describe('token state cache', () => {
  it('answers repeated requests of one account from memory within the TTL', async () => {
    const h = harness(60_000);
    for (let i = 0; i < 5; i++) expect(await h.users.tokenState('a')).toEqual({ active: true, tokenVersion: 0 });
    expect(h.reads()).toBe(1);
    await h.users.tokenState('b');
    expect(h.reads()).toBe(2);
  });

  it('reads on every request with a TTL of 0', async () => {
    const h = harness(0);
    for (let i = 0; i < 3; i++) await h.users.tokenState('a');
    expect(h.reads()).toBe(3);
  });

  it('a sign-out through this process is seen by the next request', async () => {
    const h = harness(60_000);
    expect((await h.users.tokenState('a'))?.tokenVersion).toBe(0);
    await h.users.revoke('a', null, noAudit);
    expect((await h.users.tokenState('a'))?.tokenVersion).toBe(1);
    expect(h.reads()).toBe(2);
  });

  it('does not keep a state read while a change ran', async () => {
    const h = harness(60_000);
    const release = h.holdReads();
    // The read takes the old state, then the revocation commits, then the read returns.
    const stale = h.users.tokenState('a');
    await h.users.revoke('a', null, noAudit);
    release();
    expect((await stale)?.tokenVersion).toBe(0);
    // Kept, this old answer would honour the revoked token for the whole TTL.
    expect((await h.users.tokenState('a'))?.tokenVersion).toBe(1);
  });
});
