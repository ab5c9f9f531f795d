import { z } from 'zod';
import { ADDRESS_KINDS as ADDRESS_IDENTIFIER_KINDS, IDENTIFIERS, type AddressKind } from '@ringwatch/kinds';
import { ISO_4217_CURRENCIES } from './iso4217';

/**
 * The data contract: what Ringwatch accepts for each kind of record, as CSV (header row, lists
 * separated by `|`) or NDJSON (lists as arrays), optionally gzip-compressed. File names tell the kind:
 * `shops.csv`, `listings.ndjson.gz`, `brand_reports.csv` …
 */

export const KINDS = ['sellers', 'shops', 'listings', 'payments', 'addresses', 'brand_reports'] as const;
export type Kind = (typeof KINDS)[number];

/** Separator of list values inside one CSV cell (emails, phones, device ids). */
export const LIST_SEPARATOR = '|';

/** The contract's patterns, shared with the loader's fast path (fast-accept.ts). */
export const PATTERNS = {
  id: /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/,
  /**
   * C0 control characters other than tab, line feed and carriage return. No real name, title or address
   * holds one, and the graph writer uses them as separators (see the imports repository's row lines).
   */
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  control: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/,
  timestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/,
  country: /^[A-Za-z]{2}$/,
  currency: /^[A-Za-z]{3}$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  phone: /^[0-9 ()+\-.]+$/,
} as const;
const CONTROL = PATTERNS.control;

/** The ISO 4217 codes the contract accepts (iso4217.ts says which and why). */
export const CURRENCIES: ReadonlySet<string> = new Set(Object.keys(ISO_4217_CURRENCIES));

export function isCurrency(code: string): boolean {
  return code.length === 3 && CURRENCIES.has(code.toUpperCase());
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const digits2 = (v: string, at: number) => (v.charCodeAt(at) - 48) * 10 + (v.charCodeAt(at + 1) - 48);

/**
 * Why a time that matches PATTERNS.timestamp is not a real one, or null. The pattern only checks the
 * shape; JavaScript's Date.parse rolls 2024-04-31 over to 1 May and takes 24:00, but Neo4j's
 * datetime() refuses them (and offsets beyond ±18:00, and leap seconds), which used to fail a whole
 * write batch. This checks exactly what Neo4j 5 checks (measured), so an accepted time always loads.
 */
export function timestampProblem(v: string): string | null {
  const year = Number(v.slice(0, 4));
  const month = digits2(v, 5);
  const day = digits2(v, 8);
  if (month < 1 || month > 12) return `${v.slice(0, 10)} is not a calendar date: months run 01-12`;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day < 1 || day > days) {
    const why = month === 2 && day === 29 ? `${v.slice(0, 4)} is not a leap year` : `${MONTHS[month - 1]} has ${days} days`;
    return `${v.slice(0, 10)} is not a calendar date: ${why}`;
  }
  const hour = digits2(v, 11);
  const minute = digits2(v, 14);
  const second = v.charCodeAt(16) === 58 ? digits2(v, 17) : 0;
  if (hour > 23 || minute > 59 || second > 59)
    return `${v.slice(11, v.charCodeAt(16) === 58 ? 19 : 16)} is not a time of day: hours run 00-23, minutes and seconds 00-59`;
  if (!v.endsWith('Z')) {
    const oh = digits2(v, v.length - 5);
    const om = digits2(v, v.length - 2);
    if (om > 59 || oh * 60 + om > 18 * 60) return `zone offset ${v.slice(-6)} is out of range: offsets run -18:00 to +18:00`;
  }
  return null;
}

const id = z.string().regex(PATTERNS.id, 'must be 1-64 letters, digits or _.:- and start with a letter or digit');
const NO_CONTROL = 'must not contain control characters';
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !CONTROL.test(v), NO_CONTROL);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !CONTROL.test(v), NO_CONTROL)
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v));
const timestamp = z
  .string()
  .regex(PATTERNS.timestamp, 'must be an ISO 8601 time with a zone, e.g. 2026-03-01T12:00:00Z')
  .superRefine((v, ctx) => {
    const problem = timestampProblem(v);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ description: 'ISO 8601 time with a zone; a real calendar date and time of day, offset within ±18:00' });
const country = z
  .string()
  .regex(PATTERNS.country, 'must be an ISO 3166-1 alpha-2 code')
  .transform((v) => v.toUpperCase());
const currency = z
  .string()
  .regex(PATTERNS.currency, 'must be an ISO 4217 code')
  .refine(isCurrency, 'is not an ISO 4217 currency code (e.g. EUR, USD, CNY)')
  .meta({ description: 'an active ISO 4217 currency code, either case (libs/contract/src/iso4217.ts lists them)' })
  .transform((v) => v.toUpperCase());
const money = z.coerce.number({ error: 'must be a number' }).finite('must be a number').positive('must be greater than 0').max(1e9, 'is implausibly large');
const list = <T extends z.ZodType<string, string>>(item: T, max: number) =>
  z
    .union([z.array(z.string()), z.string()])
    .nullish()
    .transform((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : v.split(LIST_SEPARATOR)).map((s) => s.trim()).filter((s) => s !== ''))
    .pipe(z.array(item).max(max, `must have at most ${max} values`));

const email = z
  .string()
  .max(254)
  .regex(PATTERNS.email, 'must be an email address')
  .refine((v) => !CONTROL.test(v), NO_CONTROL);
const phone = z
  .string()
  .max(32)
  .regex(PATTERNS.phone, 'must hold only digits, spaces, + ( ) - .')
  .refine((v) => {
    const digits = v.replace(/\D/g, '').length;
    return digits >= 6 && digits <= 15;
  }, 'must have 6 to 15 digits');

export const SHOP_STATUSES = ['active', 'suspended', 'closed'] as const;
export const LISTING_STATUSES = ['active', 'delisted', 'sold_out'] as const;
export const VERDICTS = ['counterfeit', 'genuine', 'inconclusive'] as const;
/** Human words for a brand owner's verdict, for reports and screens. */
export const VERDICT_LABELS: Readonly<Record<(typeof VERDICTS)[number], string>> = {
  counterfeit: 'counterfeit confirmed',
  genuine: 'cleared as genuine',
  inconclusive: 'inconclusive',
};

export const sellerSchema = z.object({
  seller_id: id,
  name: text(200),
  country,
  registered_at: timestamp,
  kyc_id: text(64),
  emails: list(email, 20),
  phones: list(phone, 20),
  device_ids: list(text(128), 50),
});

export const shopSchema = z.object({
  shop_id: id,
  seller_id: id,
  name: text(200),
  opened_at: timestamp,
  status: z.enum(SHOP_STATUSES),
  category: text(80),
});

export const listingSchema = z.object({
  listing_id: id,
  shop_id: id,
  title: text(300),
  brand: optionalText(80),
  category: text(80),
  price: money,
  currency,
  listed_at: timestamp,
  status: z.enum(LISTING_STATUSES),
});

export const ACCOUNT_KINDS = ['iban', 'card', 'wallet'] as const;

export const paymentSchema = z
  .object({
    payment_id: id,
    shop_id: id,
    account: z.string().trim().min(4, 'must have at least 4 characters').max(64),
    account_kind: z.enum(ACCOUNT_KINDS),
    provider: text(80),
    amount: money,
    currency,
    paid_at: timestamp,
  })
  .superRefine((row, ctx) => {
    const problem = accountProblem(row.account_kind, row.account);
    if (problem) ctx.addIssue({ code: 'custom', path: ['account'], message: problem });
  });

/** The values of an address row's `kind`: the address uses of the identifier kinds (@ringwatch/kinds). */
export const ADDRESS_KINDS = ADDRESS_IDENTIFIER_KINDS.map((k) => IDENTIFIERS[k].addressUse) as [AddressKind, ...AddressKind[]];

export const addressSchema = z.object({
  shop_id: id,
  kind: z.enum(ADDRESS_KINDS),
  line1: text(200),
  line2: optionalText(200),
  city: text(100),
  region: optionalText(100),
  postcode: optionalText(20),
  country,
});

export const brandReportSchema = z.object({
  report_id: id,
  listing_id: id,
  brand: text(80),
  reporter: text(120),
  verdict: z.enum(VERDICTS),
  reported_at: timestamp,
});

export const SCHEMAS = {
  sellers: sellerSchema,
  shops: shopSchema,
  listings: listingSchema,
  payments: paymentSchema,
  addresses: addressSchema,
  brand_reports: brandReportSchema,
} as const satisfies Record<Kind, z.ZodType>;

export type SellerRow = z.output<typeof sellerSchema>;
export type ShopRow = z.output<typeof shopSchema>;
export type ListingRow = z.output<typeof listingSchema>;
export type PaymentRow = z.output<typeof paymentSchema>;
export type AddressRow = z.output<typeof addressSchema>;
export type BrandReportRow = z.output<typeof brandReportSchema>;
export interface RowOf {
  sellers: SellerRow;
  shops: ShopRow;
  listings: ListingRow;
  payments: PaymentRow;
  addresses: AddressRow;
  brand_reports: BrandReportRow;
}

/** CSV header of each kind, in file order. */
export const COLUMNS: { readonly [K in Kind]: readonly (keyof RowOf[K] & string)[] } = {
  sellers: ['seller_id', 'name', 'country', 'registered_at', 'kyc_id', 'emails', 'phones', 'device_ids'],
  shops: ['shop_id', 'seller_id', 'name', 'opened_at', 'status', 'category'],
  listings: ['listing_id', 'shop_id', 'title', 'brand', 'category', 'price', 'currency', 'listed_at', 'status'],
  payments: ['payment_id', 'shop_id', 'account', 'account_kind', 'provider', 'amount', 'currency', 'paid_at'],
  addresses: ['shop_id', 'kind', 'line1', 'line2', 'city', 'region', 'postcode', 'country'],
  brand_reports: ['report_id', 'listing_id', 'brand', 'reporter', 'verdict', 'reported_at'],
};

/** Columns whose CSV cell holds a `|`-separated list. */
export const LIST_COLUMNS: ReadonlySet<string> = new Set(['emails', 'phones', 'device_ids']);

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function ibanValid(iban: string): boolean {
  const s = iban.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** Why an account number is not a valid one of its kind, or null when it is. */
export function accountProblem(kind: (typeof ACCOUNT_KINDS)[number], account: string): string | null {
  if (kind === 'card') {
    const digits = account.replace(/[\s-]/g, '');
    if (!/^\d{12,19}$/.test(digits)) return 'card numbers have 12 to 19 digits';
    if (!luhnValid(digits)) return 'card number fails the Luhn check';
  } else if (kind === 'iban') {
    if (!ibanValid(account)) return 'not a valid IBAN (format or check digits)';
  } else if (!/^[A-Za-z0-9@._:+-]{4,64}$/.test(account.trim())) {
    return 'wallet ids are 4-64 letters, digits or @._:+-';
  }
  return null;
}
