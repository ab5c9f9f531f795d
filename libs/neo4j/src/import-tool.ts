import { spawn } from 'node:child_process';
import path from 'node:path';
import { checkJava, ensureLauncherBuilt, launcherClasspath, LocalNeo4jError } from './local-server';

/**
 * Neo4j's admin tool (`neo4j-admin`, here for its offline importer: `database import full`) run from the
 * local launcher's Maven artifacts: neo4j-import-tool and neo4j-command-line are on its classpath, so no
 * Neo4j distribution is needed. It works on the store in `dataDir` (the launcher's RINGWATCH_NEO4J_HOME,
 * whose data/ holds the databases), which must not be open: the local server has to be stopped.
 */
export interface AdminToolOptions {
  /** tools/neo4j-local. */
  readonly launcherDir: string;
  /** The local server's folder (NEO4J_HOME for the tool). */
  readonly dataDir: string;
  readonly args: readonly string[];
  /** The tool's own Java heap; the importer works mostly off heap (--max-off-heap-memory). */
  readonly heap?: string;
  /** Each line the tool prints (progress, its report). */
  readonly onOutput?: (line: string) => void;
}

export interface AdminToolRun {
  readonly exitCode: number;
  readonly durationMs: number;
  /** The last lines printed, for an error message. */
  readonly tail: readonly string[];
}

export async function runAdminTool(options: AdminToolOptions): Promise<AdminToolRun> {
  checkJava();
  ensureLauncherBuilt(options.launcherDir);
  const started = Date.now();
  const child = spawn(
    'java',
    [
      `-Xmx${options.heap ?? '1g'}`,
      '-XX:+UseG1GC',
      '-Dfile.encoding=UTF-8',
      '-cp',
      launcherClasspath(options.launcherDir),
      'org.neo4j.cli.AdminTool',
      ...options.args,
    ],
    {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', JAVA_HOME: process.env.JAVA_HOME ?? '', NEO4J_HOME: path.resolve(options.dataDir) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const tail: string[] = [];
  const onLine = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    options.onOutput?.(line);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split(/\r?\n/);
      buffer = lines.pop()!;
      for (const line of lines) if (line.trim() !== '') onLine(line);
    });
    stream.on('end', () => buffer.trim() !== '' && onLine(buffer));
  }
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.once('error', (error) => reject(new LocalNeo4jError('start-failed', `cannot run the Neo4j admin tool: ${error.message}`)));
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  return { exitCode, durationMs: Date.now() - started, tail };
}
