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

const compactAccount = (kind: AccountKind, raw: string) => (kind === 'wallet' ? raw.trim() : raw.replace(/[\s-]/g, '').toUpperCase());

/** How an account is shown wherever it appears (the graph, a dossier, a rejected row): kind and last four. */
export function maskAccount(kind: AccountKind, raw: string): string {
  const compact = compactAccount(kind, raw);
  const country = kind === 'iban' ? `${compact.slice(0, 2)} ` : '';
  return `${kind} ${country}…${compact.slice(-4)}`;
}

/** How an identity document is shown: its last four characters. */
export function maskKyc(raw: string): string {
  return `…${raw.replace(/[\s-]/g, '').toUpperCase().slice(-4)}`;
}

export function fingerprinter(secret: string) {
  if (secret.length < 16) throw new SecretKeyError('the PII HMAC key needs at least 16 characters');
  const mac = (text: string) => createHmac('sha256', secret).update(text).digest('base64url').slice(0, 32);
  return {
    account(kind: AccountKind, raw: string): Fingerprinted {
      const compact = compactAccount(kind, raw);
      return { key: `${kind}:${mac(`${kind}:${compact}`)}`, last4: compact.slice(-4), masked: maskAccount(kind, raw) };
    },
    kyc(raw: string): Fingerprinted {
      const compact = raw.replace(/[\s-]/g, '').toUpperCase();
      return { key: `kyc:${mac(`kyc:${compact}`)}`, last4: compact.slice(-4), masked: maskKyc(raw) };
    },
  };
}
export type Fingerprinter = ReturnType<typeof fingerprinter>;
