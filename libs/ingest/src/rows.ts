import type { Kind, RowOf } from '@ringwatch/contract';
import { normaliseAddress, normaliseDevice, normaliseEmail, normalisePhone, type Fingerprinted, type Fingerprinter } from '@ringwatch/normalise';

/** What the graph writer receives for each kind: validated, normalised, with secrets fingerprinted. */
export interface WriteRowOf {
  sellers: {
    id: string;
    name: string;
    country: string;
    registeredAt: string;
    kyc: Fingerprinted;
    phones: { key: string; display: string }[];
    emails: { key: string; display: string }[];
    devices: string[];
  };
  shops: { id: string; sellerId: string; name: string; openedAt: string; status: string; category: string };
  listings: {
    id: string;
    shopId: string;
    title: string;
    brand: string | null;
    category: string;
    price: number;
    currency: string;
    listedAt: string;
    status: string;
  };
  payments: { id: string; shopId: string; account: Fingerprinted & { kind: string }; provider: string; amount: number; currency: string; paidAt: string };
  /** `key` is the building; `unit` (floor, flat, hall, dock) goes on the shop's link to it. The care-of name is not kept. */
  addresses: {
    shopId: string;
    kind: string;
    key: string;
    unit: string | null;
    text: string;
    city: string;
    region: string | null;
    country: string;
    postcode: string | null;
  };
  brand_reports: { id: string; listingId: string; brand: string; reporter: string; verdict: string; reportedAt: string };
}

export type Prepared<K extends Kind> = { ok: true; row: WriteRowOf[K] } | { ok: false; field: string; reason: string };

const uniqueBy = <T>(items: T[], key: (t: T) => string): T[] => {
  const seen = new Set<string>();
  return items.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
};

/** Turns a validated row into its write form. A value that cannot be normalised rejects the row. */
export function prepareRow<K extends Kind>(kind: K, input: RowOf[K], fp: Fingerprinter): Prepared<K> {
  switch (kind) {
    case 'sellers': {
      const r = input as RowOf['sellers'];
      const phones: { key: string; display: string }[] = [];
      for (const raw of r.phones) {
        const key = normalisePhone(raw, r.country);
        if (key === null) return { ok: false, field: 'phones', reason: `"${raw}" cannot be read as a phone number of ${r.country} or in international form` };
        phones.push({ key, display: raw });
      }
      const emails: { key: string; display: string }[] = [];
      for (const raw of r.emails) {
        const key = normaliseEmail(raw);
        if (key === null) return { ok: false, field: 'emails', reason: `"${raw}" is not an email address` };
        emails.push({ key, display: raw });
      }
      const devices = [...new Set(r.device_ids.map(normaliseDevice).filter((d): d is string => d !== null))];
      const row: WriteRowOf['sellers'] = {
        id: r.seller_id,
        name: r.name,
        country: r.country,
        registeredAt: r.registered_at,
        kyc: fp.kyc(r.kyc_id),
        phones: uniqueBy(phones, (p) => p.key),
        emails: uniqueBy(emails, (e) => e.key),
        devices,
      };
      return { ok: true, row: row as WriteRowOf[K] };
    }
    case 'shops': {
      const r = input as RowOf['shops'];
      return {
        ok: true,
        row: { id: r.shop_id, sellerId: r.seller_id, name: r.name, openedAt: r.opened_at, status: r.status, category: r.category } as WriteRowOf[K],
      };
    }
    case 'listings': {
      const r = input as RowOf['listings'];
      return {
        ok: true,
        row: {
          id: r.listing_id,
          shopId: r.shop_id,
          title: r.title,
          brand: r.brand,
          category: r.category,
          price: r.price,
          currency: r.currency,
          listedAt: r.listed_at,
          status: r.status,
        } as WriteRowOf[K],
      };
    }
    case 'payments': {
      const r = input as RowOf['payments'];
      return {
        ok: true,
        row: {
          id: r.payment_id,
          shopId: r.shop_id,
          account: { ...fp.account(r.account_kind, r.account), kind: r.account_kind },
          provider: r.provider,
          amount: r.amount,
          currency: r.currency,
          paidAt: r.paid_at,
        } as WriteRowOf[K],
      };
    }
    case 'addresses': {
      const r = input as RowOf['addresses'];
      const a = normaliseAddress(r);
      return {
        ok: true,
        row: {
          shopId: r.shop_id,
          kind: r.kind,
          key: a.key,
          unit: a.unit,
          text: a.text,
          city: a.city,
          region: r.region?.trim() || null,
          country: a.country,
          postcode: a.postcode,
        } as WriteRowOf[K],
      };
    }
    default: {
      const r = input as RowOf['brand_reports'];
      return {
        ok: true,
        row: { id: r.report_id, listingId: r.listing_id, brand: r.brand, reporter: r.reporter, verdict: r.verdict, reportedAt: r.reported_at } as WriteRowOf[K],
      };
    }
  }
}
