import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CypherRegistry, ensureLauncherBuilt, MigrationRunner, openDriver, readMigrations, startLocalNeo4j, type LocalNeo4j } from '@ringwatch/neo4j';
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

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * One real Neo4j per test run: the local server on a free port in a throw-away data folder, or the
 * server NEO4J_URI names (its data is the caller's; tests clean up what they write).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  let neo4j: TestNeo4j;
  if (process.env.NEO4J_URI) {
    if (!process.env.NEO4J_PASSWORD) throw new Error('tests: NEO4J_PASSWORD is required with NEO4J_URI');
    neo4j = {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD,
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
      mode: 'external',
    };
  } else {
    const launcherDir = path.join(root, 'tools', 'neo4j-local');
    ensureLauncherBuilt(launcherDir);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-test-neo4j-'));
    const password = 'test-password-1';
    local = await startLocalNeo4j({
      launcherDir,
      dataDir,
      port: await freePort(),
      password,
      heap: '1g',
      pageCache: '256m',
    });
    neo4j = { uri: local.uri, user: 'neo4j', password, database: 'neo4j', mode: 'local' };
  }

  const driver = await openDriver(neo4j);
  try {
    const runner = new MigrationRunner(driver, neo4j.database, CypherRegistry.load(path.join(root, 'cypher')));
    await runner.apply(readMigrations(path.join(root, 'cypher', 'migrations')));
  } finally {
    await driver.close();
  }
  project.provide('neo4j', neo4j);

  return async () => {
    await local?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
