import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';
import { TokenSigner } from './tokens';

describe('passwords', () => {
  it('hashes with a salt and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('tokens', () => {
  it('round-trips claims, and refuses tampered, foreign and expired tokens', () => {
    let now = Date.UTC(2026, 0, 1);
    const signer = new TokenSigner('s'.repeat(32), 60, () => now);
    const { token } = signer.sign({ sub: 'ann', roles: ['analyst'], brands: [], ver: 3 });
    expect(signer.verify(token)).toMatchObject({ sub: 'ann', roles: ['analyst'], ver: 3 });
    const [v, payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'ann', roles: ['admin'], brands: [], exp: 9e9 })).toString('base64url');
    expect(signer.verify(`${v}.${forged}.${sig}`)).toBeNull();
    expect(new TokenSigner('t'.repeat(32), 60, () => now).verify(token)).toBeNull();
    expect(signer.verify(`${v}.${payload}`)).toBeNull();
    // A token from before versions (no ver claim), even genuinely signed, cannot be checked against its account.
    const unversioned = Buffer.from(JSON.stringify({ sub: 'ann', roles: ['analyst'], brands: [], exp: 9e9 })).toString('base64url');
    const mac = createHmac('sha256', 's'.repeat(32)).update(unversioned).digest('base64url');
    expect(signer.verify(`v1.${unversioned}.${mac}`)).toBeNull();
    now += 61_000;
    expect(signer.verify(token)).toBeNull();
  });
});
