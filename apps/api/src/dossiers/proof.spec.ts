import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Redaction } from '../common/redaction';
import { factsOf, fakeInput } from './dossier.fixture';
import { DossiersService } from './dossiers.service';
import { MANIFEST, PUBLIC_KEY, SIGNATURE, verifyDossierZip } from './proof';

/** The real service over fake reads: the zip, its signature and the audit entry are the service's own. */
function service(keyFile: string) {
  const input = fakeInput(8);
  const audit: { after: Record<string, unknown> }[] = [];
  const clusters = { detail: async () => input.cluster, graph: async () => input.graph };
  const repository = {
    history: async () => input.history,
    facts: async () => factsOf(input),
  };
  const redaction = new Redaction({ pii: { hmacKey: 'proof-spec-pii-key', keyFile: '-' } } as never);
  const config = { detection: { hubThreshold: 50 }, dossier: { signingKeyFile: keyFile } };
  const s = new DossiersService(
    repository as never,
    clusters as never,
    { append: async (e: { after: Record<string, unknown> }) => void audit.push(e) } as never,
    redaction,
    { record: async () => undefined } as never,
    config as never,
  );
  return { s, audit };
}

const actor = { name: 'lia', roles: ['liaison' as const], brands: [], requestId: null };

describe('signed dossier zip', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-proof-'));
  const keyFile = path.join(dir, 'keys', 'dossier-signing-key.pem');

  it('keeps its key across restarts, verifies, and fails on one changed byte in any file or the manifest', async () => {
    const { s, audit } = service(keyFile);
    const out = await s.export('C000005', undefined, 'zip', actor);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(service(keyFile).s.publicKey().keyId).toBe(s.publicKey().keyId);
    const zip = new Uint8Array(out.body as Buffer);
    const ok = verifyDossierZip(zip, s.publicKey().publicKeyPem);
    expect(ok).toMatchObject({ ok: true, keyId: s.publicKey().keyId, problems: [] });
    const files = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(files[MANIFEST]!)) as { caseId: string; files: { name: string }[]; referral: { agency: string } };
    expect(manifest.caseId).toBe('K-000042');
    expect(manifest.referral.agency).toBe('Guangzhou PSB');
    expect(manifest.files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['dossier.pdf', 'listings.csv', 'payments.csv', 'premises.csv', 'evidence-graph.graphml', 'accounts.csv']),
    );
    expect(strFromU8(files['listings.csv']!).split('\n')[0]).toBe('listing_id,shop_id,title,brand,price,currency,status,listed_at,reports');
    expect(strFromU8(files['evidence-graph.graphml']!)).toContain('<graphml');
    // Every export is audited with the digest of what left and the case it belongs to.
    expect(audit.at(-1)!.after).toMatchObject({
      format: 'zip',
      caseId: 'K-000042',
      keyId: s.publicKey().keyId,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    for (const name of [...manifest.files.map((f) => f.name), MANIFEST]) {
      const data = new Uint8Array(files[name]!);
      const at = Math.floor(data.length / 2);
      data[at] = data[at]! ^ 0x01;
      const verdict = verifyDossierZip(zipSync({ ...files, [name]: data }));
      expect([name, verdict.ok]).toEqual([name, false]);
    }
    // A file slipped in, or the zip signed by another installation, fails too.
    expect(verifyDossierZip(zipSync({ ...files, 'extra.txt': new Uint8Array([1]) })).ok).toBe(false);
    const other = service(path.join(dir, 'other.pem')).s.publicKey().publicKeyPem;
    expect(verifyDossierZip(zip, other).problems.join()).toMatch(/not the trusted key/);
  }, 120_000);

  it('verifies with openssl as docs/dossier-verification.md says', async () => {
    const { s } = service(keyFile);
    const out = await s.export('C000005', undefined, 'zip', actor);
    const work = fs.mkdtempSync(path.join(dir, 'openssl-'));
    const files = unzipSync(new Uint8Array(out.body as Buffer));
    for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(work, name), data);
    const run = (args: string[]) => execFileSync('openssl', args, { cwd: work, encoding: 'utf8' });
    expect(run(['pkeyutl', '-verify', '-pubin', '-inkey', PUBLIC_KEY, '-rawin', '-in', MANIFEST, '-sigfile', SIGNATURE])).toMatch(
      /Signature Verified Successfully/,
    );
    fs.writeFileSync(path.join(work, MANIFEST), Buffer.concat([files[MANIFEST]!, Buffer.from(' ')]));
    expect(() => run(['pkeyutl', '-verify', '-pubin', '-inkey', PUBLIC_KEY, '-rawin', '-in', MANIFEST, '-sigfile', SIGNATURE])).toThrow();
  }, 120_000);
});
