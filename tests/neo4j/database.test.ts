import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, LocalNeo4jError, openDatabase, openDriver, readMigrations, type Database } from '@ringwatch/neo4j';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../setup/app';

const neo4j = inject('neo4j');
const migrations = readMigrations(path.join(ROOT, 'cypher', 'migrations')).map((m) => `${m.id}-${m.name}`);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-open-database-'));
const port = Number(new URL(neo4j.uri.replace(/^bolt/, 'http')).port);

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function answers(db: Database): Promise<boolean> {
  return db.driver.executeQuery('RETURN 1', {}, { database: db.database }).then(
    () => true,
    () => false,
  );
}

describe('openDatabase', () => {
  it('opens a server of ones own (NEO4J_URI): driver, registry, migrations; close() leaves the server running', async () => {
    const db = await openDatabase({ ...neo4j, mode: 'external' }, { rootDir: ROOT });
    expect(db.uri).toBe(neo4j.uri);
    expect(db.server).toBeUndefined();
    expect(db.migrations).toEqual({ applied: [], alreadyApplied: migrations });
    expect(db.registry.names).toContain('schema/list-migrations');
    expect(await answers(db)).toBe(true);
    await db.close();
    await db.close();
    expect(await answers(db)).toBe(false);
    const other = await openDriver(neo4j);
    try {
      expect((await other.executeQuery('RETURN 1 AS one', {}, { database: neo4j.database })).records).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it.skipIf(neo4j.mode !== 'local')('uses the local server already running on the port for a command-line tool, and npm start refuses it', async () => {
    const local = {
      mode: 'local',
      port,
      dataDir: path.join(scratch, 'local'),
      heap: '256m',
      pageCache: '64m',
      user: 'neo4j',
      password: neo4j.password,
      database: neo4j.database,
    } as const;
    const tool = await openDatabase(local, { rootDir: ROOT, reuseRunning: true });
    try {
      expect(tool.server).toBeUndefined();
      expect(tool.uri).toBe(`bolt://127.0.0.1:${port}`);
      expect(await answers(tool)).toBe(true);
    } finally {
      await tool.close();
    }
    const again = openDatabase(local, { rootDir: ROOT });
    await expect(again).rejects.toThrow(LocalNeo4jError);
    await expect(again).rejects.toThrow(/already in use/);
  });

  // A second server starts beside the test run's: slow on a busy machine.
  it(
    'starts the local server a command-line tool finds not running, with the password kept in its folder; close() stops it and keeps the data',
    { timeout: 240_000 },
    async () => {
      const dataDir = path.join(scratch, 'local-start');
      const target = {
        mode: 'local',
        port: await freePort(),
        dataDir,
        heap: '512m',
        pageCache: '64m',
        user: 'neo4j',
        password: undefined,
        database: 'neo4j',
      } as const;
      const db = await openDatabase(target, { rootDir: ROOT, reuseRunning: true });
      try {
        expect(db.server).toBeDefined();
        expect(db.uri).toBe(`bolt://127.0.0.1:${target.port}`);
        expect(db.connection.password).toBe(fs.readFileSync(path.join(dataDir, 'password'), 'utf8').trim());
        expect(db.migrations.applied).toEqual(migrations);
      } finally {
        await db.close();
      }
      expect(fs.existsSync(path.join(dataDir, 'password'))).toBe(true);
      await expect(openDriver(db.connection)).rejects.toThrow(/cannot reach/);
    },
  );

  it('starts a throw-away server in an emptied folder on a free port, and close() stops it and deletes the folder', { timeout: 240_000 }, async () => {
    const dataDir = path.join(scratch, 'throw-away');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'left-over'), 'from an earlier run');
    const lines: string[] = [];
    const db = await openDatabase({ mode: 'throw-away', dataDir, heap: '512m', pageCache: '64m' }, { rootDir: ROOT, log: (line) => lines.push(line) });
    try {
      expect(db.server).toBeDefined();
      expect(db.uri).not.toBe(neo4j.uri);
      expect(db.migrations).toEqual({ applied: migrations, alreadyApplied: [] });
      expect(fs.existsSync(path.join(dataDir, 'left-over'))).toBe(false);
      expect(lines.join('\n')).toMatch(/starting the local Neo4j on port \d+/);
    } finally {
      await db.close();
    }
    expect(fs.existsSync(dataDir)).toBe(false);
    await expect(openDriver(db.connection)).rejects.toThrow(/cannot reach/);
  });
});
