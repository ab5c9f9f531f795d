import { createHmac } from 'node:crypto';

/**
 * Payout accounts and identity documents are never stored raw: a keyed HMAC (so nobody can rebuild
 * numbers from the database by brute force without the key) identifies them, and the last four
 * characters let an analyst recognise one.
 */
export interface Fingerprinted {
  /** Identity: equal keys are one node. */
  readonly key: string;
  readonly last4: string;
  /** Safe to show: kind and last four only. */
  readonly masked: string;
}

export type AccountKind = 'iban' | 'card' | 'wallet';

export class SecretKeyError extends Error {
  constructor(message: string) {
    super(`normalise: ${message}`);
    this.name = 'SecretKeyError';
  }
}

export function fingerprinter(secret: string) {
  if (secret.length < 16) throw new SecretKeyError('the PII HMAC key needs at least 16 characters');
  const mac = (text: string) => createHmac('sha256', secret).update(text).digest('base64url').slice(0, 32);
  return {
    account(kind: AccountKind, raw: string): Fingerprinted {
      const compact = kind === 'wallet' ? raw.trim() : raw.replace(/[\s-]/g, '').toUpperCase();
      const last4 = compact.slice(-4);
      const country = kind === 'iban' ? `${compact.slice(0, 2)} ` : '';
      return { key: `${kind}:${mac(`${kind}:${compact}`)}`, last4, masked: `${kind} ${country}…${last4}` };
    },
    kyc(raw: string): Fingerprinted {
      const compact = raw.replace(/[\s-]/g, '').toUpperCase();
      const last4 = compact.slice(-4);
      return { key: `kyc:${mac(`kyc:${compact}`)}`, last4, masked: `…${last4}` };
    },
  };
}
export type Fingerprinter = ReturnType<typeof fingerprinter>;
