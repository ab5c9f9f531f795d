import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CypherRegistry, MigrationError, MigrationRunner, openDriver, readMigrations } from '@ringwatch/neo4j';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../setup/app';

const neo4j = inject('neo4j');
let driver: Driver;
let runner: MigrationRunner;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-migrations-'));

async function schema(): Promise<string[]> {
  const c = await driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN name', {}, { database: neo4j.database });
  const i = await driver.executeQuery('SHOW INDEXES YIELD name RETURN name', {}, { database: neo4j.database });
  return [...c.records, ...i.records].map((r) => r.get('name') as string).sort();
}

beforeAll(async () => {
  driver = await openDriver(neo4j);
  runner = new MigrationRunner(driver, neo4j.database, CypherRegistry.load(path.join(ROOT, 'cypher')));
});

afterAll(async () => {
  await driver.executeQuery('DROP INDEX ringwatch_test_probe IF EXISTS', {}, { database: neo4j.database });
  await driver.executeQuery("MATCH (m:Migration) WHERE m.id STARTS WITH '9' DETACH DELETE m", {}, { database: neo4j.database });
  await driver.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are all applied by the test setup and applying them again changes nothing', async () => {
    const project = readMigrations(path.join(ROOT, 'cypher', 'migrations'));
    const before = await schema();
    const report = await runner.apply(project);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toHaveLength(project.length);
    expect(await schema()).toEqual(before);
    expect((await runner.applied()).map((m) => m.id)).toEqual(expect.arrayContaining(project.map((m) => m.id)));
  });

  it('applies a new migration once, records it, and refuses an edited one', async () => {
    const file = path.join(scratch, '9001-test-probe.cypher');
    fs.writeFileSync(file, 'CREATE INDEX ringwatch_test_probe IF NOT EXISTS FOR (n:TestProbe) ON (n.id);\n');
    const first = await runner.apply(readMigrations(scratch));
    expect(first.applied).toEqual(['9001-test-probe']);
    expect(await schema()).toContain('ringwatch_test_probe');
    const second = await runner.apply(readMigrations(scratch));
    expect(second).toEqual({ applied: [], alreadyApplied: ['9001-test-probe'] });

    fs.writeFileSync(file, 'CREATE INDEX ringwatch_test_probe IF NOT EXISTS FOR (n:TestProbe) ON (n.other);\n');
    await expect(runner.apply(readMigrations(scratch))).rejects.toThrow(MigrationError);
    await expect(runner.apply(readMigrations(scratch))).rejects.toThrow(/changed after it was applied/);
  });

  it('rejects badly named migration files', () => {
    const dir = fs.mkdtempSync(path.join(scratch, 'bad-'));
    fs.writeFileSync(path.join(dir, 'add-index.cypher'), 'RETURN 1;');
    expect(() => readMigrations(dir)).toThrow(/NNNN-name\.cypher/);
  });
});
