import { fastAccept } from './fast-accept';
import { KINDS, SCHEMAS, type Kind, type RowOf } from './kinds';

export type Validation<K extends Kind> =
  { readonly ok: true; readonly row: RowOf[K] } | { readonly ok: false; readonly field: string; readonly reason: string };

/** Validates one raw record (CSV cells or an NDJSON object) of a kind; reports the first bad field. */
export function validateRow<K extends Kind>(kind: K, raw: unknown): Validation<K> {
  const fast = fastAccept(kind, raw);
  if (fast !== null) return { ok: true, row: fast };
  const result = SCHEMAS[kind].safeParse(raw);
  if (result.success) return { ok: true, row: result.data as RowOf[K] };
  const issue = result.error.issues[0]!;
  const field = issue.path.length > 0 ? String(issue.path[0]) : '(row)';
  const reason = issue.code === 'invalid_type' && /received undefined/.test(issue.message) ? 'is required' : issue.message;
  return { ok: false, field, reason };
}

/** The kind a file holds, from its name: `shops.csv`, `brand_reports.ndjson.gz`, `2026-11-shops.csv`. */
export function kindOfFile(fileName: string): Kind | null {
  const base = fileName.split(/[\\/]/).pop()!.toLowerCase();
  const stem = base.replace(/\.(csv|ndjson|jsonl)(\.gz)?$/, '');
  if (stem === base) return null;
  return KINDS.find((k) => stem === k || stem.endsWith(`-${k}`) || stem.endsWith(`_${k}`)) ?? null;
}
