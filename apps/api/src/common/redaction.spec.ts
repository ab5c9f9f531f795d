import { describe, expect, it } from 'vitest';
import { Redaction } from './redaction';

const redaction = (key = 'redaction-spec-pii-key') => new Redaction({ pii: { hmacKey: key, keyFile: '-' } } as never);
const analyst = redaction().viewFor(['analyst']);
const liaison = redaction().viewFor(['liaison']);
const place = { city: 'Izmir', region: 'Izmir', country: 'TR' };

describe('IdentityView', () => {
  it('follows the permission table: identities.read sees everything as it is', () => {
    expect([analyst.identities, liaison.identities, redaction().viewFor(['admin']).identities, redaction().viewFor(['supervisor']).identities]).toEqual([
      false,
      true,
      false,
      true,
    ]);
    expect(liaison.nodeId('email', 'ana@example.org')).toBe('email:ana@example.org');
    expect(liaison.label('phone', '+905320136390')).toBe('+905320136390');
    expect(liaison.label('dispatch', '421 Barbaros Street, Izmir', place)).toBe('421 Barbaros Street, Izmir');
    expect(liaison.personName('Lukas Smith')).toBe('Lukas Smith');
    expect(liaison.tagged('phone: +905320136390')).toBe('phone: +905320136390');
  });

  it('gives a redacted view opaque ids, stable for one key and distinct across kinds, keys and installations', () => {
    const id = analyst.nodeId('email', 'ana@example.org');
    expect(id).toMatch(/^email:~[A-Za-z0-9_-]{22}$/);
    expect(id).not.toContain('ana');
    expect(redaction().viewFor(['admin']).nodeId('email', 'ana@example.org')).toBe(id);
    expect(analyst.nodeId('email', 'bob@example.org')).not.toBe(id);
    expect(analyst.key('phone', 'ana@example.org')).not.toBe(analyst.key('email', 'ana@example.org'));
    expect(redaction('another-installation-key').viewFor(['analyst']).nodeId('email', 'ana@example.org')).not.toBe(id);
  });

  it('masks values with the kinds’ rules, keeps the place of an address and the initials of a name', () => {
    expect(analyst.label('email', 'ana.lopez@example.org')).toBe('a***@example.org');
    expect(analyst.label('phone', '+905320136390')).toBe('+90******6390');
    expect(analyst.label('account', '**** 1234')).toBe('**** 1234');
    expect(analyst.label('return', '421 Barbaros Street', place)).toBe('Izmir, Izmir, TR (street redacted)');
    expect(analyst.label('ship_to', '421 Barbaros Street')).toBe('(street redacted)');
    expect(analyst.address('421 Barbaros Street', place)).not.toContain('Barbaros');
    expect(analyst.postcode('35685')).toBeNull();
    expect(analyst.personName('Lukas  Smith')).toBe('L. S.');
    expect(analyst.label('email', null)).toBeNull();
  });

  it('redacts an identifier written as `kind: value`, and withholds one it cannot read', () => {
    expect(analyst.tagged('phone: +905320136390')).toBe('phone: +90******6390');
    expect(analyst.tagged('account: **** 1234')).toBe('account: **** 1234');
    expect(analyst.tagged('+905320136390')).toBe('(redacted)');
    expect(analyst.tagged('pager: 12345')).toBe('(redacted)');
    expect(() => analyst.label('pager', 'x')).toThrow(/not an identifier kind/);
  });
});
