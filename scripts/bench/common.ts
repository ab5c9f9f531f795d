import fs from 'node:fs';
import path from 'node:path';
import { freePort, type Database } from '@ringwatch/neo4j';
import { generateMarketplace, type PresetName, type SynthManifest, type WorldName } from '@ringwatch/synth';
import { loadConfig, type RingwatchConfig } from '@ringwatch/config';
import { loadFiles } from '@ringwatch/ingest';
import { fingerprinter } from '@ringwatch/normalise';
import type { DetectionSummary } from '@ringwatch/detection';
import type { Role } from '@ringwatch/permissions';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuthService, DetectionService, ImportsRepository, openApiContext } from '../../apps/api/src/cli/context';
import { ROOT } from './measure';

// Measuring helpers live apart, so an engine benchmark does not load the API (and its heap) with them.
export { directorySize, mib, ROOT, rssSampler } from './measure';

/** Fixed secrets of the throw-away benchmark databases (never used outside them). */
export const BENCH_PII_KEY = 'bench-key-0123456789abcdef';
const BENCH_TOKEN_SECRET = 'bench-token-secret-0123456789abcdefghij';

/**
 * The configuration benchmarks run the API's services with: the bench secrets over `env` (the defaults
 * when empty), never a server of the caller's own (each benchmark starts a throw-away one).
 */
export function benchConfig(env: Record<string, string | undefined> = {}): RingwatchConfig {
  return loadConfig({ ...env, NEO4J_URI: undefined, NEO4J_PASSWORD: undefined, PII_HMAC_KEY: BENCH_PII_KEY, AUTH_TOKEN_SECRET: BENCH_TOKEN_SECRET }, ROOT);
}

/** The preset's files in a world, generated once per preset, world and seed into .data/bench (git-ignored) and reused. */
export async function benchDataset(preset: PresetName, seed: number, world: WorldName = 'classic'): Promise<{ dir: string; manifest: SynthManifest }> {
  // The classic world keeps its folder name, so files generated before there were worlds are reused.
  const dir = path.join(ROOT, '.data', 'bench', `synth-${preset}-${seed}${world === 'classic' ? '' : `-${world}`}`);
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    process.stderr.write(`generating the ${preset} preset${world === 'classic' ? '' : ` (${world} world)`} (seed ${seed}) into ${dir}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    await generateMarketplace({ preset, seed, outDir: dir, world });
  }
  return { dir, manifest: JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as SynthManifest };
}

export interface BenchDb extends Database {
  /** The API's services over this database (its configuration: benchConfig). */
  readonly app: INestApplicationContext;
  readonly dataDir: string;
}

/**
 * A fresh, empty local Neo4j with the schema migrations applied, in a throw-away folder, and the API's
 * services over it. close() stops the server and deletes the folder.
 */
export async function freshDatabase(
  name: string,
  options: { heap?: string; pageCache?: string; importDir?: string; config?: RingwatchConfig } = {},
): Promise<BenchDb> {
  // Per process, so two benchmarks running at once never share (or delete) one database.
  const dataDir = path.join(ROOT, '.data', 'bench', `db-${name}-${process.pid}`);
  const { app, database, close } = await openApiContext(options.config ?? benchConfig(), {
    target: {
      mode: 'throw-away',
      dataDir,
      heap: options.heap ?? '4g',
      pageCache: options.pageCache ?? '2g',
      importDir: options.importDir,
      startTimeoutMs: 600_000,
    },
  });
  return { ...database, app, dataDir, close };
}

/** The main thread's event-loop delay over a window, in ms (scripts/bench/loop-delay.ts). */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export interface BenchApi {
  url: string;
  stop(): void;
  /** Opens a window of event-loop delay measurement in the API's process. */
  resetLoopDelay(): void;
  /** The delay since the last reset. */
  loopDelay(): Promise<LoopDelay>;
}

/** The API in its own process (as in production), so a load generator in this one does not skew it. */
export async function startApiProcess(env: Record<string, string>): Promise<BenchApi> {
  const { spawn } = await import('node:child_process');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', path.join(ROOT, 'scripts', 'bench', 'loop-delay.ts'), path.join(ROOT, 'apps', 'api', 'src', 'main.ts')],
    {
      cwd: ROOT,
      // The API's JSON log lines are shown with BENCH_API_LOGS=1 (and LOG_LEVEL=debug for timings); the
      // IPC channel carries the event-loop delay measurements.
      stdio: ['ignore', process.env.BENCH_API_LOGS ? 'inherit' : 'ignore', 'inherit', 'ipc'],
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'error', DEMO_DATA: 'off', ...env, API_PORT: String(port) },
    },
  );
  child.channel?.unref();
  const api: BenchApi = {
    url,
    stop: () => child.kill('SIGTERM'),
    resetLoopDelay: () => child.send('loop-delay:reset'),
    loopDelay: () =>
      new Promise<LoopDelay>((resolve) => {
        const take = (message: unknown) => {
          if (typeof message !== 'object' || message === null || !('loopDelay' in message)) return;
          child.off('message', take);
          resolve((message as { loopDelay: LoopDelay }).loopDelay);
        };
        child.on('message', take);
        child.send('loop-delay:report');
      }),
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`bench: the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).status < 500) return api;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error('bench: the API did not come up in 150 s');
}

/** Loads files into a benchmark database and runs detection once with the default parameters, as the API would. */
export async function loadAndDetect(db: BenchDb, files: string[], rejectsPath = path.join(db.dataDir, 'rejects.ndjson')): Promise<DetectionSummary> {
  const repo = db.app.get(ImportsRepository);
  await loadFiles({ files, writer: repo, ledger: repo, fingerprinter: fingerprinter(BENCH_PII_KEY), rejectsPath });
  return db.app.get(DetectionService).run({}, 'bench');
}

/** The API in its own process against a benchmark database (more settings in `env`). */
export function startBenchApi(db: BenchDb, env: Record<string, string> = {}): Promise<BenchApi> {
  return startApiProcess({
    NEO4J_URI: db.connection.uri,
    NEO4J_USER: db.connection.user,
    NEO4J_PASSWORD: db.connection.password,
    PII_HMAC_KEY: BENCH_PII_KEY,
    AUTH_TOKEN_SECRET: BENCH_TOKEN_SECRET,
    ...env,
  });
}

/** A bearer token the benchmark API accepts, for one role: its user is made first (tokens are checked against their account). */
export async function benchToken(db: BenchDb, role: Role): Promise<string> {
  const auth = db.app.get(AuthService);
  const username = `bench.${role.replace('_', '.')}`;
  if ((await auth.listUsers(0, 200)).every((u) => u.username !== username)) {
    await auth.createUser({ username, password: randomBytes(18).toString('base64url'), roles: [role], brands: role === 'brand_owner' ? ['Aurelio'] : [] });
  }
  return auth.issueToken(username);
}
