import os from 'node:os';
import path from 'node:path';
import { loadConfig, type LocalNeo4jConfig, type RingwatchConfig } from '@ringwatch/config';
import { openDatabase, type CypherRegistry, type Database } from '@ringwatch/neo4j';
import type { Driver } from 'neo4j-driver';
import { CasesRepository } from '../../apps/api/src/cases/cases.repository';
import { CasesService } from '../../apps/api/src/cases/cases.service';
import { Redaction } from '../../apps/api/src/common/redaction';
import { DetectionRepository } from '../../apps/api/src/detection/detection.repository';
import { DetectionService } from '../../apps/api/src/detection/detection.service';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import type { Role } from '@ringwatch/permissions';
import { randomBytes } from 'node:crypto';
import { ConflictException } from '@nestjs/common';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { createApp, type RingwatchApp } from '../../apps/api/src/bootstrap';
import { JsonLogger } from '../../apps/api/src/common/json-logger';
import { openRingwatchDatabase } from '../../apps/api/src/runtime';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** The environment of the API or a command-line tool against the test run's Neo4j (with test-only secrets). */
export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  const neo4j = inject('neo4j');
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
    PII_HMAC_KEY: 'test-pii-key-0123456789',
    AUTH_TOKEN_SECRET: 'test-token-secret-0123456789abcdefghij',
    // Scheduled only where a test asks for it; reports go to a throw-away folder.
    REPORT_SCHEDULE: 'off',
    REPORTS_DIR: path.join(os.tmpdir(), `ringwatch-test-reports-${process.pid}`),
    ...extra,
  };
}

export function testConfig(extra: Record<string, string> = {}): RingwatchConfig {
  return loadConfig(testEnv(extra), ROOT);
}

export interface TestServer extends RingwatchApp {
  readonly baseUrl: string;
  /** The database the application owns (its driver; its local server, when the test gave it one). */
  readonly database: Database;
  close(): Promise<void>;
}

/**
 * The real application on a free loopback port, against the test run's Neo4j; or, given `neo4j` (a local
 * server of the test's own), against that server started and supervised as `npm start` does it.
 */
export async function startTestServer(extra: Record<string, string> = {}, options: { neo4j?: LocalNeo4jConfig } = {}): Promise<TestServer> {
  const config = options.neo4j ? { ...testConfig(extra), neo4j: options.neo4j } : testConfig(extra);
  const database = options.neo4j
    ? await openRingwatchDatabase(config, new JsonLogger('error'))
    : await openDatabase(config.neo4j, { rootDir: ROOT, driver: config.neo4jDriver });
  const ringwatch = await createApp(config, database, new JsonLogger('error')).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  await ringwatch.app.listen(0, '127.0.0.1');
  const { port } = ringwatch.app.getHttpServer().address() as AddressInfo;
  return { ...ringwatch, database, baseUrl: `http://127.0.0.1:${port}`, close: () => ringwatch.app.close() };
}

/**
 * A bearer token for a user with these roles and brands, made (or brought to these roles) first: the API
 * honours a token only while its account exists and keeps the token's version, so signing claims alone
 * no longer works.
 */
export async function tokenFor(server: RingwatchApp, user: { sub: string; roles: Role[]; brands: string[] }): Promise<string> {
  const auth = server.app.get(AuthService);
  try {
    // A fixture, like the demo accounts: a brand owner's brand need not be in the data the file loads (if any).
    await auth.createUser(
      { username: user.sub, password: randomBytes(18).toString('base64url'), roles: user.roles, brands: user.brands },
      { name: 'test' },
      { brandsMustExist: false },
    );
  } catch (error) {
    if (!(error instanceof ConflictException)) throw error;
    await auth.updateUser(user.sub, { roles: user.roles, brands: user.brands, active: true }, { name: 'test' });
  }
  return auth.issueToken(user.sub);
}

/** The detection service over a driver, outside Nest (detection tests build it by hand), with the case sync it runs after each run. */
export function detectionService(driver: Driver, database: string, registry: CypherRegistry, config: RingwatchConfig): DetectionService {
  return new DetectionService(
    new DetectionRepository(driver, database, registry),
    config,
    new CasesService(new CasesRepository(driver, database, registry), config, new Redaction(config)),
  );
}
