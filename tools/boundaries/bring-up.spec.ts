import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSources, type SourceFile } from './boundaries';

/**
 * One bring-up of the database: `openDatabase` in libs/neo4j builds the launcher, starts the local
 * server and applies migrations for the API, the command-line tools, the benchmarks and the test setup.
 * The bring-up had been written out four times; a fifth copy shows as one of these steps named elsewhere.
 */
const STEPS = ['ensureLauncherBuilt', 'resolveLocalPassword', 'startLocalNeo4j', 'MigrationRunner', 'readMigrations'];
/** openDatabase's own lib, and the integration tests of the steps themselves. */
const ALLOWED = ['libs/neo4j/', 'tests/neo4j/'];

function bringUpOutsideNeo4j(files: readonly SourceFile[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (ALLOWED.some((folder) => file.path.startsWith(folder))) continue;
    for (const step of STEPS) if (new RegExp(`\\b${step}\\b`).test(file.text)) found.push(`${file.path}: ${step}`);
  }
  return found;
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

describe('one database bring-up', () => {
  it('only libs/neo4j starts the local server or applies migrations (everyone else calls openDatabase)', () => {
    const sources = readSources(ROOT).filter((f) => f.path !== 'tools/boundaries/bring-up.spec.ts');
    expect(bringUpOutsideNeo4j(sources)).toEqual([]);
  });

  it('names a copy made on purpose', () => {
    const copy = [
      "import { MigrationRunner, readMigrations, startLocalNeo4j } from '@ringwatch/neo4j';",
      'const server = await startLocalNeo4j(options);',
      'await new MigrationRunner(driver, db, registry).apply(readMigrations(dir));',
    ].join('\n');
    expect(bringUpOutsideNeo4j([{ path: 'scripts/bench/other.ts', text: copy }])).toEqual([
      'scripts/bench/other.ts: startLocalNeo4j',
      'scripts/bench/other.ts: MigrationRunner',
      'scripts/bench/other.ts: readMigrations',
    ]);
    expect(bringUpOutsideNeo4j([{ path: 'libs/neo4j/src/database.ts', text: copy }])).toEqual([]);
  });
});
