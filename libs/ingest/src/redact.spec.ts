import { describe, expect, it } from 'vitest';
import { maskSecrets, MAX_RAW_CHARS, redactRaw, redactRecord } from './redact';

describe('maskSecrets', () => {
  it.each([
    ['card 4111 1111 1111 1111 please', 'card card …1111 please'],
    ['4111-1111-1111-1111', 'card …1111'],
    ['x4111111111111111y', 'xcard …1111y'],
    ['two: 4111 1111 1111 1111 22', 'two: card …1111'],
    ['Visa 5500 0000 0000 0004, thanks', 'Visa card …0004, thanks'],
    ['IBAN DE89 3704 0044 0532 0130 00 Deutsche Bank', 'IBAN iban DE …3000 Deutsche Bank'],
    ['gb82west12345698765432', 'iban GB …5432'],
    ['pay to GB82-WEST-1234-5698-7654-32.', 'pay to iban GB …5432.'],
  ])('masks %j', (text, masked) => {
    expect(maskSecrets(text)).toBe(masked);
  });

  it.each([
    '2026-01-01T00:00:00Z',
    '+86 138 0013 8000',
    'L0000000001',
    'order 4111 1111 1111 1112',
    'GB82WEST12345698765433',
    'Monitor 27" IPS 1920x1080',
    'price 1234567.89',
  ])('leaves %j alone (no valid check digits)', (text) => {
    expect(maskSecrets(text)).toBe(text);
  });

  it('masks every long number and IBAN shape in a line that could not be split, check digits or not', () => {
    expect(maskSecrets('P1,S1,4111 1111 1111 1112,card', true)).toBe('P1,S1,…1112,card');
    expect(maskSecrets('P2,S1,DE00 3704 0044 0532 0130 00,iban', true)).toBe('P2,S1,iban DE …3000,iban');
  });
});

describe('redactRecord and redactRaw', () => {
  it('masks the account as the graph stores it, whatever else is wrong with the row', () => {
    expect(redactRecord('payments', { payment_id: 'P1', account: 'DE89 3704 0044 0532 0130 00', account_kind: 'iban', currency: 'XYZ' })).toEqual({
      payment_id: 'P1',
      account: 'iban DE …3000',
      account_kind: 'iban',
      currency: 'XYZ',
    });
    expect(redactRecord('payments', { account: 4111111111111111, account_kind: 'card' })).toMatchObject({ account: 'card …1111' });
    expect(redactRecord('payments', { account: 'abcd-1234-5678-9999' })).toMatchObject({ account: '…9999' });
  });

  it('masks identity documents and card numbers in any cell, lists and nested values included', () => {
    expect(
      redactRecord('sellers', {
        kyc_id: '440301199001011234',
        name: 'A',
        phones: ['4111111111111111', '+44 20 7946 0958'],
        extra: { note: 'card 4111111111111111' },
      }),
    ).toEqual({ kyc_id: '…1234', name: 'A', phones: ['card …1111', '+44 20 7946 0958'], extra: { note: 'card card …1111' } });
  });

  it('cuts long raw text after masking, so no number is cut in half', () => {
    const raw = `${'x'.repeat(MAX_RAW_CHARS - 8)}4111 1111 1111 1111${'y'.repeat(5000)}`;
    const out = redactRaw('listings', raw);
    expect(out).toContain('card …');
    expect(out).not.toContain('4111');
    expect(out).toMatch(/… \(\d+ more characters\)$/);
  });
});
