import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CypherRegistry, ensureLauncherBuilt, MigrationRunner, openDriver, readMigrations, startLocalNeo4j, type LocalNeo4j } from '@ringwatch/neo4j';
import { generateMarketplace, type PresetName, type SynthManifest } from '@ringwatch/synth';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '@ringwatch/config';
import { loadFiles } from '@ringwatch/ingest';
import { fingerprinter } from '@ringwatch/normalise';
import type { Role } from '@ringwatch/permissions';
import { TokenSigner } from '../../apps/api/src/auth/tokens';
import { DetectionRepository } from '../../apps/api/src/detection/detection.repository';
import { DetectionService, type DetectionSummary } from '../../apps/api/src/detection/detection.service';
import { ImportsRepository } from '../../apps/api/src/imports/imports.repository';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** Fixed secrets of the throw-away benchmark databases (never used outside them). */
export const BENCH_PII_KEY = 'bench-key-0123456789abcdef';
const BENCH_TOKEN_SECRET = 'bench-token-secret-0123456789abcdefghij';
const BENCH_DB_PASSWORD = 'bench-password-1';

/** The preset's files, generated once per preset and seed into .data/bench (git-ignored) and reused. */
export async function benchDataset(preset: PresetName, seed: number): Promise<{ dir: string; manifest: SynthManifest }> {
  const dir = path.join(ROOT, '.data', 'bench', `synth-${preset}-${seed}`);
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    process.stderr.write(`generating the ${preset} preset (seed ${seed}) into ${dir}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    await generateMarketplace({ preset, seed, outDir: dir });
  }
  return { dir, manifest: JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as SynthManifest };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface BenchDb {
  readonly driver: Driver;
  readonly registry: CypherRegistry;
  readonly dataDir: string;
  readonly server: LocalNeo4j;
  close(): Promise<void>;
}

/** A fresh, empty local Neo4j with the schema migrations applied, in a throw-away folder. */
export async function freshDatabase(name: string, options: { heap?: string; pageCache?: string; importDir?: string } = {}): Promise<BenchDb> {
  const launcherDir = path.join(ROOT, 'tools', 'neo4j-local');
  ensureLauncherBuilt(launcherDir);
  // Per process, so two benchmarks running at once never share (or delete) one database.
  const dataDir = path.join(ROOT, '.data', 'bench', `db-${name}-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const password = BENCH_DB_PASSWORD;
  const server = await startLocalNeo4j({
    launcherDir,
    dataDir,
    port: await freePort(),
    password,
    heap: options.heap ?? '4g',
    pageCache: options.pageCache ?? '2g',
    importDir: options.importDir,
  });
  const driver = await openDriver({ uri: server.uri, user: 'neo4j', password });
  const registry = CypherRegistry.load(path.join(ROOT, 'cypher'));
  await new MigrationRunner(driver, 'neo4j', registry).apply(readMigrations(path.join(ROOT, 'cypher', 'migrations')));
  return {
    driver,
    registry,
    dataDir,
    server,
    async close() {
      await driver.close();
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function directorySize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/**
 * Samples this process's RSS; `peak()` is the highest seen. The sampling runs on a worker thread: a
 * timer on the main thread would never fire while synchronous work (Louvain, projection) holds it.
 */
export function rssSampler(intervalMs = 100): { peak(): number; stop(): void } {
  const seen = new Float64Array(new SharedArrayBuffer(8));
  seen[0] = process.memoryUsage.rss();
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const { seen, intervalMs } = workerData;
     setInterval(() => { seen[0] = Math.max(seen[0], process.memoryUsage.rss()); }, intervalMs);`,
    { eval: true, workerData: { seen, intervalMs } },
  );
  worker.unref();
  return {
    peak: () => Math.max(seen[0]!, process.memoryUsage.rss()),
    stop: () => void worker.terminate(),
  };
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** The API in its own process (as in production), so a load generator in this one does not skew it. */
export async function startApiProcess(env: Record<string, string>): Promise<{ url: string; stop(): void }> {
  const { spawn } = await import('node:child_process');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'apps', 'api', 'src', 'main.ts')], {
    cwd: ROOT,
    // The API's JSON log lines are shown with BENCH_API_LOGS=1 (and LOG_LEVEL=debug for timings).
    stdio: ['ignore', process.env.BENCH_API_LOGS ? 'inherit' : 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'error', DEMO_DATA: 'off', ...env, API_PORT: String(port) },
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`bench: the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).status < 500) return { url, stop: () => child.kill('SIGTERM') };
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
  const repo = new ImportsRepository(db.driver, 'neo4j', db.registry);
  await loadFiles({ files, writer: repo, ledger: repo, fingerprinter: fingerprinter(BENCH_PII_KEY), rejectsPath });
  const config = loadConfig(
    { NEO4J_URI: db.server.uri, NEO4J_PASSWORD: BENCH_DB_PASSWORD, PII_HMAC_KEY: BENCH_PII_KEY, AUTH_TOKEN_SECRET: BENCH_TOKEN_SECRET },
    ROOT,
  );
  return new DetectionService(new DetectionRepository(db.driver, 'neo4j', db.registry), config).run({}, 'bench');
}

/** The API in its own process against a benchmark database (more settings in `env`). */
export function startBenchApi(db: BenchDb, env: Record<string, string> = {}): Promise<{ url: string; stop(): void }> {
  return startApiProcess({
    NEO4J_URI: db.server.uri,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: BENCH_DB_PASSWORD,
    PII_HMAC_KEY: BENCH_PII_KEY,
    AUTH_TOKEN_SECRET: BENCH_TOKEN_SECRET,
    ...env,
  });
}

/** A bearer token the benchmark API accepts, for one role. */
export function benchToken(role: Role): string {
  return new TokenSigner(BENCH_TOKEN_SECRET, 3600).sign({ sub: `bench.${role}`, roles: [role], brands: [] }).token;
}
