import fs from 'node:fs';
import path from 'node:path';
import { CypherRegistry } from '@ringwatch/neo4j';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../setup/app';

/** Every TypeScript source file outside tests, where statement names may be referenced. */
function sources(): string {
  const out: string[] = [];
  for (const top of ['apps', 'libs', 'scripts']) {
    const dir = path.join(ROOT, top);
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) {
      if (file.includes('node_modules') || file.includes(`${path.sep}dist${path.sep}`)) continue;
      if (!/\.(ts|mjs)$/.test(file) || /\.(spec|test)\.ts$/.test(file)) continue;
      out.push(fs.readFileSync(path.join(dir, file), 'utf8'));
    }
  }
  return out.join('\n');
}

describe('cypher/ files', () => {
  it('are each referenced by name from the code', () => {
    const registry = CypherRegistry.load(path.join(ROOT, 'cypher'));
    const code = sources();
    const unused = registry.names.filter((name) => !code.includes(`'${name}'`));
    expect(unused, `statement files no code refers to: ${unused.join(', ')}`).toEqual([]);
  });
});
