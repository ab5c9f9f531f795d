import type { WriteRowOf } from '@ringwatch/ingest';
import { describe, expect, it } from 'vitest';
import { FIELD_SEPARATOR, RowLinesError, rowLines, sellerIdentifierLines } from './row-lines';

const listing: WriteRowOf['listings'] = {
  id: 'L1',
  shopId: 'S1',
  title: 'Tote, "gold" | 40cm\tnew',
  brand: null,
  category: 'bags',
  price: 0.1 + 0.2,
  currency: 'EUR',
  listedAt: '2026-01-01T00:00:00Z',
  status: 'active',
};

describe('rowLines', () => {
  it('joins the fields in the order the Cypher reads them, an absent value as the empty string', () => {
    const [line] = rowLines('listings', [listing]);
    expect(line!.split(FIELD_SEPARATOR)).toEqual([
      'L1',
      'S1',
      'Tote, "gold" | 40cm\tnew',
      '',
      'bags',
      '0.30000000000000004',
      'EUR',
      '2026-01-01T00:00:00Z',
      'active',
    ]);
  });
  it('writes numbers so that parsing them back gives the same double', () => {
    for (const price of [0.1 + 0.2, 1e-7, 123456789.12, 5]) {
      const fields = rowLines('listings', [{ ...listing, price }])[0]!.split(FIELD_SEPARATOR);
      expect(Number(fields[5])).toBe(price);
    }
  });
  it('sends an address with its unit last, and without one as the empty string', () => {
    const address: WriteRowOf['addresses'] = {
      shopId: 'S1',
      kind: 'dispatch',
      key: 'DE|munchen|5|haupt street',
      unit: 'hall 4',
      text: 'Hauptstraße 5, München, DE',
      city: 'munchen',
      region: null,
      country: 'DE',
      postcode: '80331',
    };
    expect(rowLines('addresses', [address])[0]!.split(FIELD_SEPARATOR)).toEqual([
      'S1',
      'dispatch',
      'DE|munchen|5|haupt street',
      'Hauptstraße 5, München, DE',
      'munchen',
      '',
      'DE',
      '80331',
      'hall 4',
    ]);
    expect(rowLines('addresses', [{ ...address, unit: null }])[0]!.split(FIELD_SEPARATOR)[8]).toBe('');
  });
  it('refuses a value holding the separator rather than shift the fields after it', () => {
    expect(() => rowLines('listings', [{ ...listing, title: `a${FIELD_SEPARATOR}b` }])).toThrow(RowLinesError);
  });
  it('gives each phone, email and device of a seller a line of its own', () => {
    const seller: WriteRowOf['sellers'] = {
      id: 'U1',
      name: 'A',
      country: 'CN',
      registeredAt: '2026-01-01T00:00:00Z',
      kyc: { key: 'k', last4: '1234', masked: '…1234' },
      phones: [{ key: '+8613800138000', display: '138 0013 8000' }],
      emails: [],
      devices: ['d1', 'd2'],
    };
    expect(sellerIdentifierLines([seller])).toEqual({
      phones: [['U1', '+8613800138000', '138 0013 8000'].join(FIELD_SEPARATOR)],
      emails: [],
      devices: [`U1${FIELD_SEPARATOR}d1`, `U1${FIELD_SEPARATOR}d2`],
    });
  });
});
