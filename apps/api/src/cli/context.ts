import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { RingwatchConfig } from '@ringwatch/config';
import { openDatabase, type Database, type DatabaseTarget } from '@ringwatch/neo4j';
import { AppModule } from '../app.module';
import { JsonLogger } from '../common/json-logger';

/**
 * The API's services for command-line tools and benchmarks: the application's own modules in a Nest
 * application context, so a tool gets `app.get(DetectionService)` wired exactly as the server wires it.
 * No HTTP listener, and no nightly report: its job is only added by createApp. Scripts import the API
 * through this file alone (tools/boundaries), hence the re-exports at the end.
 */

export interface ApiContext {
  readonly app: INestApplicationContext;
  readonly database: Database;
  /** Closes the application, and with it the database (stopping a local server started for it). */
  close(): Promise<void>;
}

export interface ApiContextOptions {
  /** The configured database (config.neo4j) unless given; a local server already running is used. */
  readonly target?: DatabaseTarget;
  /** Progress of the bring-up (starting a local server), on stderr unless given. */
  readonly log?: (message: string) => void;
}

export async function openApiContext(config: RingwatchConfig, options: ApiContextOptions = {}): Promise<ApiContext> {
  const database = await openDatabase(options.target ?? config.neo4j, {
    rootDir: config.rootDir,
    reuseRunning: true,
    driver: config.neo4jDriver,
    log: options.log ?? ((message) => process.stderr.write(`${message}\n`)),
  });
  try {
    const app = await NestFactory.createApplicationContext(AppModule.register(config, database), {
      // A tool's stdout is its output: warnings and errors go to stderr, the start-up chatter nowhere.
      logger: new JsonLogger(config.log.level === 'error' ? 'error' : 'warn', (line) => process.stderr.write(`${line}\n`)),
      abortOnError: false,
    });
    return { app, database, close: () => app.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export { AuthService } from '../auth/auth.service';
export { TokenSigner } from '../auth/tokens';
export { DetectionService } from '../detection/detection.service';
export { ImportsRepository } from '../imports/imports.repository';
export { ImportsService } from '../imports/imports.service';
export { bulkFirstLoad, type BulkLoadResult } from './bulk';
export { ReportsService } from '../reports/reports.service';
export { ClustersService } from '../clusters/clusters.service';
export { DossiersService } from '../dossiers/dossiers.service';
export { buildDossier, type DossierInput } from '../dossiers/dossier';
export { dossierPdf } from '../dossiers/render-pdf';
export { dossierHtml } from '../dossiers/render-html';
export { evidenceGraphml } from '../dossiers/graphml';
export { sha256, signingKey } from '../dossiers/proof';
// The unit tests' dossier, for scripts/profile/dossier-stages.ts (a dossier's stages timed without Neo4j).
export { fakeInput as dossierFixture } from '../dossiers/dossier.fixture';
