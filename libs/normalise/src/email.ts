/**
 * Emails → one key per mailbox: case folded; for providers that ignore them, dots (Gmail) and
 * "+tags" (Gmail, Outlook/Hotmail/Live, Proton, Fastmail) dropped; googlemail.com is gmail.com.
 */
const DOTS_IGNORED = new Set(['gmail.com']);
const PLUS_TAGS_IGNORED = new Set(['gmail.com', 'outlook.com', 'hotmail.com', 'live.com', 'proton.me', 'protonmail.com', 'fastmail.com', 'icloud.com']);
const DOMAIN_ALIASES: Record<string, string> = { 'googlemail.com': 'gmail.com' };

export function normaliseEmail(raw: string): string | null {
  const text = raw.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return null;
  const domain = DOMAIN_ALIASES[text.slice(at + 1)] ?? text.slice(at + 1);
  let local = text.slice(0, at);
  if (PLUS_TAGS_IGNORED.has(domain)) local = local.split('+')[0]!;
  if (DOTS_IGNORED.has(domain)) local = local.replace(/\./g, '');
  if (local === '') return null;
  return `${local}@${domain}`;
}
