import { describe, expect, it } from 'vitest';
import { redactAddress, redactValue } from './redaction';
import { ADDRESS_KINDS, groupSourceOf, IDENTIFIER_KINDS, IDENTIFIERS, isIdentifierKind, kindOfAddressUse, RECIDIVISM_KINDS, STRONG_KINDS } from './registry';

describe('identifier-kind registry', () => {
  it('keeps the detection weights and strong kinds detection was tuned with', () => {
    // Pinned: a change here changes every detection run's partition.
    expect(Object.fromEntries(IDENTIFIER_KINDS.map((k) => [k, IDENTIFIERS[k].weight]))).toEqual({
      account: 1.0,
      device: 1.0,
      kyc: 1.0,
      phone: 0.5,
      email: 0.5,
      dispatch: 0.5,
      return: 0.4,
      ship_to: 0.15,
    });
    expect(STRONG_KINDS).toEqual(['account', 'device', 'kyc']);
  });

  it('has the recidivism watch follow the strong kinds and phones', () => {
    expect(RECIDIVISM_KINDS).toEqual(['account', 'device', 'kyc', 'phone']);
  });

  it('maps address uses to kinds and detection reads', () => {
    expect(ADDRESS_KINDS).toEqual(['dispatch', 'return', 'ship_to']);
    expect(kindOfAddressUse('return')).toBe('return');
    expect(() => kindOfAddressUse('billing')).toThrow(/billing/);
    expect(IDENTIFIER_KINDS.map(groupSourceOf)).toEqual(['account', 'device', 'kyc', 'phone', 'email', 'address', 'address', 'address']);
    expect(isIdentifierKind('kyc')).toBe(true);
    expect(isIdentifierKind('shop')).toBe(false);
    expect(isIdentifierKind('toString')).toBe(false);
  });

  it('gives every kind a distinct colour and name', () => {
    expect(new Set(IDENTIFIER_KINDS.map((k) => IDENTIFIERS[k].colour)).size).toBe(IDENTIFIER_KINDS.length);
    expect(new Set(IDENTIFIER_KINDS.map((k) => IDENTIFIERS[k].name)).size).toBe(IDENTIFIER_KINDS.length);
  });

  it('redacts as the dossier always has', () => {
    expect(redactValue('phone', '+8613800138000')).toBe('+86*******8000');
    expect(redactValue('email', 'jane.doe@example.com')).toBe('j***@example.com');
    expect(redactValue('device', 'abcdef123')).toBe('abcd…');
    expect(redactValue('account', 'DE…1234')).toBe('DE…1234');
    expect(redactAddress({ city: 'Lyon', region: null, country: 'FR' })).toBe('Lyon, FR (street redacted)');
  });
});
