import {
  accountProblem,
  ACCOUNT_KINDS,
  CURRENCIES,
  ADDRESS_KINDS,
  LISTING_STATUSES,
  LIST_SEPARATOR,
  PATTERNS,
  SHOP_STATUSES,
  timestampProblem,
  VERDICTS,
  type Kind,
  type RowOf,
} from './kinds';

/**
 * A fast path in front of the zod schemas in kinds.ts, which stay the contract: for a row that is
 * plainly valid it returns exactly what the schema would (fields trimmed, codes upper-cased, lists
 * split, unknown keys dropped); for anything else it returns null and the schema decides and words the
 * error. It may decline a valid row, never accept an invalid one (a differential test holds it to
 * the schemas on generated and mutated rows). Why: zod took 9.6 s of the loader's CPU per million
 * listings, on cores the database needs.
 */

type Raw = Record<string, unknown>;
// Each check returns the field's output, or DECLINE.
const DECLINE = Symbol('decline');
type Check = (value: unknown) => unknown;

const { id: ID, control: CONTROL, timestamp: TIMESTAMP, country: COUNTRY, email: EMAIL, phone: PHONE } = PATTERNS;

const id: Check = (v) => (typeof v === 'string' && ID.test(v) ? v : DECLINE);
const text =
  (max: number): Check =>
  (v) => {
    if (typeof v !== 'string') return DECLINE;
    const t = v.trim();
    return t.length > 0 && t.length <= max && !CONTROL.test(t) ? t : DECLINE;
  };
const optionalText =
  (max: number): Check =>
  (v) => {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') return DECLINE;
    const t = v.trim();
    if (t.length > max || CONTROL.test(t)) return DECLINE;
    return t === '' ? null : t;
  };
const timestamp: Check = (v) => (typeof v === 'string' && TIMESTAMP.test(v) && timestampProblem(v) === null ? v : DECLINE);
const code =
  (pattern: RegExp): Check =>
  (v) =>
    typeof v === 'string' && pattern.test(v) ? v.toUpperCase() : DECLINE;
const currency: Check = (v) => {
  if (typeof v !== 'string' || v.length !== 3) return DECLINE;
  const upper = v.toUpperCase();
  return CURRENCIES.has(upper) ? upper : DECLINE;
};
const money: Check = (v) => {
  if (typeof v !== 'string' && typeof v !== 'number') return DECLINE;
  const x = Number(v);
  return Number.isFinite(x) && x > 0 && x <= 1e9 ? x : DECLINE;
};
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? v : DECLINE;
const email = (s: string) => s.length <= 254 && EMAIL.test(s) && !CONTROL.test(s);
const phone = (s: string) => {
  if (s.length > 32 || !PHONE.test(s)) return false;
  const digits = s.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15;
};
const list =
  (item: (s: string) => boolean, max: number): Check =>
  (v) => {
    let parts: unknown[];
    if (v === undefined || v === null) return [];
    if (typeof v === 'string') parts = v.split(LIST_SEPARATOR);
    else if (Array.isArray(v)) parts = v;
    else return DECLINE;
    const out: string[] = [];
    for (const p of parts) {
      if (typeof p !== 'string') return DECLINE;
      const t = p.trim();
      if (t === '') continue;
      if (!item(t)) return DECLINE;
      out.push(t);
    }
    return out.length <= max ? out : DECLINE;
  };
const deviceText = text(128);
const deviceId = (s: string) => deviceText(s) !== DECLINE;
const account: Check = (v) => {
  if (typeof v !== 'string') return DECLINE;
  const t = v.trim();
  return t.length >= 4 && t.length <= 64 ? t : DECLINE;
};

const FIELDS: { readonly [K in Kind]: readonly (readonly [keyof RowOf[K] & string, Check])[] } = {
  sellers: [
    ['seller_id', id],
    ['name', text(200)],
    ['country', code(COUNTRY)],
    ['registered_at', timestamp],
    ['kyc_id', text(64)],
    ['emails', list(email, 20)],
    ['phones', list(phone, 20)],
    ['device_ids', list(deviceId, 50)],
  ],
  shops: [
    ['shop_id', id],
    ['seller_id', id],
    ['name', text(200)],
    ['opened_at', timestamp],
    ['status', oneOf(SHOP_STATUSES)],
    ['category', text(80)],
  ],
  listings: [
    ['listing_id', id],
    ['shop_id', id],
    ['title', text(300)],
    ['brand', optionalText(80)],
    ['category', text(80)],
    ['price', money],
    ['currency', currency],
    ['listed_at', timestamp],
    ['status', oneOf(LISTING_STATUSES)],
  ],
  payments: [
    ['payment_id', id],
    ['shop_id', id],
    ['account', account],
    ['account_kind', oneOf(ACCOUNT_KINDS)],
    ['provider', text(80)],
    ['amount', money],
    ['currency', currency],
    ['paid_at', timestamp],
  ],
  addresses: [
    ['shop_id', id],
    ['kind', oneOf(ADDRESS_KINDS)],
    ['line1', text(200)],
    ['line2', optionalText(200)],
    ['city', text(100)],
    ['region', optionalText(100)],
    ['postcode', optionalText(20)],
    ['country', code(COUNTRY)],
  ],
  brand_reports: [
    ['report_id', id],
    ['listing_id', id],
    ['brand', text(80)],
    ['reporter', text(120)],
    ['verdict', oneOf(VERDICTS)],
    ['reported_at', timestamp],
  ],
};

/** The schema's output for a plainly valid row, or null when the schema must decide. */
export function fastAccept<K extends Kind>(kind: K, raw: unknown): RowOf[K] | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const out: Raw = {};
  for (const [field, check] of FIELDS[kind]) {
    const value = check((raw as Raw)[field]);
    if (value === DECLINE) return null;
    out[field] = value;
  }
  if (kind === 'payments' && accountProblem(out.account_kind as (typeof ACCOUNT_KINDS)[number], out.account as string) !== null) return null;
  return out as unknown as RowOf[K];
}
