import { z } from 'zod';
import { KINDS, SCHEMAS, type Kind } from './kinds';

/** The contract as JSON Schema (draft 2020-12), one schema per kind, as files are read (input side). */
export function contractJsonSchemas(): Record<Kind, Record<string, unknown>> {
  const out = {} as Record<Kind, Record<string, unknown>>;
  for (const kind of KINDS) {
    out[kind] = {
      title: `Ringwatch ${kind}`,
      ...(z.toJSONSchema(SCHEMAS[kind], { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
    };
  }
  return out;
}
