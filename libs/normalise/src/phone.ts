import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Phones → E.164. "+86 138-0013-8000", "0086 138 0013 8000", "(+86) 13800138000" and, for a seller
 * registered in China, "13800138000" are one phone. National formats need the holder's country.
 */
export function normalisePhone(raw: string, holderCountry: string | null): string | null {
  let text = raw.trim().replace(/[()]/g, ' ');
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  const parsed = parsePhoneNumberFromString(text, (holderCountry?.toUpperCase() ?? undefined) as CountryCode | undefined);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}
