import { ACCOUNT_KINDS, ibanValid, luhnValid, type Kind } from '@ringwatch/contract';
import { maskAccount, maskKyc, type AccountKind } from '@ringwatch/normalise';

/**
 * What a rejects file may show of a rejected row. The file is for an operator fixing the data, but it
 * sits on disk beside it, so card and bank numbers are masked as the graph stores them (kind and
 * last four): the account cell of a payment and a seller's identity document always, and elsewhere
 * any run of digits that passes the Luhn check or any valid IBAN: a card number pasted into a title,
 * an IBAN in a provider's name, a line that could not be split into cells. In the text of a payment
 * line that could not be split, every run of 12 or more digits and everything shaped like an IBAN is
 * masked, check digits or not: such a line does not say which cell is the account, and a mistyped
 * card number is still someone's card number.
 */

/** Twelve or more digits, single spaces or dashes allowed between them (how card numbers are written). */
const DIGIT_RUN = /\d(?:[ -]?\d){11,}/g;
/** Country code, check digits and 10+ letters or digits, grouped or not. */
const IBAN_SHAPE = /[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){10,}/g;
/** Raw text longer than this is cut in the rejects file: enough to find the fault, not a copy of the file. */
export const MAX_RAW_CHARS = 2_000;

export function maskSecrets(text: string, everyNumber = false): string {
  return text.replace(IBAN_SHAPE, (match) => maskIban(match, everyNumber)).replace(DIGIT_RUN, (match) => maskDigitRun(match, everyNumber));
}

function maskIban(match: string, everyNumber: boolean): string {
  // The shape runs on into whatever follows ("DE89 3704 … 00 Bank"): find the longest valid IBAN it starts with.
  const offsets: number[] = [];
  let compact = '';
  for (let i = 0; i < match.length; i++) {
    if (match[i] !== ' ' && match[i] !== '-') {
      compact += match[i];
      offsets.push(i);
    }
  }
  for (let length = Math.min(34, compact.length); length >= 15; length--) {
    if (ibanValid(compact.slice(0, length))) return maskAccount('iban', compact.slice(0, length)) + match.slice(offsets[length - 1]! + 1);
  }
  return everyNumber ? maskAccount('iban', compact) : match;
}

function maskDigitRun(match: string, everyNumber: boolean): string {
  const groups = match.split(/[ -]/);
  // Cards are written whole or in groups: try every run of whole groups that is as long as a card number.
  for (let from = 0; from < groups.length; from++) {
    let digits = '';
    for (let to = from; to < groups.length; to++) {
      digits += groups[to];
      if (digits.length > 19) break;
      if (digits.length >= 12 && luhnValid(digits)) return maskAccount('card', digits);
    }
  }
  return everyNumber ? lastFour(match) : match;
}

const lastFour = (text: string) => `…${text.replace(/[\s-]/g, '').slice(-4)}`;

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return maskSecrets(value);
  if (typeof value === 'number') {
    // A card number sent as a JSON number.
    const masked = maskSecrets(String(value));
    return masked === String(value) ? value : masked;
  }
  if (Array.isArray(value)) return value.map(redactValue);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v)]));
  return value;
}

/** A rejected record (CSV cells or an NDJSON object) as the rejects file may hold it. */
export function redactRecord(kind: Kind, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (kind === 'payments' && field === 'account' && value !== undefined && value !== null) {
      const accountKind = typeof record.account_kind === 'string' ? record.account_kind.trim() : '';
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      // An unknown kind is not stored at all; its last four are all the file needs.
      out[field] = (ACCOUNT_KINDS as readonly string[]).includes(accountKind) ? maskAccount(accountKind as AccountKind, text) : lastFour(text);
    } else if (kind === 'sellers' && field === 'kyc_id' && typeof value === 'string') {
      out[field] = maskKyc(value);
    } else {
      out[field] = redactValue(value);
    }
  }
  return out;
}

/** The text of a line that could not be read, masked (then cut to MAX_RAW_CHARS, so no number is cut in half). */
export function redactRaw(kind: Kind, raw: string): string {
  const masked = maskSecrets(raw, kind === 'payments');
  return masked.length > MAX_RAW_CHARS ? `${masked.slice(0, MAX_RAW_CHARS)}… (${masked.length - MAX_RAW_CHARS} more characters)` : masked;
}
