import path from 'node:path';
import type { RingwatchConfig } from '@ringwatch/config';
import {
  CypherRegistry,
  ensureLauncherBuilt,
  MigrationRunner,
  Neo4jConnectionError,
  openDriver,
  readMigrations,
  resolveLocalPassword,
  startLocalNeo4j,
  type LocalNeo4j,
} from '@ringwatch/neo4j';
import type { Driver } from 'neo4j-driver';

export interface ToolContext {
  readonly driver: Driver;
  readonly database: string;
  readonly registry: CypherRegistry;
  readonly uri: string;
  close(): Promise<void>;
}

/**
 * For command-line tools: the configured Neo4j; with the local default, the server `npm start` runs if
 * it is up, or one started for the duration of the command. Migrations are applied either way.
 */
export async function openTool(config: RingwatchConfig, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<ToolContext> {
  let local: LocalNeo4j | undefined;
  let driver: Driver;
  let uri: string;
  if (config.neo4j.mode === 'external') {
    uri = config.neo4j.uri;
    driver = await openDriver(config.neo4j);
  } else {
    const password = resolveLocalPassword(config.neo4j.dataDir, config.neo4j.password);
    uri = `bolt://127.0.0.1:${config.neo4j.port}`;
    try {
      driver = await openDriver({ uri, user: config.neo4j.user, password });
    } catch (error) {
      if (!(error instanceof Neo4jConnectionError)) throw error;
      const launcherDir = path.join(config.rootDir, 'tools', 'neo4j-local');
      ensureLauncherBuilt(launcherDir, log);
      log(`starting the local Neo4j on port ${config.neo4j.port} for this command`);
      local = await startLocalNeo4j({
        launcherDir,
        dataDir: config.neo4j.dataDir,
        port: config.neo4j.port,
        password,
        heap: config.neo4j.heap,
        pageCache: config.neo4j.pageCache,
      });
      driver = await openDriver({ uri: local.uri, user: config.neo4j.user, password });
    }
  }
  const registry = CypherRegistry.load(path.join(config.rootDir, 'cypher'));
  await new MigrationRunner(driver, config.neo4j.database, registry).apply(readMigrations(path.join(config.rootDir, 'cypher', 'migrations')));
  return {
    driver,
    database: config.neo4j.database,
    registry,
    uri,
    async close() {
      await driver.close();
      await local?.stop();
    },
  };
}
