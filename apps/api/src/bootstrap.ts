import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ensurePrivateDir, type RingwatchConfig } from '@ringwatch/config';
import type { Database, MigrationReport } from '@ringwatch/neo4j';
import { AppModule } from './app.module';
import { AuditRepository } from './audit/audit.repository';
import { ErrorsFilter } from './common/errors.filter';
import { JsonLogger } from './common/json-logger';
import { documentZodParameters } from './common/openapi';
import { DatabaseMonitor } from './database/database-monitor';
import { rateLimit } from './common/rate-limit.middleware';
import { ReadPressure } from './common/read-pressure';
import { requestContext } from './common/request-context.middleware';
import { securityHeaders } from './common/security-headers.middleware';
import { HealthService } from './health/health.service';
import { ImportsService } from './imports/imports.service';
import { ReportsService } from './reports/reports.service';
import { ShutdownsService } from './shutdowns/shutdowns.service';

export interface RingwatchApp {
  readonly app: NestExpressApplication;
  readonly migrations: MigrationReport;
}

/**
 * Builds the Nest application over a database opened (and migrated) by `openDatabase`, and mounts the
 * docs and the explorer. The application owns the database: closing it closes the database. Listening is
 * left to the caller, so tests can bind to a free port.
 */
export async function createApp(config: RingwatchConfig, database: Database, logger: JsonLogger): Promise<RingwatchApp> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, database), {
    logger,
    abortOnError: false,
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(requestContext(logger));
  app.use(rateLimit(config.rateLimit));
  app.use(app.get(ReadPressure).middleware());
  app.useBodyParser('json', { limit: '1mb' });
  const monitor = app.get(DatabaseMonitor);
  const audit = app.get(AuditRepository);
  app.useGlobalFilters(
    new ErrorsFilter(
      logger,
      (error) => monitor.translate(error),
      (entry) => audit.append(entry),
    ),
  );

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ringwatch API')
      .setDescription('Seller-network analytics: shop clusters, evidence, shutdowns')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  documentZodParameters(app, document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });

  if (fs.existsSync(path.join(config.explorer.distDir, 'index.html'))) {
    app.useStaticAssets(config.explorer.distDir, { index: 'index.html' });
  } else {
    logger.event('warn', 'explorer', `no built explorer in ${config.explorer.distDir}; run "npm run build" to serve it`);
  }

  await app.init();
  const { migrations } = database;
  logger.event('info', 'migrations', 'schema up to date', { applied: migrations.applied, alreadyApplied: migrations.alreadyApplied.length });
  // Work a previous process left half done (a crash, a restart) is finished once the schema is in place.
  const resumed = await app.get(ShutdownsService).resumeInterrupted();
  if (resumed.length > 0) logger.event('warn', 'shutdowns', 'resuming interrupted executions', { shutdowns: resumed });
  await app.get(ImportsService).watchStale();
  // Uploads, rejects, generated keys and reports hold personal data or secrets: owner only. A reports
  // folder that cannot be made does not stop the API: the report run that needs it fails, recorded.
  ensurePrivateDir(path.join(config.rootDir, '.data'));
  try {
    ensurePrivateDir(config.report.dir);
  } catch (error) {
    logger.event('warn', 'reports', 'the reports folder cannot be made owner-only; report runs will fail until it can', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
  app.get(ImportsService).watchUploads();
  // When the database comes back after an outage, the same recovery as after a restart of this process.
  monitor.onRecovered('resuming interrupted shutdown executions', async () => {
    const again = await app.get(ShutdownsService).resumeInterrupted();
    if (again.length > 0) logger.event('warn', 'shutdowns', 'resuming executions the outage interrupted', { shutdowns: again });
  });
  monitor.onRecovered('recording imports the outage failed', async () => {
    const failed = await app.get(ImportsService).recordInterrupted();
    if (failed.length > 0) logger.event('warn', 'imports', 'imports the outage interrupted marked failed', { imports: failed });
  });
  await app.get(HealthService).warm();
  monitor.start();
  app.get(ReportsService).startSchedule();
  return { app, migrations };
}
