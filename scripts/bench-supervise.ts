import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '@ringwatch/neo4j';
import { ROOT } from './bench/measure';

/**
 * bench:supervise — the floor "a killed local Neo4j is back and the API healthy within 30 s without a
 * person". Starts the API as `npm start` does (its own local Neo4j, in a throw-away folder, on free
 * ports), waits until /health answers 200, then `kill -9`s the Neo4j Java process and polls /health
 * every 100 ms until it answers 200 again. Prints, per round: how soon /health said 503, its slowest
 * answer while the database was away, and the seconds until healthy (the floor's figure). At the end
 * the API is stopped with SIGTERM and the script checks no Java process stayed behind.
 */

interface LogLine {
  module?: string;
  msg?: string;
  pid?: number;
  downMs?: number;
  [key: string]: unknown;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '2' }, heap: { type: 'string', default: '512m' } } });
  const rounds = Number(values.rounds);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-bench-supervise-'));
  const apiPort = await freePort();
  const url = `http://127.0.0.1:${apiPort}`;
  const lines: LogLine[] = [];
  const waiters: { match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'apps', 'api', 'src', 'main.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      JAVA_HOME: process.env.JAVA_HOME ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DEMO_DATA: 'off',
      REPORT_SCHEDULE: 'off',
      API_PORT: String(apiPort),
      NEO4J_LOCAL_PORT: String(await freePort()),
      NEO4J_LOCAL_DATA_DIR: path.join(dir, 'neo4j'),
      NEO4J_LOCAL_HEAP: values.heap!,
      NEO4J_LOCAL_PAGECACHE: '128m',
      NEO4J_LOCAL_START_TIMEOUT_MS: '600000',
      PII_HMAC_KEY_FILE: path.join(dir, 'pii-hmac-key'),
      AUTH_TOKEN_SECRET_FILE: path.join(dir, 'auth-token-secret'),
      REPORTS_DIR: path.join(dir, 'reports'),
    },
  });
  let buffer = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        continue;
      }
      lines.push(line);
      if (line.module === 'neo4j-local' || line.module === 'database')
        console.log(`  api log: ${line.module}: ${line.msg} ${line.pid ? `pid ${line.pid}` : ''}`);
      for (const w of [...waiters]) {
        if (w.match(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  const nextLine = (match: (l: LogLine) => boolean, timeoutMs: number) =>
    new Promise<LogLine>((resolve, reject) => {
      waiters.push({ match, resolve });
      setTimeout(() => reject(new Error(`bench:supervise: no such log line within ${timeoutMs} ms`)), timeoutMs).unref();
    });
  const health = async (): Promise<{ status: number; ms: number }> => {
    const began = performance.now();
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - began };
    } catch {
      return { status: 0, ms: performance.now() - began };
    }
  };

  const results: { round: number; first503Ms: number; slowestHealthMs: number; healthyAfterS: number; restartDownMs: number }[] = [];
  try {
    const ready = await nextLine((l) => l.module === 'neo4j-local' && l.msg === 'ready', 300_000);
    let pid = ready.pid!;
    while ((await health()).status !== 200) await new Promise((r) => setTimeout(r, 250));
    for (let round = 1; round <= rounds; round++) {
      const back = nextLine((l) => l.module === 'neo4j-local' && l.msg === 'the local Neo4j is back', 600_000);
      back.catch(() => undefined);
      const killedAt = performance.now();
      process.kill(pid, 'SIGKILL');
      console.log(`round ${round}: kill -9 ${pid} (the local Neo4j)`);
      let first503Ms = -1;
      let slowest = 0;
      for (;;) {
        const probe = await health();
        if (probe.status !== 200) {
          slowest = Math.max(slowest, probe.ms);
          if (first503Ms < 0 && probe.status === 503) first503Ms = performance.now() - killedAt;
        } else if (first503Ms >= 0) {
          break;
        }
        if (performance.now() - killedAt > 300_000) throw new Error('bench:supervise: not healthy 300 s after the kill');
        await new Promise((r) => setTimeout(r, 100));
      }
      const healthyAfterS = (performance.now() - killedAt) / 1000;
      const restarted = await back;
      pid = restarted.pid!;
      results.push({ round, first503Ms: Math.round(first503Ms), slowestHealthMs: Math.round(slowest), healthyAfterS, restartDownMs: restarted.downMs ?? -1 });
      // Let the new server settle, as the back-off would after a stable run.
      await new Promise((r) => setTimeout(r, 2000));
    }
  } finally {
    const javaPids = lines.filter((l) => l.module === 'neo4j-local' && typeof l.pid === 'number').map((l) => l.pid!);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    const leftover = javaPids.filter((p) => {
      try {
        process.kill(p, 0);
        return true;
      } catch {
        return false;
      }
    });
    if (leftover.length > 0) console.log(`bench:supervise: Java processes left behind: ${leftover.join(', ')}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }

  console.log(`bench:supervise heap=${values.heap} rounds=${rounds} (floor: healthy within 30 s of kill -9)`);
  for (const r of results) {
    console.log(
      `  round ${r.round}: /health 503 after ${r.first503Ms} ms (slowest answer while away ${r.slowestHealthMs} ms); ` +
        `Neo4j restarted in ${(r.restartDownMs / 1000).toFixed(1)} s; API healthy ${r.healthyAfterS.toFixed(1)} s after the kill`,
    );
  }
  const worst = Math.max(...results.map((r) => r.healthyAfterS));
  console.log(`  worst: healthy ${worst.toFixed(1)} s after kill -9 — ${worst <= 30 ? 'within' : 'OVER'} the 30 s floor`);
  if (worst > 30) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
