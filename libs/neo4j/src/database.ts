import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { ExternalNeo4jConfig, LocalNeo4jConfig } from '@ringwatch/config';
import type { Driver } from 'neo4j-driver';
import { CypherRegistry } from './cypher-registry';
import { Neo4jConnectionError, openDriver, type DriverTuning } from './driver';
import { ensureLauncherBuilt, resolveLocalPassword, startLocalNeo4j, type LocalNeo4j } from './local-server';
import { MigrationRunner, readMigrations, type MigrationReport } from './migrations';
import { ProcessSupervisor, type SupervisorEvent } from './supervisor';

/**
 * The one way Ringwatch brings up its database, for the API, the command-line tools, the benchmarks and
 * the test setup: find or start the server, open the driver, load the Cypher registry, apply migrations.
 */

/** A server started for one run in a folder of its own (tests, benchmarks), on a free port. */
export interface ThrowAwayNeo4j {
  readonly mode: 'throw-away';
  /** Emptied before the start and deleted by close(). */
  readonly dataDir: string;
  readonly heap: string;
  readonly pageCache: string;
  /** Lets LOAD CSV read files below this folder (benchmarks only). */
  readonly importDir?: string;
  readonly startTimeoutMs?: number;
}

/** A server of one's own (NEO4J_URI), the local server `npm start` runs, or a throw-away one. */
export type DatabaseTarget = ExternalNeo4jConfig | LocalNeo4jConfig | ThrowAwayNeo4j;

export interface OpenDatabaseOptions {
  /** The repository root: statements and migrations in cypher/, the local server's launcher in tools/neo4j-local. */
  readonly rootDir: string;
  /**
   * With the local server: use the one already answering on its port (command-line tools beside a
   * running `npm start`), starting one only when none does. Without it the server is always started, and
   * a port in use is an error (`npm start` run twice).
   */
  readonly reuseRunning?: boolean;
  /** Progress worth telling a person: building the launcher, starting the server. */
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
  /** The local server's own output lines. */
  readonly onServerOutput?: (line: string) => void;
  /** The driver's timeouts; the driver module's defaults when absent. */
  readonly driver?: DriverTuning;
  /**
   * Restart a server this call started when it dies (the API: its process owns the server). Ignored with
   * a server of one's own (NEO4J_URI) or one found running: those are someone else's to restart.
   */
  readonly supervise?: SuperviseOptions;
}

export interface SuperviseOptions {
  /** Delay before the first restart, doubled for each consecutive failed one. */
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  /** A server up this long counts as healthy again: the next death restarts after the base delay. */
  readonly stableMs?: number;
  readonly onEvent?: (event: SupervisorEvent) => void;
}

/** What a client needs to reach the database, e.g. to hand to another process. */
export interface Neo4jConnection {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

export interface Database {
  readonly driver: Driver;
  /** The database name queries run against. */
  readonly database: string;
  readonly registry: CypherRegistry;
  readonly uri: string;
  readonly connection: Neo4jConnection;
  /** The server this call started, if it started one (the one running now, when supervised); close() stops it. */
  readonly server: LocalNeo4j | undefined;
  /** Restarts that server when it dies, when openDatabase was asked to supervise it. */
  readonly supervisor: ProcessSupervisor<LocalNeo4j> | undefined;
  /** The migrations applied at the start, or after the last offline() (whose work may have replaced the store). */
  readonly migrations: MigrationReport;
  /**
   * Takes the server this call started offline for work that needs its store closed (Neo4j's offline
   * importer), then starts it again on the same port and data folder, supervised as before, and applies
   * the migrations (the work may have replaced the store); the driver reconnects by itself. Throws at
   * once for a server this call did not start (NEO4J_URI, or one found running): not ours to stop.
   */
  offline<T>(work: () => Promise<T>): Promise<T>;
  /** Closes the driver, stops a server this call started and deletes a throw-away server's folder. */
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions): Promise<Database> {
  const log = options.log ?? (() => {});
  let server: LocalNeo4j | undefined;
  let supervisor: ProcessSupervisor<LocalNeo4j> | undefined;
  let restart: (() => Promise<LocalNeo4j>) | undefined;
  let driver: Driver | undefined;
  let closing: Promise<void> | undefined;
  // Once: the application that owns the database closes it, and so may the code that handed it over.
  const release = () =>
    (closing ??= (async () => {
      await driver?.close();
      await (supervisor ?? server)?.stop();
      if (target.mode === 'throw-away') fs.rmSync(target.dataDir, { recursive: true, force: true });
    })());
  // The sizes are picked out by name: a local target also carries the password from the environment.
  const start = async (
    dataDir: string,
    port: number,
    password: string,
    { heap, pageCache, importDir, startTimeoutMs }: { heap: string; pageCache: string; importDir?: string; startTimeoutMs?: number },
  ) => {
    const launcherDir = path.join(options.rootDir, 'tools', 'neo4j-local');
    ensureLauncherBuilt(launcherDir, (line) => log(line));
    log(`starting the local Neo4j on port ${port}`, { port, dataDir });
    // The same server again, on the same port and data: the driver reconnects to it as it was.
    restart = () => startLocalNeo4j({ launcherDir, dataDir, port, password, heap, pageCache, importDir, startTimeoutMs, onOutput: options.onServerOutput });
    server = await restart();
    return server.uri;
  };

  try {
    let connection: Neo4jConnection;
    if (target.mode === 'external') {
      connection = { uri: target.uri, user: target.user, password: target.password, database: target.database };
      driver = await openDriver({ ...connection, tuning: options.driver });
    } else if (target.mode === 'local') {
      const password = resolveLocalPassword(target.dataDir, target.password);
      connection = { uri: `bolt://127.0.0.1:${target.port}`, user: target.user, password, database: target.database };
      if (options.reuseRunning) driver = await openDriver({ ...connection, tuning: options.driver }).catch(notRunning);
      if (!driver) {
        connection = { ...connection, uri: await start(target.dataDir, target.port, password, target) };
        driver = await openDriver({ ...connection, tuning: options.driver });
      }
    } else {
      fs.rmSync(target.dataDir, { recursive: true, force: true });
      const password = randomBytes(12).toString('base64url');
      const uri = await start(target.dataDir, await freePort(), password, target);
      connection = { uri, user: 'neo4j', password, database: 'neo4j' };
      driver = await openDriver({ ...connection, tuning: options.driver });
    }
    const registry = CypherRegistry.load(path.join(options.rootDir, 'cypher'));
    const open = driver;
    const database = connection.database;
    const migrate = () => new MigrationRunner(open, database, registry).apply(readMigrations(path.join(options.rootDir, 'cypher', 'migrations')));
    let migrations = await migrate();
    if (server && restart && options.supervise) {
      const { backoffMs, maxBackoffMs, stableMs, onEvent } = options.supervise;
      supervisor = new ProcessSupervisor(server, { start: restart, backoffMs, maxBackoffMs, stableMs: stableMs ?? 60_000, onEvent });
    }
    const watched = supervisor;
    let offlineNow = false;
    const offline = async <T>(work: () => Promise<T>): Promise<T> => {
      if (!server || !restart) throw new Error('database: only a server this process started can be taken offline');
      if (offlineNow) throw new Error('database: the server is already offline');
      offlineNow = true;
      try {
        let result: T;
        if (watched) result = await watched.offline(work);
        else {
          await server.stop();
          try {
            result = await work();
          } finally {
            server = await restart();
          }
        }
        // The work may have replaced the store: the transactions executeQuery's bookmarks name are of the old
        // one, and the new store would hold every query until it reached them (it never does).
        const bookmarks = open.executeQueryBookmarkManager;
        await bookmarks.updateBookmarks(await bookmarks.getBookmarks(), []);
        migrations = await migrate();
        return result;
      } finally {
        offlineNow = false;
      }
    };
    return {
      driver,
      database: connection.database,
      registry,
      uri: connection.uri,
      connection,
      get server() {
        return watched?.current ?? server;
      },
      supervisor,
      get migrations() {
        return migrations;
      },
      offline,
      close: release,
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/** Nothing answers on the local port: the caller starts a server. Any other failure stands. */
function notRunning(error: unknown): undefined {
  if (error instanceof Neo4jConnectionError) return undefined;
  throw error;
}

/** A TCP port on the loopback interface that nothing listens on at the moment of asking. */
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
