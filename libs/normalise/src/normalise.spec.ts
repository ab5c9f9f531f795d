import {
  ADDRESS_STYLES,
  ACCOUNT_STYLES,
  COUNTRIES,
  DEVICE_STYLES,
  EMAIL_STYLES,
  PHONE_STYLES,
  BANKS,
  CARD_ISSUERS,
  WALLET_PROVIDERS,
  newAccount,
  newAddress,
  newDevice,
  newEmail,
  newPhone,
  renderAccount,
  renderAddress,
  renderDevice,
  renderEmail,
  renderPhone,
  Rng,
} from '@ringwatch/synth';
import { describe, expect, it } from 'vitest';
import { normaliseAddress } from './address';
import { normaliseDevice } from './device';
import { normaliseEmail } from './email';
import { normalisePhone } from './phone';
import { fingerprinter } from './secrets';

const fp = fingerprinter('test-key-0123456789abcdef');

describe('addresses', () => {
  it('folds the classic variants of one warehouse into one key', () => {
    const variants = [
      { line1: 'No.5 Xinhua Rd, Rm 301', city: 'Shenzhen', country: 'CN' },
      { line1: 'Room 301, 5 Xinhua Road', city: 'SHENZHEN', country: 'cn', postcode: '518000' },
      { line1: '5 Xinhua Road', line2: 'Room 301', city: 'Shenzhen', region: 'Guangdong', country: 'CN' },
      { line1: '5 XINHUA RD. #301', city: 'Shenzhen', country: 'CN' },
      { line1: 'Flat 301 5 Xinhua Road', city: 'shenzhen', country: 'CN' },
      { line1: '5, Xinhua Rd.', line2: 'Rm. 301', city: 'Shenzhen', country: 'CN' },
      { line1: '5 xinhua road unit 301', city: 'Shenzhen', country: 'CN' },
    ];
    const keys = new Set(variants.map((v) => normaliseAddress(v).key));
    expect([...keys]).toEqual(['CN|shenzhen|5|xinhua road']);
    expect(new Set(variants.map((v) => normaliseAddress(v).unit))).toEqual(new Set(['unit 301']));
  });
  it('keeps houses and cities apart, and a unit of one building apart from the next unit', () => {
    const base = { line1: '5 Xinhua Road', city: 'Shenzhen', country: 'CN' };
    const key = normaliseAddress(base).key;
    const room = normaliseAddress({ ...base, line2: 'Room 302' });
    expect(room.key).toBe(key);
    expect(room.unit).toBe('unit 302');
    expect(normaliseAddress({ ...base, line2: 'Room 303' }).unit).not.toBe(room.unit);
    expect(normaliseAddress({ ...base, line1: '6 Xinhua Road' }).key).not.toBe(key);
    expect(normaliseAddress({ ...base, city: 'Guangzhou' }).key).not.toBe(key);
    expect(normaliseAddress({ ...base, line1: '5 Xinhua Street' }).key).not.toBe(key);
  });
  it('folds every style the generator writes, for many addresses in every country', () => {
    const rng = new Rng(42);
    for (let n = 0; n < 300; n++) {
      const a = newAddress(rng, COUNTRIES[n % COUNTRIES.length]!);
      const rendered = Array.from({ length: ADDRESS_STYLES }, (_, s) => normaliseAddress(renderAddress(a, s)));
      expect(new Set(rendered.map((r) => r.key)).size, JSON.stringify(a)).toBe(1);
      expect(new Set(rendered.map((r) => r.unit)), JSON.stringify(a)).toEqual(new Set([a.unit === null ? null : `unit ${a.unit}`]));
    }
  });
  it('keeps the postcode in one format and the text as written', () => {
    const n = normaliseAddress({ line1: '1 High St', city: 'London', postcode: 'e1 6an', country: 'GB' });
    expect(n.postcode).toBe('E16AN');
    expect(n.text).toBe('1 High St, London, e1 6an, GB');
  });
});

describe('phones', () => {
  it.each([
    ['+86 138-0013-8000', 'CN'],
    ['13800138000', 'CN'],
    ['0086 138 0013 8000', 'US'],
    ['(+86) 13800138000', 'DE'],
    ['+86.138.0013.8000', null],
  ])('%s (holder in %s) is +8613800138000', (raw, country) => {
    expect(normalisePhone(raw, country)).toBe('+8613800138000');
  });
  it('reads national formats by the holder country', () => {
    expect(normalisePhone('07700 900123', 'GB')).toBe('+447700900123');
    expect(normalisePhone('(213) 612-3456', 'US')).toBe('+12136123456');
  });
  it('refuses what cannot be a phone', () => {
    expect(normalisePhone('12', 'CN')).toBeNull();
    expect(normalisePhone('13800138000', null)).toBeNull();
  });
  it('folds every style the generator writes', () => {
    const rng = new Rng(7);
    for (let n = 0; n < 300; n++) {
      const country = COUNTRIES[n % COUNTRIES.length]!;
      const p = newPhone(rng, country);
      const e164 = `+${p.dialCode}${p.national}`;
      for (let s = 0; s < PHONE_STYLES; s++) {
        for (const holder of [country.code, 'CN', 'US']) expect(normalisePhone(renderPhone(p, s, holder), holder), `${s} ${holder}`).toBe(e164);
      }
    }
  });
});

describe('emails', () => {
  it.each([
    ['Li.Wei88@Gmail.com', 'liwei88@gmail.com'],
    ['li.wei88+shop3@googlemail.com', 'liwei88@gmail.com'],
    ['LI.WEI88+x@outlook.com', 'li.wei88@outlook.com'],
    ['li.wei+88@qq.com', 'li.wei+88@qq.com'],
  ])('%s → %s', (raw, key) => expect(normaliseEmail(raw)).toBe(key));
  it('folds every style the generator writes', () => {
    const rng = new Rng(9);
    for (let n = 0; n < 200; n++) {
      const e = newEmail(rng, 'Ann', 'Lee', ['gmail.com', 'outlook.com', 'qq.com', 'proton.me', 'gmx.de', 'hotmail.com', '163.com', 'yahoo.com'][n % 8]!);
      const keys = new Set(Array.from({ length: EMAIL_STYLES }, (_, s) => normaliseEmail(renderEmail(e, s, `t${s}`))));
      expect(keys.size, `${e.local}@${e.domain}`).toBe(1);
    }
  });
  it('refuses what is not an address', () => expect(normaliseEmail('nobody')).toBeNull());
});

describe('payout accounts and identity documents', () => {
  const providers = { banks: BANKS, wallets: WALLET_PROVIDERS, cards: CARD_ISSUERS };
  it('fingerprints every written form of one account alike, and never keeps the number', () => {
    const rng = new Rng(3);
    for (const kind of ['iban', 'card', 'wallet'] as const) {
      for (let n = 0; n < 50; n++) {
        const a = newAccount(rng, kind, COUNTRIES[n % COUNTRIES.length]!, providers);
        const prints = Array.from({ length: ACCOUNT_STYLES }, (_, s) => fp.account(kind, renderAccount(a, s)));
        expect(new Set(prints.map((p) => p.key)).size).toBe(1);
        expect(prints[0]!.last4).toBe(a.value.slice(-4));
        expect(JSON.stringify(prints)).not.toContain(a.value.slice(0, 10));
      }
    }
  });
  it('depends on the key, so a stolen database alone does not reveal numbers', () => {
    const other = fingerprinter('another-key-0123456789');
    expect(other.account('card', '4111111111111111').key).not.toBe(fp.account('card', '4111 1111 1111 1111').key);
    expect(fp.account('card', '4111-1111-1111-1111')).toEqual({ key: fp.account('card', '4111111111111111').key, last4: '1111', masked: 'card …1111' });
    expect(fp.account('iban', 'de89 3704 0044 0532 0130 00').masked).toBe('iban DE …3000');
  });
  it('refuses a short key', () => expect(() => fingerprinter('short')).toThrow(/at least 16/));
  it('fingerprints KYC ids', () => expect(fp.kyc('KYC-1234 5678').key).toBe(fp.kyc('kyc12345678').key));
});

describe('devices', () => {
  it('folds every style the generator writes', () => {
    const rng = new Rng(5);
    for (let n = 0; n < 50; n++) {
      const d = newDevice(rng);
      expect(new Set(Array.from({ length: DEVICE_STYLES }, (_, s) => normaliseDevice(renderDevice(d, s))))).toEqual(new Set([d]));
    }
  });
});
