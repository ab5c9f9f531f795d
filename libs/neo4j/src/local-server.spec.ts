import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLocalPassword } from './local-server';

describe('resolveLocalPassword', () => {
  it('generates a password once, keeps it private, and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-pw-'));
    try {
      const first = resolveLocalPassword(dir, undefined);
      expect(first.length).toBeGreaterThanOrEqual(20);
      expect(fs.statSync(path.join(dir, 'password')).mode & 0o777).toBe(0o600);
      expect(resolveLocalPassword(dir, undefined)).toBe(first);
      expect(resolveLocalPassword(dir, 'from-the-env')).toBe('from-the-env');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
