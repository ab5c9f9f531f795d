import fs from 'node:fs';
import path from 'node:path';
import { contractJsonSchemas } from '@ringwatch/contract';

/** Writes docs/schemas/<kind>.schema.json from the contract; a test fails when they drift. */
export function renderSchemas(): Record<string, string> {
  return Object.fromEntries(Object.entries(contractJsonSchemas()).map(([kind, schema]) => [`${kind}.schema.json`, `${JSON.stringify(schema, null, 2)}\n`]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'docs', 'schemas');
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(renderSchemas())) fs.writeFileSync(path.join(dir, name), text);
  console.log(`wrote ${dir}`);
}
