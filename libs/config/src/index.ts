import path from 'node:path';
import type { DetectionParams } from '@ringwatch/detection';
import { DEFAULTS, type GoodFaithOptions } from '@ringwatch/good-faith';
import { z } from 'zod';

export { ensurePrivateDir, resolveGeneratedSecret, resolveSigningKey } from './secrets';

/**
 * Ringwatch configuration: read once from the environment at start-up, validated, and handed around
 * as one typed object. Nothing else in the code base reads `process.env`.
 */

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`config: invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const MEMORY_SIZE = /^\d+[kmg]$/i;
const port = z.coerce.number().int().min(1).max(65535);
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  READ_CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  AUTH_STATE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  NEO4J_URI: optionalText.pipe(
    z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must be a neo4j:// or bolt:// URI')
      .optional(),
  ),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: optionalText,
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'must be a Neo4j database name')
    .default('neo4j'),
  NEO4J_LOCAL_PORT: port.default(7687),
  NEO4J_LOCAL_DATA_DIR: z.string().min(1).default('.data/neo4j'),
  NEO4J_LOCAL_HEAP: z.string().regex(MEMORY_SIZE, 'must look like 512m or 2g').default('2g'),
  NEO4J_LOCAL_PAGECACHE: z.string().regex(MEMORY_SIZE, 'must look like 512m or 2g').default('1g'),
  NEO4J_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(3_000),
  NEO4J_ACQUISITION_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(5_000),
  NEO4J_MAX_RETRY_TIME_MS: z.coerce.number().int().min(0).max(300_000).default(5_000),
  NEO4J_PROBE_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
  NEO4J_PROBE_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(800),
  NEO4J_LOCAL_START_TIMEOUT_MS: z.coerce.number().int().min(5_000).max(1_800_000).default(120_000),
  NEO4J_LOCAL_RESTART: z.enum(['on', 'off']).default('on'),
  NEO4J_LOCAL_RESTART_BACKOFF_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
  NEO4J_LOCAL_RESTART_BACKOFF_MAX_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  EXPLORER_DIST_DIR: z.string().min(1).default('apps/explorer/dist'),
  PII_HMAC_KEY: optionalText.pipe(z.string().min(16, 'must have at least 16 characters').optional()),
  PII_HMAC_KEY_FILE: z.string().min(1).default('.data/pii-hmac-key'),
  DOSSIER_SIGNING_KEY_FILE: z.string().min(1).default('.data/dossier-signing-key.pem'),
  INGEST_BATCH_SIZE: z.coerce.number().int().min(100).max(100_000).default(5_000),
  INGEST_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 ** 40)
    .default(2 * 2 ** 30),
  INGEST_MAX_LINE_CHARS: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(256 * 2 ** 20)
    .default(2 ** 20),
  INGEST_MAX_DECOMPRESSED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 ** 42)
    .default(64 * 2 ** 30),
  INGEST_MAX_GZIP_RATIO: z.coerce.number().min(10).max(1100).default(200),
  INGEST_MAX_REJECTS_PER_FILE: z.coerce.number().int().min(1).max(100_000_000).default(100_000),
  INGEST_YIELD_TO_READS_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  INGEST_FAILED_UPLOAD_RETENTION_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 365)
    .default(72),
  DEMO_DATA: z.enum(['on', 'off']).default('on'),
  AUTH_TOKEN_SECRET: optionalText.pipe(z.string().min(32, 'must have at least 32 characters').optional()),
  AUTH_TOKEN_SECRET_FILE: z.string().min(1).default('.data/auth-token-secret'),
  AUTH_TOKEN_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(480),
  DETECTION_ENGINE: z.enum(['graphology', 'ringwatch', 'leiden']).default('ringwatch'),
  DETECTION_QUALITY: z.enum(['modularity', 'cpm']).default('modularity'),
  DETECTION_RESOLUTION: z.coerce.number().positive().max(100).default(0.2),
  DETECTION_SEED: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(42),
  DETECTION_THREADS: z.enum(['1', '2']).default('1'),
  DETECTION_HUB_THRESHOLD: z.coerce.number().int().min(2).max(100_000).default(50),
  DETECTION_MIN_SHARED: z.coerce.number().int().min(1).max(10).default(2),
  DETECTION_FLAG_THRESHOLD: z.coerce.number().min(0).max(100).default(30),
  DETECTION_RETENTION: z.coerce.number().int().min(1).max(1000).default(10),
  CASE_REOPEN_RISK_RISE: z.coerce.number().min(0).max(100).default(10),
  REPORT_SCHEDULE: z.enum(['on', 'off']).default('on'),
  REPORT_CRON: z
    .string()
    .trim()
    .regex(/^(\S+\s+){4,5}\S+$/, 'must be a cron expression of 5 fields (or 6, with seconds first)')
    .default('30 2 * * *'),
  REPORTS_DIR: z.string().min(1).default('reports'),
  REPORT_RETRY_DELAY_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  REPORT_LOCK_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  SHUTDOWN_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(100),
  SHUTDOWN_BATCH_PAUSE_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  GOOD_FAITH_MIN_ACCURACY: z.coerce.number().min(0).max(1).default(DEFAULTS.minAccuracy),
  GOOD_FAITH_MIN_DECIDED: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULTS.minDecided),
  GOOD_FAITH_MAX_APPEAL_RATE: z.coerce.number().min(0).max(1).default(DEFAULTS.maxAppealRate),
  GOOD_FAITH_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(DEFAULTS.sampleRate),
  GOOD_FAITH_SAMPLE_SEED: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(DEFAULTS.sampleSeed),
  GOOD_FAITH_REVIEW_TARGET_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(DEFAULTS.reviewTargetHours),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000_000).default(1200),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000).default(10),
  LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000).default(10),
  LOGIN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(0).max(1000).default(5),
  LOGIN_LOCKOUT_BASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  LOGIN_LOCKOUT_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
});

export type LogLevel = z.infer<typeof envSchema>['LOG_LEVEL'];

export interface ExternalNeo4jConfig {
  readonly mode: 'external';
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

export interface LocalNeo4jConfig {
  readonly mode: 'local';
  readonly port: number;
  readonly dataDir: string;
  readonly heap: string;
  readonly pageCache: string;
  /** How long a start (or restart) may take before it counts as failed; the launcher's default when absent. */
  readonly startTimeoutMs?: number;
  readonly user: 'neo4j';
  /** From NEO4J_PASSWORD; when absent a password is generated on first start and kept in the data dir. */
  readonly password: string | undefined;
  readonly database: string;
}

export type Neo4jConfig = ExternalNeo4jConfig | LocalNeo4jConfig;

export interface RingwatchConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly rootDir: string;
  readonly log: { readonly level: LogLevel };
  readonly api: {
    readonly host: string;
    readonly port: number;
    /** How long a read (cluster list, detail, graph, search) may be served from memory; 0 switches it off. */
    readonly readCacheTtlMs: number;
    /**
     * How long an account's token state (exists, active, token version) read for one request may answer
     * the next ones; this process's own account changes clear it at once. 0: read on every request.
     */
    readonly authStateTtlMs: number;
  };
  readonly neo4j: Neo4jConfig;
  /** The driver's patience with a server (libs/neo4j DriverTuning): short, so a lost server fails requests fast. */
  readonly neo4jDriver: { readonly connectionTimeoutMs: number; readonly acquisitionTimeoutMs: number; readonly maxRetryTimeMs: number };
  readonly supervision: {
    /** How often the API asks the database whether it is there, and how long it waits for the answer. */
    readonly probeIntervalMs: number;
    readonly probeTimeoutMs: number;
    /** Restart the local server this process started when it dies (never a NEO4J_URI server). */
    readonly restartLocal: boolean;
    /** First restart delay, doubled per consecutive failure up to the maximum. */
    readonly restartBackoffMs: number;
    readonly restartBackoffMaxMs: number;
  };
  readonly explorer: { readonly distDir: string };
  /**
   * Key of the HMAC that fingerprints payout accounts and identity documents. With the local Neo4j it
   * may be left unset: one is generated into keyFile on first use.
   */
  readonly pii: { readonly hmacKey: string | undefined; readonly keyFile: string };
  /** The installation's Ed25519 key that signs dossier manifests (PKCS#8 PEM), generated into signingKeyFile on first start. */
  readonly dossier: { readonly signingKeyFile: string };
  readonly ingest: {
    readonly batchSize: number;
    readonly uploadMaxBytes: number;
    /** What one file may cost to read (libs/contract ReadLimits), and the rejects after which it stops. */
    readonly limits: { readonly maxLineChars: number; readonly maxDecompressedBytes: number; readonly maxGzipRatio: number };
    readonly maxRejectsPerFile: number;
    /**
     * An import in the API waits up to this long before each batch while requests are being answered,
     * so people reading are served before bulk writes; 0 switches it off.
     */
    readonly yieldToReadsMs: number;
    /**
     * How long the raw file of a failed upload is kept for a second look (it holds card and bank
     * numbers); 0 deletes it when the load fails. A successful load deletes its upload at once.
     */
    readonly failedUploadRetentionHours: number;
  };
  /** Signing key of sign-in tokens; with the local Neo4j it may be unset and is generated into secretFile. */
  readonly auth: { readonly tokenSecret: string | undefined; readonly secretFile: string; readonly tokenTtlMinutes: number };
  /** Load the generator's small preset on first start, when the database holds no shops. */
  readonly demoData: boolean;
  /** A run's parameters (their meaning in libs/detection params.ts), and the runs kept. */
  readonly detection: DetectionParams & {
    /** Completed detection runs kept; older ones are pruned with their clusters. */
    readonly retention: number;
  };
  readonly cases: {
    /** A dismissed network whose risk rises by at least this much (or that grows) goes back to triage. */
    readonly reopenRiskRise: number;
  };
  readonly report: {
    /** Whether the nightly report is scheduled in this process (a manual run works either way). */
    readonly scheduled: boolean;
    /** When it runs, in UTC. */
    readonly cron: string;
    readonly dir: string;
    /** A failed run is retried once, after this long. */
    readonly retryDelaySeconds: number;
    /** The lease that keeps two runs apart; renewed while a run lasts, so a crashed run frees it in this time. */
    readonly lockTtlSeconds: number;
  };
  /** The brand reporters' fast lane (libs/good-faith): who is trusted, how much is sampled, the review target. */
  readonly goodFaith: GoodFaithOptions;
  readonly shutdown: {
    /** Shops suspended per transaction. */
    readonly batchSize: number;
    /** Pause between batches, to spread the write load on a busy production database. */
    readonly batchPauseMs: number;
  };
  readonly rateLimit: {
    /** Requests per minute per client address; 0 switches limiting off. */
    readonly perMinute: number;
    /** Sign-in attempts per minute per client address; 0 switches it off. */
    readonly loginPerMinute: number;
    /** Sign-in attempts per minute per account (the username, trimmed and lower-cased), from any address; 0 switches it off. */
    readonly loginPerAccountPerMinute: number;
    /** Consecutive failed sign-ins that lock an account (unknown names too); 0 switches lockout off. */
    readonly lockoutThreshold: number;
    /** The first lock; each further failure doubles it, up to lockoutMaxSeconds. */
    readonly lockoutBaseSeconds: number;
    /** The longest lock, and how long failures are remembered after the last one. */
    readonly lockoutMaxSeconds: number;
  };
}

/** Every variable this module reads, for `.env.example` checks and error messages. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/**
 * Validates the environment and builds the typed configuration. Reports every bad variable at once,
 * so a user fixes their environment in one go rather than one error per start.
 */
export function loadConfig(env: Record<string, string | undefined>, rootDir: string = process.cwd()): RingwatchConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NEO4J_URI !== undefined && e.NEO4J_PASSWORD === undefined) {
    problems.push('NEO4J_PASSWORD: required when NEO4J_URI is set (a server of your own has no default password)');
  }
  if (e.NEO4J_URI === undefined && e.NEO4J_PASSWORD !== undefined && e.NEO4J_PASSWORD.length < 8) {
    problems.push('NEO4J_PASSWORD: the local Neo4j needs at least 8 characters');
  }
  if (e.NEO4J_URI !== undefined && e.PII_HMAC_KEY === undefined) {
    problems.push('PII_HMAC_KEY: required when NEO4J_URI is set (fingerprints of account numbers must use a key you keep)');
  }
  if (e.NEO4J_URI !== undefined && e.AUTH_TOKEN_SECRET === undefined) {
    problems.push('AUTH_TOKEN_SECRET: required when NEO4J_URI is set (the key that signs sign-in tokens)');
  }
  if (e.NEO4J_PROBE_TIMEOUT_MS >= e.NEO4J_PROBE_INTERVAL_MS) {
    problems.push('NEO4J_PROBE_TIMEOUT_MS: must be below NEO4J_PROBE_INTERVAL_MS (one probe at a time)');
  }
  if (e.NEO4J_LOCAL_RESTART_BACKOFF_MAX_MS < e.NEO4J_LOCAL_RESTART_BACKOFF_MS) {
    problems.push('NEO4J_LOCAL_RESTART_BACKOFF_MAX_MS: must be at least NEO4J_LOCAL_RESTART_BACKOFF_MS');
  }
  if (e.LOGIN_LOCKOUT_MAX_SECONDS < e.LOGIN_LOCKOUT_BASE_SECONDS) {
    problems.push('LOGIN_LOCKOUT_MAX_SECONDS: must be at least LOGIN_LOCKOUT_BASE_SECONDS');
  }
  if (e.NEO4J_URI === undefined && e.NEO4J_DATABASE !== 'neo4j') {
    problems.push('NEO4J_DATABASE: the local Neo4j Community server has one database, "neo4j"');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const resolve = (p: string) => (path.isAbsolute(p) ? p : path.resolve(rootDir, p));
  const neo4j: Neo4jConfig =
    e.NEO4J_URI !== undefined
      ? {
          mode: 'external',
          uri: e.NEO4J_URI,
          user: e.NEO4J_USER,
          password: e.NEO4J_PASSWORD as string,
          database: e.NEO4J_DATABASE,
        }
      : {
          mode: 'local',
          port: e.NEO4J_LOCAL_PORT,
          dataDir: resolve(e.NEO4J_LOCAL_DATA_DIR),
          heap: e.NEO4J_LOCAL_HEAP.toLowerCase(),
          pageCache: e.NEO4J_LOCAL_PAGECACHE.toLowerCase(),
          startTimeoutMs: e.NEO4J_LOCAL_START_TIMEOUT_MS,
          user: 'neo4j',
          password: e.NEO4J_PASSWORD,
          database: e.NEO4J_DATABASE,
        };

  return {
    env: e.NODE_ENV,
    rootDir,
    log: { level: e.LOG_LEVEL },
    api: { host: e.API_HOST, port: e.API_PORT, readCacheTtlMs: e.READ_CACHE_TTL_MS, authStateTtlMs: e.AUTH_STATE_TTL_MS },
    neo4j,
    neo4jDriver: {
      connectionTimeoutMs: e.NEO4J_CONNECTION_TIMEOUT_MS,
      acquisitionTimeoutMs: e.NEO4J_ACQUISITION_TIMEOUT_MS,
      maxRetryTimeMs: e.NEO4J_MAX_RETRY_TIME_MS,
    },
    supervision: {
      probeIntervalMs: e.NEO4J_PROBE_INTERVAL_MS,
      probeTimeoutMs: e.NEO4J_PROBE_TIMEOUT_MS,
      restartLocal: e.NEO4J_LOCAL_RESTART === 'on',
      restartBackoffMs: e.NEO4J_LOCAL_RESTART_BACKOFF_MS,
      restartBackoffMaxMs: e.NEO4J_LOCAL_RESTART_BACKOFF_MAX_MS,
    },
    explorer: { distDir: resolve(e.EXPLORER_DIST_DIR) },
    pii: { hmacKey: e.PII_HMAC_KEY, keyFile: resolve(e.PII_HMAC_KEY_FILE) },
    dossier: { signingKeyFile: resolve(e.DOSSIER_SIGNING_KEY_FILE) },
    ingest: {
      batchSize: e.INGEST_BATCH_SIZE,
      uploadMaxBytes: e.INGEST_UPLOAD_MAX_BYTES,
      limits: { maxLineChars: e.INGEST_MAX_LINE_CHARS, maxDecompressedBytes: e.INGEST_MAX_DECOMPRESSED_BYTES, maxGzipRatio: e.INGEST_MAX_GZIP_RATIO },
      maxRejectsPerFile: e.INGEST_MAX_REJECTS_PER_FILE,
      yieldToReadsMs: e.INGEST_YIELD_TO_READS_MS,
      failedUploadRetentionHours: e.INGEST_FAILED_UPLOAD_RETENTION_HOURS,
    },
    auth: { tokenSecret: e.AUTH_TOKEN_SECRET, secretFile: resolve(e.AUTH_TOKEN_SECRET_FILE), tokenTtlMinutes: e.AUTH_TOKEN_TTL_MINUTES },
    demoData: e.DEMO_DATA === 'on',
    detection: {
      engine: e.DETECTION_ENGINE,
      resolution: e.DETECTION_RESOLUTION,
      quality: e.DETECTION_QUALITY,
      seed: e.DETECTION_SEED,
      threads: e.DETECTION_THREADS === '2' ? 2 : 1,
      hubThreshold: e.DETECTION_HUB_THRESHOLD,
      minShared: e.DETECTION_MIN_SHARED,
      flagThreshold: e.DETECTION_FLAG_THRESHOLD,
      retention: e.DETECTION_RETENTION,
    },
    cases: { reopenRiskRise: e.CASE_REOPEN_RISK_RISE },
    report: {
      scheduled: e.REPORT_SCHEDULE === 'on',
      cron: e.REPORT_CRON,
      dir: resolve(e.REPORTS_DIR),
      retryDelaySeconds: e.REPORT_RETRY_DELAY_SECONDS,
      lockTtlSeconds: e.REPORT_LOCK_TTL_SECONDS,
    },
    shutdown: { batchSize: e.SHUTDOWN_BATCH_SIZE, batchPauseMs: e.SHUTDOWN_BATCH_PAUSE_MS },
    goodFaith: {
      minAccuracy: e.GOOD_FAITH_MIN_ACCURACY,
      minDecided: e.GOOD_FAITH_MIN_DECIDED,
      maxAppealRate: e.GOOD_FAITH_MAX_APPEAL_RATE,
      sampleRate: e.GOOD_FAITH_SAMPLE_RATE,
      sampleSeed: e.GOOD_FAITH_SAMPLE_SEED,
      reviewTargetHours: e.GOOD_FAITH_REVIEW_TARGET_HOURS,
    },
    rateLimit: {
      perMinute: e.RATE_LIMIT_PER_MINUTE,
      loginPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
      loginPerAccountPerMinute: e.LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE,
      lockoutThreshold: e.LOGIN_LOCKOUT_THRESHOLD,
      lockoutBaseSeconds: e.LOGIN_LOCKOUT_BASE_SECONDS,
      lockoutMaxSeconds: e.LOGIN_LOCKOUT_MAX_SECONDS,
    },
  };
}
