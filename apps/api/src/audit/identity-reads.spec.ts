import { describe, expect, it } from 'vitest';
import type { Actor } from '../common/actor';
import type { AuditEntry } from './audit-entry';
import type { AuditRepository } from './audit.repository';
import { IdentityReads } from './identity-reads';

/** An audit store whose writes finish when the test says so. */
function store() {
  const writes: { entries: readonly AuditEntry[]; finish: (error?: Error) => void }[] = [];
  const audit = {
    appendMany: (entries: readonly AuditEntry[]) =>
      new Promise<void>((resolve, reject) => writes.push({ entries, finish: (error) => (error ? reject(error) : resolve()) })),
  } as unknown as AuditRepository;
  return { reads: new IdentityReads(audit), writes };
}

const supervisor: Actor = { name: 'sup', roles: ['supervisor'], brands: [], requestId: 'r1' };
const brandOwner: Actor = { name: 'bo', roles: ['brand_owner'], brands: ['Aurelio'], requestId: 'r2' };
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('identity reads (group commit)', () => {
  it('writes the first read at once and the reads arriving meanwhile together, each answered only once written', async () => {
    const { reads, writes } = store();
    const settled: string[] = [];
    const first = reads.record(supervisor, { via: 'GET /search', target: 'search' }).then(() => settled.push('first'));
    await tick();
    expect(writes).toHaveLength(1);
    const second = reads.record(supervisor, { via: 'GET /clusters/C1/graph', target: 'cluster:C1' }).then(() => settled.push('second'));
    const third = reads.record(supervisor, { via: 'GET /shops/S1', sellers: ['U1', 'U2', 'U1'] }).then(() => settled.push('third'));
    await tick();
    // Still one write: the other two wait for it to end.
    expect(writes).toHaveLength(1);
    expect(settled).toEqual([]);
    writes[0]!.finish();
    await first;
    await tick();
    expect(writes).toHaveLength(2);
    expect(writes[1]!.entries.map((e) => e.target)).toEqual(['cluster:C1', 'seller:U1', 'seller:U2']);
    expect(settled).toEqual(['first']);
    writes[1]!.finish();
    await Promise.all([second, third]);
    expect(settled.sort()).toEqual(['first', 'second', 'third']);
  });

  it('fails every read of a batch whose write failed, and writes the next ones', async () => {
    const { reads, writes } = store();
    const failing = reads.record(supervisor, { via: 'GET /search', target: 'search' });
    await tick();
    writes[0]!.finish(new Error('database gone'));
    await expect(failing).rejects.toThrow('database gone');
    const next = reads.record(supervisor, { via: 'GET /search', target: 'search' });
    await tick();
    expect(writes).toHaveLength(2);
    writes[1]!.finish();
    await expect(next).resolves.toBeUndefined();
  });

  it('records nothing for a role that sees identities redacted', async () => {
    const { reads, writes } = store();
    await reads.record(brandOwner, { via: 'GET /search', target: 'search' });
    expect(writes).toHaveLength(0);
  });
});
