import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, type RingwatchConfig } from '@ringwatch/config';
import type { LoadReport } from '@ringwatch/ingest';
import { openDatabase, type Database, type SupervisorEvent } from '@ringwatch/neo4j';
import { generateMarketplace } from '@ringwatch/synth';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AuthService } from './auth/auth.service';
import { createApp } from './bootstrap';
import { DetectionService } from './detection/detection.service';
import { ImportsService } from './imports/imports.service';
import type { JsonLogger } from './common/json-logger';

export class StartupError extends Error {
  constructor(message: string) {
    super(`startup: ${message}`);
    this.name = 'StartupError';
  }
}

export interface RunningRingwatch {
  readonly url: string;
  readonly neo4jUri: string;
  stop(): Promise<void>;
}

/**
 * The database as the API brings it up: the local server when no NEO4J_URI is given (supervised: this
 * process started it, so it owns it and restarts it when it dies), the driver's timeouts, migrations.
 */
export async function openRingwatchDatabase(config: RingwatchConfig, logger: JsonLogger): Promise<Database> {
  const { supervision } = config;
  const database = await openDatabase(config.neo4j, {
    rootDir: config.rootDir,
    log: (message, fields) => logger.event('info', 'neo4j-local', message, fields),
    onServerOutput: (line) => logger.event('debug', 'neo4j-local', line),
    driver: config.neo4jDriver,
    supervise: supervision.restartLocal
      ? { backoffMs: supervision.restartBackoffMs, maxBackoffMs: supervision.restartBackoffMaxMs, onEvent: (event) => logSupervisorEvent(logger, event) }
      : undefined,
  });
  if (database.server) {
    logger.event('info', 'neo4j-local', 'ready', { uri: database.uri, pid: database.server.pid, wallStartMillis: database.server.wallStartMillis });
  }
  return database;
}

/** Everything `npm start` brings up: the local Neo4j when no NEO4J_URI is given, migrations, the API. */
export async function startRingwatch(config: RingwatchConfig, logger: JsonLogger): Promise<RunningRingwatch> {
  const database = await openRingwatchDatabase(config, logger);

  try {
    const { app } = await createApp(config, database, logger);
    const demoUsers = await app.get(AuthService).ensureDemoUsers();
    if (demoUsers.length > 0) {
      // Printed once, to the terminal only (not the JSON log): only their hashes are stored.
      process.stderr.write(
        `\nFirst start: demo users created. Their passwords are shown this once:\n${demoUsers.map((u) => `  ${u.username.padEnd(14)} ${u.password}   (${u.roles.join(', ')}${u.brands.length ? `; brands ${u.brands.join(', ')}` : ''})`).join('\n')}\n\n`,
      );
    }
    if (config.demoData) await loadDemoData(app, config, logger);
    try {
      await app.listen(config.api.port, config.api.host);
    } catch (error) {
      await app.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new StartupError(`port ${config.api.port} on ${config.api.host} is already in use (is Ringwatch already running? set API_PORT to use another)`);
      }
      throw error;
    }
    return {
      url: `http://${config.api.host}:${config.api.port}`,
      neo4jUri: database.uri,
      // Closing the application closes the database and stops the local server.
      stop: () => app.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Every turn of the local server's supervision, as one log line. */
function logSupervisorEvent(logger: JsonLogger, event: SupervisorEvent): void {
  const { type, ...fields } = event;
  if (type === 'exited') logger.event('error', 'neo4j-local', 'the local Neo4j stopped unasked; restarting it', fields);
  else if (type === 'restarting') logger.event('warn', 'neo4j-local', `restart attempt ${event.attempt} in ${event.delayMs} ms`, fields);
  else if (type === 'restarted') logger.event('info', 'neo4j-local', 'the local Neo4j is back', fields);
  else if (type === 'offline') logger.event('warn', 'neo4j-local', 'the local Neo4j is stopped for work on its store (a bulk first load)', fields);
  else if (type === 'online') logger.event('info', 'neo4j-local', 'the local Neo4j is back after work on its store', fields);
  else logger.event('error', 'neo4j-local', `restart attempt ${event.attempt} failed`, fields);
}

/**
 * On first start (no shops in the database) the generator's small preset is loaded and detection run
 * once, so a new user sees networks at once. DEMO_DATA=off skips it. Its raw files are deleted after
 * loading; .data/demo keeps truth.csv (shop ids and ring ids) and manifest.json.
 */
async function loadDemoData(app: NestExpressApplication, config: RingwatchConfig, logger: JsonLogger): Promise<void> {
  const imports = app.get(ImportsService);
  if (await imports.hasData()) return;
  const dir = ensurePrivateDir(path.join(config.rootDir, '.data', 'demo'));
  logger.event('info', 'demo', 'empty database: loading the demo marketplace (small preset, seed 7)', { dir });
  const manifest = await generateMarketplace({ preset: 'small', seed: 7, outDir: dir });
  const files = Object.entries(manifest.files)
    .filter(([kind]) => kind !== 'truth')
    .map(([, file]) => path.join(dir, file));
  let report: LoadReport;
  try {
    report = await imports.load(files, 'demo');
  } finally {
    // The generated files hold (synthetic) card and bank numbers and are in the graph now, or can be
    // generated again from the seed: only the truth and the manifest stay, for `npm run eval`.
    for (const file of files) fs.rmSync(file, { force: true });
  }
  logger.event('info', 'demo', 'demo data loaded', { rows: report.counts.accepted, importId: report.importId });
  const run = await app.get(DetectionService).run({}, 'demo');
  logger.event('info', 'demo', 'first detection run done', { clusters: run.counts.clusters, flagged: run.counts.flagged, runId: run.runId });
}
