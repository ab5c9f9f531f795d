import type { Kind } from '@ringwatch/contract';
import type { WriteRowOf } from '@ringwatch/ingest';

/**
 * How a batch of rows travels to Neo4j: one string per row, its fields joined by U+001F, split again
 * by the Cypher (`split(line, '\u001f')`). The driver packs a list of 5,000 maps value by value, key
 * by key; packing one string per row instead took the loader's own CPU for listings from 4.0 s to
 * 0.8 s per 113,000 rows, CPU that the database on the same two cores gets back (bench:ingest).
 *
 * The contract rejects control characters in every text field, so no value holds the separator; this
 * module checks again, because a separator inside a value would shift every field after it.
 * An absent optional value travels as the empty string (a present one is never empty).
 */
export const FIELD_SEPARATOR = '\u001f';

export class RowLinesError extends Error {
  constructor(message: string) {
    super(`imports: ${message}`);
    this.name = 'RowLinesError';
  }
}

type Field = string | number | null;

function line(fields: readonly Field[]): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    const value = fields[i]!;
    const text = value === null ? '' : typeof value === 'number' ? String(value) : value;
    if (text.includes(FIELD_SEPARATOR)) throw new RowLinesError(`a value holds the field separator U+001F: ${JSON.stringify(text.slice(0, 80))}`);
    out += i === 0 ? text : FIELD_SEPARATOR + text;
  }
  return out;
}

/** Field order per kind; the matching Cypher under cypher/ingest/ names them in the same order. */
const ENCODERS: { [K in Kind]: (row: WriteRowOf[K]) => Field[] } = {
  sellers: (r) => [r.id, r.name, r.country, r.registeredAt, r.kyc.key, r.kyc.last4, r.kyc.masked],
  shops: (r) => [r.id, r.sellerId, r.name, r.openedAt, r.status, r.category],
  listings: (r) => [r.id, r.shopId, r.title, r.brand, r.category, r.price, r.currency, r.listedAt, r.status],
  payments: (r) => [r.id, r.shopId, r.account.key, r.account.kind, r.account.last4, r.account.masked, r.provider, r.amount, r.currency, r.paidAt],
  addresses: (r) => [r.shopId, r.kind, r.key, r.text, r.city, r.region, r.country, r.postcode, r.unit],
  brand_reports: (r) => [r.id, r.listingId, r.brand, r.reporter, r.verdict, r.reportedAt],
};

export function rowLines<K extends Kind>(kind: K, rows: readonly WriteRowOf[K][]): string[] {
  const encode = ENCODERS[kind] as (row: WriteRowOf[K]) => Field[];
  return rows.map((row) => line(encode(row)));
}

/** A seller's phones, emails and devices as `sellerId␟key[␟display]` lines, one per identifier. */
export function sellerIdentifierLines(rows: readonly WriteRowOf['sellers'][]): { phones: string[]; emails: string[]; devices: string[] } {
  const phones: string[] = [];
  const emails: string[] = [];
  const devices: string[] = [];
  for (const r of rows) {
    for (const p of r.phones) phones.push(line([r.id, p.key, p.display]));
    for (const e of r.emails) emails.push(line([r.id, e.key, e.display]));
    for (const d of r.devices) devices.push(line([r.id, d]));
  }
  return { phones, emails, devices };
}
