import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RingwatchConfig } from '@ringwatch/config';
import { describe, expect, it } from 'vitest';
import { ReadCache } from '../common/read-cache';
import { Redaction } from '../common/redaction';
import { factsOf, fakeInput } from './dossier.fixture';
import { DossiersService } from './dossiers.service';

/** The real service and read cache over fake reads that count how often the graph was read. */
function service() {
  const input = fakeInput(6);
  const reads = { facts: 0 };
  const audit: { actor: string; after: Record<string, unknown> }[] = [];
  const repository = {
    history: async () => input.history,
    facts: async () => {
      reads.facts++;
      return {
        ...factsOf(input),
        // A copy, so a change to the fixture shows only through a new read.
        case: structuredClone(input.case),
      };
    },
    warm: async () => undefined,
  };
  const clusters = { detail: async () => input.cluster, graph: async () => input.graph };
  const cache = new ReadCache({ api: { readCacheTtlMs: 60_000 } } as RingwatchConfig);
  const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-cache-')), 'key.pem');
  const s = new DossiersService(
    repository as never,
    clusters as never,
    { append: async (e: (typeof audit)[number]) => void audit.push(e) } as never,
    new Redaction({ pii: { hmacKey: 'cache-spec-pii-key', keyFile: '-' } } as never),
    { record: async () => undefined } as never,
    { detection: { hubThreshold: 50 }, dossier: { signingKeyFile: keyFile } } as never,
    cache,
  );
  return { s, input, reads, audit, cache };
}

const who = (name: string, role: 'liaison' | 'supervisor' | 'analyst') => ({ name, roles: [role], brands: [], requestId: null });
const json = (out: { body: Buffer | string }) => JSON.parse(String(out.body)) as Record<string, any>;

describe('dossier cache', () => {
  it('reads a network once per identity view, and stamps and audits every export afresh', async () => {
    const { s, reads, audit } = service();
    const first = json(await s.export('C000005', undefined, 'json', who('lia', 'liaison')));
    await new Promise((r) => setTimeout(r, 5));
    const second = json(await s.export('C000005', undefined, 'json', who('sup', 'supervisor')));
    expect(reads.facts).toBe(1);
    expect(second.provenance.generatedBy).toBe('sup');
    expect(second.provenance.generatedAt > first.provenance.generatedAt).toBe(true);
    expect({ ...second, provenance: null }).toEqual({ ...first, provenance: null });
    expect(audit.map((a) => a.actor)).toEqual(['lia', 'sup']);
    expect(audit[0]!.after.sha256).not.toBe(audit[1]!.after.sha256);
    // The redacted view is another dossier, read and kept apart; it never serves the identities' copy.
    const redacted = json(await s.export('C000005', undefined, 'json', who('ana', 'analyst')));
    expect(reads.facts).toBe(2);
    expect(redacted.provenance.redacted).toBe(true);
    expect(JSON.stringify(redacted.sellers)).not.toContain('王伟');
    expect(JSON.stringify(first.sellers)).toContain('王伟');
  });

  it('shows a referral recorded after a cached export once a write has invalidated the cache', async () => {
    const { s, input, cache } = service();
    const referral = input.case.case!.referral!;
    input.case.case = { ...input.case.case!, status: 'investigating', referral: null };
    expect(json(await s.export('C000005', undefined, 'json', who('lia', 'liaison'))).referral).toBeNull();
    input.case.case = { ...input.case.case, status: 'referred', referral };
    // Until a write invalidates it the kept dossier is served (the cases service invalidates on a referral).
    expect(json(await s.export('C000005', undefined, 'json', who('lia', 'liaison'))).referral).toBeNull();
    cache.invalidate();
    const after = json(await s.export('C000005', undefined, 'json', who('lia', 'liaison')));
    expect(after.case).toEqual({ id: 'K-000042', status: 'referred' });
    expect(after.referral).toMatchObject({ agency: 'Guangzhou PSB', reference: 'GZ-2026-17' });
    expect(after.timeline.map((t: { event: string }) => t.event)).toContain('referred');
  });
});
