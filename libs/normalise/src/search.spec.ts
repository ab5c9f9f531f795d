import { describe, expect, it } from 'vitest';
import { normaliseAddress } from './address';
import { normalisePhone } from './phone';
import { addressSearchForms, phoneCandidates } from './search';

describe('phoneCandidates', () => {
  it('reads a national format in the countries that have it, an international one as itself', () => {
    const stored = normalisePhone('0151 03966900', 'DE')!;
    expect(phoneCandidates('0151 03966900')).toContain(stored);
    expect(phoneCandidates('015103966900')).toContain(stored);
    expect(phoneCandidates('+49 151 03966900')).toEqual([stored]);
    expect(phoneCandidates('0049 (151) 0396-6900')).toEqual([stored]);
  });

  it('gives nothing for words or short numbers', () => {
    expect(phoneCandidates('garten road')).toEqual([]);
    expect(phoneCandidates('1234')).toEqual([]);
    expect(phoneCandidates('913 Garten Road')).toEqual([]);
  });
});

describe('addressSearchForms', () => {
  it('folds spellings as the loader keys them', () => {
    const key = normaliseAddress({ line1: '913 Garten Road', city: 'Berlin', country: 'DE' }).key;
    const street = key.split('|')[3]!.split(' ');
    const forms = addressSearchForms('GARTEN RD');
    expect(forms).toContainEqual(street);
    expect(addressSearchForms('913 Garten Road')).toContainEqual(['913', ...street]);
  });

  it('reads a German street as the German loader does', () => {
    const key = normaliseAddress({ line1: 'Hauptstraße 5', city: 'Berlin', country: 'DE' }).key;
    const [, , house, street] = key.split('|');
    expect(addressSearchForms('Hauptstr. 5')).toContainEqual([house!, ...street!.split(' ')]);
  });
});
