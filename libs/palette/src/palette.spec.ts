import { describe, expect, it } from 'vitest';
import { IDENTIFIER_COLOURS, IDENTIFIER_NAMES, identifierColour, identifierName } from './index';

describe('identifier colours and names', () => {
  it('are the ones screens and printed dossiers have always used', () => {
    expect(IDENTIFIER_COLOURS).toEqual({
      account: '#E69F00',
      device: '#CC79A7',
      phone: '#009E73',
      email: '#56B4E9',
      dispatch: '#F0E442',
      return: '#7A6A00',
      ship_to: '#B8B8B8',
      kyc: '#000000',
    });
    expect(IDENTIFIER_NAMES).toEqual({
      account: 'payout account',
      device: 'device',
      phone: 'phone',
      email: 'email',
      dispatch: 'dispatch address',
      return: 'return address',
      ship_to: 'ship-to address',
      kyc: 'identity document',
    });
  });

  it('fall back for a kind this build does not know', () => {
    expect(identifierColour('kyc')).toBe('#000000');
    expect(identifierColour('tax_id')).toBe('#666666');
    expect(identifierName('tax_id')).toBe('tax_id');
  });
});
