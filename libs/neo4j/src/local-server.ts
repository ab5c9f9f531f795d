import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, resolveGeneratedSecret } from '@ringwatch/config';
import type { ProcessExit } from './supervisor';

/**
 * The embedded-default Neo4j: a Community server (with GDS on its classpath) run by the small Java
 * launcher in tools/neo4j-local. Used by `npm start` and by the test suite's global setup.
 */

export class LocalNeo4jError extends Error {
  constructor(
    readonly code: 'java-missing' | 'java-too-old' | 'build-failed' | 'port-in-use' | 'start-failed' | 'timeout',
    message: string,
  ) {
    super(`neo4j-local: ${message}`);
    this.name = 'LocalNeo4jError';
  }
}

export interface LocalNeo4jOptions {
  /** tools/neo4j-local: holds pom.xml; its build lands in target/. */
  readonly launcherDir: string;
  readonly dataDir: string;
  readonly port: number;
  readonly password: string;
  readonly heap: string;
  readonly pageCache: string;
  readonly startTimeoutMs?: number;
  /** Lets LOAD CSV read files below this folder (benchmarks only); unset, LOAD CSV of files is off. */
  readonly importDir?: string;
  /** Receives the launcher's own output lines (for logs); optional. */
  readonly onOutput?: (line: string) => void;
}

export interface LocalNeo4j {
  readonly uri: string;
  readonly pid: number;
  /** Time the Java side took from its start to Bolt readiness, as it reported it. */
  readonly serverStartMillis: number;
  /** Wall time from spawn to readiness, JVM start included. */
  readonly wallStartMillis: number;
  /** Settles when the Java process ends, asked to or not (a crash, kill -9): the supervisor waits on it. */
  readonly exited: Promise<ProcessExit>;
  stop(): Promise<void>;
}

const READY = 'RINGWATCH_NEO4J_READY ';
const FAILURE = 'RINGWATCH_NEO4J_ERROR ';

export function launcherClasspath(launcherDir: string): string {
  const target = path.join(launcherDir, 'target');
  return [path.join(target, 'classes'), path.join(target, 'lib', '*')].join(path.delimiter);
}

export function isLauncherBuilt(launcherDir: string): boolean {
  const target = path.join(launcherDir, 'target');
  return (
    fs.existsSync(path.join(target, 'classes', 'dev', 'ringwatch', 'neo4jlocal', 'Main.class')) &&
    fs.existsSync(path.join(target, 'lib')) &&
    fs.readdirSync(path.join(target, 'lib')).some((f) => f.startsWith('neo4j-kernel-'))
  );
}

/** Fails with a clear message when no suitable Java is on the PATH. */
export function checkJava(): number {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new LocalNeo4jError(
      'java-missing',
      'Java 17 or newer is needed for the local Neo4j and was not found on the PATH. ' +
        'Install a JDK 17+ (e.g. `apt-get install openjdk-17-jdk-headless`) or point NEO4J_URI at a Neo4j of your own.',
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${probe.stderr}${probe.stdout}`);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : NaN;
  if (!(major >= 17)) {
    throw new LocalNeo4jError('java-too-old', `Java 17 or newer is needed, found: ${String(probe.stderr).split('\n')[0]}`);
  }
  return major;
}

/** Builds the launcher with Maven when its output is missing. The first build fills ~/.m2. */
export function ensureLauncherBuilt(launcherDir: string, log: (line: string) => void = () => {}): void {
  if (isLauncherBuilt(launcherDir)) return;
  checkJava();
  log('building the local Neo4j launcher with Maven (first run downloads Neo4j and GDS into ~/.m2)');
  const result = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: launcherDir, stdio: 'inherit' });
  if (result.error || result.status !== 0) {
    throw new LocalNeo4jError('build-failed', `Maven build of ${launcherDir} failed${result.error ? `: ${result.error.message}` : ` (exit ${result.status})`}`);
  }
}

/**
 * The local server's password: NEO4J_PASSWORD when given, else one generated on first start and kept
 * (mode 0600) in the data directory so restarts and other processes on this machine can find it.
 */
export function resolveLocalPassword(dataDir: string, fromEnv: string | undefined): string {
  return resolveGeneratedSecret(path.join(dataDir, 'password'), fromEnv);
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  checkJava();
  if (!isLauncherBuilt(options.launcherDir)) {
    throw new LocalNeo4jError('build-failed', `the launcher in ${options.launcherDir} is not built (run: mvn -q package there)`);
  }
  // The store holds the marketplace's personal data, and Neo4j writes its files world-readable: the
  // folder is what keeps other users of the machine out (an existing one is made private too).
  ensurePrivateDir(options.dataDir);
  const started = Date.now();
  const child: ChildProcessWithoutNullStreams = spawn(
    'java',
    [
      `-Xms${options.heap}`,
      `-Xmx${options.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-cp',
      launcherClasspath(options.launcherDir),
      'dev.ringwatch.neo4jlocal.Main',
    ],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        JAVA_HOME: process.env.JAVA_HOME ?? '',
        RINGWATCH_NEO4J_HOME: options.dataDir,
        RINGWATCH_NEO4J_BOLT_PORT: String(options.port),
        RINGWATCH_NEO4J_PASSWORD: options.password,
        RINGWATCH_NEO4J_PAGECACHE: options.pageCache,
        RINGWATCH_NEO4J_PLUGINS: path.join(options.launcherDir, 'target', 'plugins'),
        RINGWATCH_NEO4J_IMPORT_DIR: options.importDir ?? '',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );

  const exited = new Promise<ProcessExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const emit = options.onOutput ?? (() => {});

  const ready = new Promise<{ bolt: string; startMillis: number }>((resolve, reject) => {
    let failure: LocalNeo4jError | undefined;
    const onLine = (line: string) => {
      if (line.startsWith(READY)) {
        resolve(JSON.parse(line.slice(READY.length)) as { bolt: string; startMillis: number });
      } else if (line.startsWith(FAILURE)) {
        const [code, ...rest] = line.slice(FAILURE.length).split(' ');
        const message = rest.join(' ').replace(/^neo4j-local: /, '');
        failure = new LocalNeo4jError(code === 'port-in-use' ? 'port-in-use' : 'start-failed', message);
      } else if (line.trim() !== '') {
        emit(line);
      }
    };
    lines(child.stdout, onLine);
    lines(child.stderr, onLine);
    void exited.then(({ code, signal }) =>
      reject(failure ?? new LocalNeo4jError('start-failed', `the Java launcher exited with ${signal ?? `code ${code}`} before Neo4j was ready`)),
    );
    const timeout = options.startTimeoutMs ?? 120_000;
    setTimeout(() => reject(new LocalNeo4jError('timeout', `Neo4j was not ready after ${timeout} ms`)), timeout).unref();
  });

  let result: { bolt: string; startMillis: number };
  try {
    result = await ready;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    uri: result.bolt,
    pid: child.pid ?? -1,
    serverStartMillis: result.startMillis,
    wallStartMillis: Date.now() - started,
    exited,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(killer);
      })();
      return stopping;
    },
  };
}

function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      onLine(buffer.slice(0, nl).replace(/\r$/, ''));
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
    }
  });
}
