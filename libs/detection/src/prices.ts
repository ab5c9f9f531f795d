/**
 * What a branded listing would typically cost, from comparable listings: the same brand, the same
 * category, and where titles allow it the same product line. One brand-wide price does not do: a
 * brand selling socks and coats makes every full-price sock look like a deep discount.
 *
 * The typical price of a set of listings is a high quantile (default the 90th percentile), not the
 * median: where fakes flood a product, most of its listings are fakes and the median is their price.
 * A product line is a title word shared by enough listings of the brand and category in enough shops;
 * a listing's line is its word with the LOWEST typical price, because specific words ("socks") are
 * cheaper than words shared across lines ("black", "cotton"). When no word has enough support the
 * category decides, then the brand.
 *
 * Prices in different currencies are compared in euros through REFERENCE_RATES: approximate rates are
 * enough for a test that asks "under half the usual price?". A currency without a rate is compared only
 * with listings in that same currency.
 */

/**
 * Approximate value of one unit in euros (rounded, mid-2026 orders of magnitude; only factor-of-two
 * questions are asked of them). Update freely; the model keeps unlisted currencies apart.
 */
export const REFERENCE_RATES: Readonly<Record<string, number>> = {
  EUR: 1,
  USD: 0.86,
  GBP: 1.15,
  CHF: 1.07,
  PLN: 0.235,
  CZK: 0.041,
  HUF: 0.0026,
  RON: 0.197,
  BGN: 0.511,
  SEK: 0.091,
  NOK: 0.085,
  DKK: 0.134,
  ISK: 0.0071,
  TRY: 0.021,
  UAH: 0.021,
  RUB: 0.011,
  CNY: 0.12,
  HKD: 0.11,
  TWD: 0.027,
  JPY: 0.0058,
  KRW: 0.00062,
  INR: 0.0098,
  SGD: 0.66,
  MYR: 0.2,
  THB: 0.026,
  IDR: 0.000053,
  VND: 0.000033,
  PHP: 0.015,
  AUD: 0.56,
  NZD: 0.5,
  CAD: 0.62,
  MXN: 0.047,
  BRL: 0.16,
  ARS: 0.0007,
  CLP: 0.0009,
  COP: 0.00022,
  ZAR: 0.049,
  AED: 0.234,
  SAR: 0.23,
  ILS: 0.25,
  EGP: 0.017,
  NGN: 0.00056,
};

/** The price in euros where the currency has a rate, with the bucket prefix it is compared under. */
function comparable(price: number, currency: string | null): { price: number; unit: string } {
  const code = (currency ?? '').toUpperCase();
  const rate = REFERENCE_RATES[code];
  return rate === undefined ? { price, unit: code } : { price: price * rate, unit: 'EUR' };
}

export interface PriceModelOptions {
  /** Quantile taken as the typical price (default 0.9). */
  readonly quantile?: number;
  /** Listings a word, category or brand needs before its price counts (default 20). */
  readonly minListings?: number;
  /** Distinct shops a product-line word needs (default 5): one shop's titles are not a line. */
  readonly minShops?: number;
}

export const PRICE_MODEL_DEFAULTS = { quantile: 0.9, minListings: 20, minShops: 5 } as const;

export interface Reference {
  readonly price: number;
  /** What the price was taken from. */
  readonly basis: 'line' | 'category' | 'brand';
  /** The product-line word, for basis `line`. */
  readonly word?: string;
}

interface Bucket {
  prices: number[];
  shops: Set<string> | null;
  typical: number;
}

const SEP = '\u0000';

/** Title words: folded, letters only, three or more, not the brand's own words. */
export function titleWords(title: string, brand: string): string[] {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 3);
  const brandWords = new Set(fold(brand));
  return [...new Set(fold(title))].filter((w) => !brandWords.has(w));
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export class PriceModel {
  private readonly o: Required<PriceModelOptions>;
  private readonly brands = new Map<string, Bucket>();
  private readonly categories = new Map<string, Bucket>();
  private readonly words = new Map<string, Bucket>();
  private finished = false;

  constructor(options: PriceModelOptions = {}) {
    this.o = { ...PRICE_MODEL_DEFAULTS, ...options };
  }

  private static put(map: Map<string, Bucket>, key: string, price: number, shop: string | null): void {
    let b = map.get(key);
    if (!b) map.set(key, (b = { prices: [], shops: shop === null ? null : new Set(), typical: Number.NaN }));
    b.prices.push(price);
    if (shop !== null) b.shops!.add(shop);
  }

  add(shop: string, brand: string, category: string | null, title: string, price: number, currency: string | null): void {
    if (this.finished) throw new Error('detection/prices: the model is finished');
    if (!(price > 0)) return;
    const c = comparable(price, currency);
    price = c.price;
    PriceModel.put(this.brands, `${c.unit}${SEP}${brand}`, price, null);
    if (category === null) return;
    const bc = `${c.unit}${SEP}${brand}${SEP}${category}`;
    PriceModel.put(this.categories, bc, price, null);
    for (const w of titleWords(title, brand)) PriceModel.put(this.words, `${bc}${SEP}${w}`, price, shop);
  }

  /** Computes the typical prices; the model takes no more listings after this. */
  finish(): this {
    const { quantile: q, minListings, minShops } = this.o;
    for (const map of [this.brands, this.categories, this.words]) {
      for (const [key, b] of map) {
        if (b.prices.length < minListings || (b.shops !== null && b.shops.size < minShops)) {
          map.delete(key);
          continue;
        }
        b.typical = quantile(
          b.prices.sort((x, y) => x - y),
          q,
        );
        b.prices = [];
        b.shops = null;
      }
    }
    this.finished = true;
    return this;
  }

  /**
   * The typical price of listings comparable with this one, in this listing's currency; null when
   * nothing comparable has enough listings.
   */
  reference(brand: string, category: string | null, title: string, currency: string | null): Reference | null {
    if (!this.finished) throw new Error('detection/prices: finish the model first');
    const unit = comparable(1, currency);
    const back = (r: Reference | null): Reference | null => (r === null ? null : { ...r, price: r.price / unit.price });
    if (category !== null) {
      const bc = `${unit.unit}${SEP}${brand}${SEP}${category}`;
      let best: Reference | null = null;
      for (const w of titleWords(title, brand)) {
        const b = this.words.get(`${bc}${SEP}${w}`);
        if (b && (best === null || b.typical < best.price)) best = { price: b.typical, basis: 'line', word: w };
      }
      if (best) return back(best);
      const c = this.categories.get(bc);
      if (c) return back({ price: c.typical, basis: 'category' });
    }
    const b = this.brands.get(`${unit.unit}${SEP}${brand}`);
    return back(b ? { price: b.typical, basis: 'brand' } : null);
  }
}
