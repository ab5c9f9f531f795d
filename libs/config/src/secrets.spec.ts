import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensurePrivateDir, resolveGeneratedSecret } from './secrets';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-secrets-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('files at rest', () => {
  it('creates a private folder owner-only, its new parents too, and makes an existing one private', () => {
    const dir = ensurePrivateDir(path.join(root, 'a', 'b'));
    expect([mode(path.join(root, 'a')), mode(dir)]).toEqual([0o700, 0o700]);
    const open = path.join(root, 'open');
    fs.mkdirSync(open, { mode: 0o755 });
    fs.chmodSync(open, 0o755);
    ensurePrivateDir(open);
    expect(mode(open)).toBe(0o700);
  });

  it('keeps a generated secret 0600 in a folder it makes owner-only', () => {
    const file = path.join(root, 'fresh', 'key');
    resolveGeneratedSecret(file, undefined);
    expect([mode(path.dirname(file)), mode(file)]).toEqual([0o700, 0o600]);
  });
});
