import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CypherRegistry, CypherRegistryError } from './cypher-registry';
import { splitStatements } from './migrations';

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-cypher-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('CypherRegistry', () => {
  it('names statements by folder and file, without comments or the trailing semicolon', () => {
    const registry = CypherRegistry.load(
      tree({
        'shops/by-id.cypher': '// why\nMATCH (s:Shop {id: $id})\nRETURN s;\n',
        'migrations/0001-x.cypher': 'CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.id);',
      }),
    );
    expect(registry.names).toEqual(['shops/by-id']);
    expect(registry.get('shops/by-id')).toBe('MATCH (s:Shop {id: $id})\nRETURN s');
  });

  it('fails on a missing name, naming the file it expected', () => {
    const registry = CypherRegistry.load(tree({ 'a/b.cypher': 'RETURN 1' }));
    expect(() => registry.get('a/c')).toThrow(CypherRegistryError);
    expect(() => registry.get('a/c')).toThrow(/a\/c\.cypher/);
  });

  it('binds a whole set at once and lists every missing file', () => {
    const registry = CypherRegistry.load(tree({ 'a/b.cypher': 'RETURN 1' }));
    expect(registry.bind({ b: 'a/b' })).toEqual({ b: 'RETURN 1' });
    expect(() => registry.bind({ b: 'a/b', c: 'a/c', d: 'x/d' })).toThrow(/a\/c\.cypher, x\/d\.cypher/);
  });

  it('refuses a file with two statements or none', () => {
    expect(() => CypherRegistry.load(tree({ 'a/two.cypher': 'RETURN 1;\nRETURN 2;' }))).toThrow(/more than one statement/);
    expect(() => CypherRegistry.load(tree({ 'a/none.cypher': '// nothing\n' }))).toThrow(/no statement/);
  });
});

describe('splitStatements', () => {
  it('splits on semicolons at line ends and drops comments', () => {
    expect(splitStatements('// c\nCREATE A;\n\nCREATE B ;\nCREATE C')).toEqual(['CREATE A', 'CREATE B', 'CREATE C']);
  });
});
