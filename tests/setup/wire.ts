import { expect } from 'vitest';
import type { z } from 'zod';

/**
 * Holds a response body to its @ringwatch/wire shape, the one the explorer is typed with: parsing fails
 * on a field missing or of another type, and a field the shape does not name (parsing drops it) makes
 * the parsed copy differ from what was sent.
 */
export function expectWire<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.parse(body);
  expect(parsed).toEqual(body);
  return parsed;
}
