import fs from 'node:fs';
import path from 'node:path';
import { COLUMNS, KINDS } from '@ringwatch/contract';
import { describe, expect, it } from 'vitest';
import { renderSchemas } from '../../scripts/contract-schemas';
import { ROOT } from '../setup/app';

describe('data contract documentation', () => {
  it('docs/schemas matches the contract in code (run npm run contract:schemas after changing it)', () => {
    for (const [name, text] of Object.entries(renderSchemas())) {
      expect(fs.readFileSync(path.join(ROOT, 'docs', 'schemas', name), 'utf8'), name).toBe(text);
    }
  });
  it('docs/data-contract.md documents every column of every kind', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'data-contract.md'), 'utf8');
    for (const kind of KINDS) {
      const section = doc.split(`## ${kind}\n`)[1]?.split('\n## ')[0] ?? '';
      for (const column of COLUMNS[kind]) expect(section, `${kind}.${column}`).toContain(`| ${column} |`);
    }
  });
});
