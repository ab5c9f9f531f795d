import neo4j from 'neo4j-driver';

/**
 * Converts driver values into plain JSON-friendly values at the repository edge, so Neo4j integers and
 * temporal types never leak into services.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (neo4j.isInt(value)) {
    if (!neo4j.integer.inSafeRange(value)) throw new RangeError(`neo4j: integer ${value.toString()} is outside the safe range`);
    return value.toNumber();
  }
  if (
    neo4j.isDateTime(value) ||
    neo4j.isDate(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return (value as { toString(): string }).toString();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

/** A record's fields as a plain object. */
export function recordToPlain<T>(record: { toObject(): Record<string, unknown> }): T {
  return toPlain(record.toObject()) as T;
}
