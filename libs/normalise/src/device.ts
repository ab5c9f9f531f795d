/** Device ids → lower-case hex without separators when they are UUID-like; trimmed text otherwise. */
export function normaliseDevice(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return null;
  const compact = text.replace(/-/g, '').toLowerCase();
  return /^[0-9a-f]{32}$/.test(compact) ? compact : text.toLowerCase();
}
