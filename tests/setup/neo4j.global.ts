import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '@ringwatch/neo4j';
import type { TestProject } from 'vitest/node';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  mode: 'local' | 'external';
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/**
 * One real Neo4j per test run: the local server on a free port in a throw-away data folder, or the
 * server NEO4J_URI names (its data is the caller's; tests clean up what they write). Migrations are
 * applied either way.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let mode: TestNeo4j['mode'];
  let database: Database;
  if (process.env.NEO4J_URI) {
    if (!process.env.NEO4J_PASSWORD) throw new Error('tests: NEO4J_PASSWORD is required with NEO4J_URI');
    mode = 'external';
    database = await openDatabase(
      {
        mode,
        uri: process.env.NEO4J_URI,
        user: process.env.NEO4J_USER ?? 'neo4j',
        password: process.env.NEO4J_PASSWORD,
        database: process.env.NEO4J_DATABASE ?? 'neo4j',
      },
      { rootDir: root },
    );
  } else {
    mode = 'local';
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-test-neo4j-'));
    // A busy two-core machine (other test runs, benchmarks) has taken longer than the usual two minutes to start it.
    database = await openDatabase({ mode: 'throw-away', dataDir, heap: '1g', pageCache: '256m', startTimeoutMs: 600_000 }, { rootDir: root });
  }
  project.provide('neo4j', { ...database.connection, mode });
  return () => database.close();
}
