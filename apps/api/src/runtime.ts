import path from 'node:path';
import type { RingwatchConfig } from '@ringwatch/config';
import { ensureLauncherBuilt, resolveLocalPassword, startLocalNeo4j, type LocalNeo4j } from '@ringwatch/neo4j';
import { generateMarketplace } from '@ringwatch/synth';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AuthService } from './auth/auth.service';
import { createApp } from './bootstrap';
import { DetectionService } from './detection/detection.service';
import { ImportsService } from './imports/imports.service';
import type { JsonLogger } from './common/json-logger';
import type { Neo4jConnection } from './database/database.module';

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

/** Everything `npm start` brings up: the local Neo4j when no NEO4J_URI is given, migrations, the API. */
export async function startRingwatch(config: RingwatchConfig, logger: JsonLogger): Promise<RunningRingwatch> {
  let local: LocalNeo4j | undefined;
  let connection: Neo4jConnection;
  if (config.neo4j.mode === 'external') {
    connection = config.neo4j;
  } else {
    const launcherDir = path.join(config.rootDir, 'tools', 'neo4j-local');
    ensureLauncherBuilt(launcherDir, (line) => logger.event('info', 'neo4j-local', line));
    const password = resolveLocalPassword(config.neo4j.dataDir, config.neo4j.password);
    logger.event('info', 'neo4j-local', 'starting the local Neo4j', { port: config.neo4j.port, dataDir: config.neo4j.dataDir });
    local = await startLocalNeo4j({
      launcherDir,
      dataDir: config.neo4j.dataDir,
      port: config.neo4j.port,
      password,
      heap: config.neo4j.heap,
      pageCache: config.neo4j.pageCache,
      onOutput: (line) => logger.event('debug', 'neo4j-local', line),
    });
    logger.event('info', 'neo4j-local', 'ready', { uri: local.uri, wallStartMillis: local.wallStartMillis });
    connection = { uri: local.uri, user: config.neo4j.user, password, database: config.neo4j.database };
  }

  try {
    const { app } = await createApp(config, connection, logger);
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
      neo4jUri: connection.uri,
      async stop() {
        await app.close();
        await local?.stop();
      },
    };
  } catch (error) {
    await local?.stop();
    throw error;
  }
}

/**
 * On first start (no shops in the database) the generator's small preset is loaded and detection run
 * once, so a new user sees networks at once. DEMO_DATA=off skips it.
 */
async function loadDemoData(app: NestExpressApplication, config: RingwatchConfig, logger: JsonLogger): Promise<void> {
  const imports = app.get(ImportsService);
  if (await imports.hasData()) return;
  const dir = path.join(config.rootDir, '.data', 'demo');
  logger.event('info', 'demo', 'empty database: loading the demo marketplace (small preset, seed 7)', { dir });
  const manifest = await generateMarketplace({ preset: 'small', seed: 7, outDir: dir });
  const files = Object.entries(manifest.files)
    .filter(([kind]) => kind !== 'truth')
    .map(([, file]) => path.join(dir, file));
  const report = await imports.load(files, 'demo');
  logger.event('info', 'demo', 'demo data loaded', { rows: report.counts.accepted, importId: report.importId });
  const run = await app.get(DetectionService).run({}, 'demo');
  logger.event('info', 'demo', 'first detection run done', { clusters: run.counts.clusters, flagged: run.counts.flagged, runId: run.runId });
}
