/**
 * Amounts as a court reads them: rounded to the currency's minor unit (2 for USD, 0 for JPY, 3 for
 * KWD, as ISO 4217 through Intl says) and always named with their currency. Nothing here converts.
 */
const digitsCache = new Map<string, number>();

export function minorUnits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      // Not an ISO 4217 code (a typo in the data): cents, the most common minor unit.
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * The amount rounded half away from zero to the currency's minor unit. Sums of cents carry binary
 * residue (597.4449999999999 is 597.445 summed): 12 significant digits first drop it, then the decimal
 * shift is done on the text, where it is exact.
 */
export function roundMoney(amount: number, currency: string): number {
  const digits = minorUnits(currency);
  const clean = Math.abs(Number(amount.toPrecision(12)));
  return Math.sign(amount) * Number(`${Math.round(Number(`${clean}e${digits}`))}e-${digits}`) || 0;
}

/** "1,234.50 USD": grouped, exactly the currency's minor digits, the code after the amount. */
export function formatMoney(amount: number, currency: string): string {
  const digits = minorUnits(currency);
  return `${roundMoney(amount, currency).toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}`;
}

/** Several amounts, one per currency; a dash for none. */
export const formatMoneys = (v: readonly { currency: string; amount: number }[], none = '–') =>
  v.map((m) => formatMoney(m.amount, m.currency)).join(', ') || none;

/** Totals per currency, rounded once after summing, largest first. */
export function totalsByCurrency(items: Iterable<{ currency: string | null; amount: number | null }>): { currency: string; amount: number }[] {
  const sums = new Map<string, number>();
  for (const i of items) if (i.currency && i.amount !== null) sums.set(i.currency, (sums.get(i.currency) ?? 0) + i.amount);
  return [...sums]
    .map(([currency, amount]) => ({ currency, amount: roundMoney(amount, currency) }))
    .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));
}
