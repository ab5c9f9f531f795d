import { identifier, type AddressKind, type IdentifierKind, type RedactionRule } from './registry';

/** What each rule leaves of a value (see RedactionRule); addresses are redacted from their parts instead. */
const RULES: Readonly<Record<Exclude<RedactionRule, 'locality'>, (value: string) => string>> = {
  'stored-mask': (value) => value,
  'phone-ends': (phone) => `${phone.slice(0, 3)}${'*'.repeat(Math.max(0, phone.length - 7))}${phone.slice(-4)}`,
  'email-initial': (email) => {
    const [user = '', domain = ''] = email.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  },
  prefix: (value) => `${value.slice(0, 4)}…`,
};

/** The value as a redacted view may show it. */
export function redactValue(kind: Exclude<IdentifierKind, AddressKind>, value: string): string {
  const rule = identifier(kind).redaction;
  if (rule === 'locality') throw new Error(`${kind} is redacted from its parts (redactAddress)`);
  return RULES[rule](value);
}

/** An address as a redacted view may show it: the place, not the street. */
export function redactAddress(parts: { city: string | null; region: string | null; country: string | null }): string {
  return `${[parts.city, parts.region, parts.country].filter(Boolean).join(', ')} (street redacted)`;
}
