import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { KINDS } from '@ringwatch/contract';
import { PRESET_NAMES, type PresetName } from '@ringwatch/synth';
import { int as neo4jInt } from 'neo4j-driver';
import { benchDataset, benchToken, freshDatabase, loadAndDetect, startBenchApi, type BenchApi, type BenchDb } from './bench/common';

/**
 * bench:api — load a preset (medium by default) plus one planted ring of 500 shops (the medium preset's
 * rings stop at 300, and the floor is stated for a 500-shop cluster graph), run detection, start the
 * API in its own process, and drive it with autocannon: cluster list, cluster detail, the 500-shop
 * cluster's graph, and search. Latency percentiles come from every response's own time. It runs
 * twice: with the read cache off (every request reads Neo4j) and in the default configuration.
 *
 * With --during-import it measures reads while the listings file is uploaded again through
 * POST /imports (as a user would), each scenario during its own import, at 20 connections by default:
 * the reads a team does while the morning's data arrives.
 */
// Step 6 (#21) states the read floors with the cache off: list and detail 50 ms, a 500-shop graph 150 ms, search 100 ms.
const FLOORS: Record<string, number> = { 'cluster list': 50, 'cluster detail': 50, search: 100, 'cluster graph (500 shops)': 150, 'cases inbox': 50 };
/** The inbox is measured with this many cases (issue: GET /cases p95 at most 50 ms with 5,000 cases). */
const INBOX_CASES = 5000;
/** Reads while a listings import writes (issue: p95 at most 250 ms at 20 connections). */
const DURING_IMPORT_FLOOR = 250;

/** A ring of `size` shops whose sellers share devices, each device used by about 20 of them: one dense, hub-free component. */
function writeBigRing(dir: string, size: number): string[] {
  fs.mkdirSync(dir, { recursive: true });
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const devices = Math.ceil((size * 3) / 20);
  const sellers = ['seller_id,name,country,registered_at,kyc_id,emails,phones,device_ids'];
  const shops = ['shop_id,seller_id,name,opened_at,status,category'];
  const listings = ['listing_id,shop_id,title,brand,category,price,currency,listed_at,status'];
  for (let i = 0; i < size; i++) {
    const own = new Set<number>();
    while (own.size < 3) own.add(Math.floor(next() * devices));
    sellers.push(`BR-U${i},Bigring Seller ${i},CN,2026-06-01T00:00:00Z,BR-KYC-${i},,,${[...own].map((d) => `BR-DEV-${d}`).join('|')}`);
    shops.push(`BR-S${i},BR-U${i},Bigring Outlet ${i},2026-06-02T00:00:00Z,active,bags`);
    for (let j = 0; j < 4; j++)
      listings.push(`BR-L${i}-${j},BR-S${i},Aurelio Tote ${j},Aurelio,bags,${(120 + next() * 80).toFixed(2)},USD,2026-06-03T00:00:00Z,active`);
  }
  const files = { 'sellers.csv': sellers, 'shops.csv': shops, 'listings.csv': listings };
  return Object.entries(files).map(([name, lines]) => {
    fs.writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
    return path.join(dir, name);
  });
}

/**
 * Tops the cases detection opened (one per flagged network) up to `total`, spread over statuses, assignees
 * and priorities as a team's inbox after some months. A preset has far fewer networks than 5,000 (the
 * medium one about 300), so the seeded cases take the run's networks in turn, riskiest first: the
 * inbox's read cost depends on how many cases there are and how they are filtered (the brand filter
 * reads each case's network), not on how many networks stand behind them. The bench's own analyst gets
 * a share, so "my cases" is a real filter.
 */
async function seedCases(db: BenchDb, runId: string, total: number, me: string): Promise<number> {
  const statuses = ['new', 'new', 'triage', 'investigating', 'investigating', 'monitoring', 'shutdown_proposed', 'shut_down', 'dismissed', 'referred'];
  const assignees = [me, 'analyst.2', 'analyst.3', 'analyst.4', 'supervisor.1', null];
  const priorities = ['urgent', 'high', 'medium', 'medium', 'low'];
  const [existing] = (await db.driver.executeQuery('MATCH (k:Case) RETURN count(k) AS n', {}, { database: 'neo4j' })).records;
  const missing = total - Number(existing!.get('n'));
  if (missing <= 0) return total;
  await db.driver.executeQuery(
    `MATCH (:DetectionRun {id: $runId})-[:FOUND]->(c:Cluster)
     WITH c ORDER BY c.risk DESC, c.clusterId
     WITH collect(c) AS found
     UNWIND range(0, $missing - 1) AS i
     WITH found[i % size(found)] AS c, i
     CREATE (k:Case {id: 'KB' + right('000000' + toString(i), 6), clusterId: c.clusterId, status: $statuses[i % size($statuses)],
       priority: $priorities[i % size($priorities)], assignee: $assignees[i % size($assignees)], risk: c.risk, size: c.size,
       members: [(c)<-[:MEMBER_OF]-(s:Shop) | s.id], createdAt: datetime() - duration({hours: i % 2000}),
       updatedAt: datetime() - duration({minutes: i % 9000}), openedByRun: $runId, lastRunId: $runId})`,
    { runId, missing: neo4jInt(missing), statuses, assignees, priorities },
    { database: 'neo4j' },
  );
  const [after] = (await db.driver.executeQuery('MATCH (k:Case) RETURN count(k) AS n', {}, { database: 'neo4j' })).records;
  return Number(after!.get('n'));
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Scenario {
  name: string;
  paths: string[];
  /** Also measured at these connection counts (the floor is judged at the run's own count). */
  alsoAt?: number[];
}

async function drive(url: string, token: string, scenario: Scenario, connections: number, duration: number) {
  const latencies: number[] = [];
  let failures = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        headers: { authorization: `Bearer ${token}` },
        requests: scenario.paths.map((p) => ({ method: 'GET' as const, path: p })),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 400) failures++;
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failures: failures + result.errors + result.timeouts,
  };
}

/** Uploads a file through the API as a user would; resolves with the import's id once the upload is stored. */
async function upload(url: string, token: string, file: string): Promise<string> {
  const response = await fetch(`${url}/imports?file=${encodeURIComponent(path.basename(file))}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: fs.readFileSync(file),
  });
  if (response.status !== 202) throw new Error(`bench:api: upload answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function importState(url: string, token: string, id: string): Promise<{ status: string; read: number | null }> {
  // A crowded machine can make the API refuse routes for a while (503 while its database probe is slow): ask again.
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${url}/imports/${id}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status === 200) return (await response.json()) as { status: string; read: number | null };
    const text = await response.text();
    if (response.status < 500 || attempt >= 30) throw new Error(`bench:api: GET /imports/${id} answered ${response.status}: ${text}`);
    console.error(`bench:api: GET /imports/${id} answered ${response.status} (${text.slice(0, 200)}); asking again`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Each scenario during an import of its own: the upload starts, reads are driven for `duration` seconds,
 * and the import must still be running when they end (else the figure is marked, as it was partly
 * measured on an idle database). Beside each figure: the API's event-loop delay over the same window
 * (time every request waited before its handler could run) and the machine's 1-minute load average at
 * the end (on two cores, the API, Neo4j, the import and autocannon share them).
 */
async function measureDuringImport(
  api: BenchApi,
  token: string,
  writer: string,
  listings: string,
  scenarios: Scenario[],
  connections: number,
  duration: number,
) {
  const { url } = api;
  console.log(
    `\nreads during a listings import (${path.basename(listings)}, ${(fs.statSync(listings).size / 2 ** 20).toFixed(0)} MiB, uploaded through POST /imports), ${connections} connections, ${os.cpus().length} cores`,
  );
  console.log(
    'scenario                   requests   req/s     p50 ms   p95 ms   p99 ms   failures  loop p99 ms  loop max ms  load 1m  import at end        floor (p95)',
  );
  for (const s of scenarios) {
    await drive(url, token, s, 5, 2);
    const id = await upload(url, writer, listings);
    const t0 = Date.now();
    api.resetLoopDelay();
    const r = await drive(url, token, s, connections, duration);
    const loop = await api.loopDelay();
    const load = os.loadavg()[0]!;
    const state = await importState(url, writer, id);
    const overlapped = state.status === 'running';
    const verdict = `${DURING_IMPORT_FLOOR} ms ${r.p95 <= DURING_IMPORT_FLOOR ? 'met' : 'NOT met'}${overlapped ? '' : ' (import ended early)'}`;
    console.log(
      `${s.name.padEnd(26)} ${String(r.requests).padStart(8)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(1).padStart(9)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${String(r.failures).padStart(10)} ${loop.p99.toFixed(1).padStart(12)} ${loop.max.toFixed(1).padStart(12)} ${load.toFixed(1).padStart(8)}  ${state.status.padEnd(18)}  ${verdict}`,
    );
    // The next scenario starts on a quiet database: wait for this import to end.
    while ((await importState(url, writer, id)).status === 'running') await new Promise((resolve) => setTimeout(resolve, 1000));
    console.log(`${''.padEnd(26)} (the import took ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'medium' },
      seed: { type: 'string', default: '7' },
      connections: { type: 'string', default: '50' },
      duration: { type: 'string', default: '10' },
      'during-import': { type: 'boolean', default: false },
      /** Comma-separated scenario names to run (default all), e.g. --only "cases inbox". */
      only: { type: 'string' },
    },
  });
  const duringImport = values['during-import'];
  if (duringImport && !process.argv.some((a) => a.startsWith('--connections'))) values.connections = '20';
  const preset = values.preset as PresetName;
  if (!PRESET_NAMES.includes(preset)) throw new Error(`bench:api: unknown preset ${values.preset}`);
  const connections = Number(values.connections);
  const duration = Number(values.duration);
  const { dir, manifest } = await benchDataset(preset, Number(values.seed));
  const ring = writeBigRing(path.join(dir, 'bigring'), 500);
  console.log(
    `bench:api preset=${preset} seed=${values.seed} shops=${manifest.counts.shops.toLocaleString('en')} (+500-shop ring) connections=${connections} duration=${duration}s load avg ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  const db = await freshDatabase('api', { heap: '4g', pageCache: '2g' });
  let api: BenchApi | undefined;
  try {
    const t0 = Date.now();
    const summary = await loadAndDetect(db, [...KINDS.map((k) => path.join(dir, manifest.files[k])), ...ring]);
    console.log(`load + detection     ${((Date.now() - t0) / 1000).toFixed(1)} s, ${summary.counts.clusters.toLocaleString('en')} clusters`);

    // One client address sends every request here; the limiter's own cost stays in the path.
    const apiEnv = { RATE_LIMIT_PER_MINUTE: '10000000' };
    api = await startBenchApi(db, { ...apiEnv, READ_CACHE_TTL_MS: '0' });
    let url = api.url;
    const token = await benchToken(db, 'analyst');
    const get = async (p: string) => (await (await fetch(`${url}${p}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a probe of many response shapes

    const cases = await seedCases(db, summary.runId, INBOX_CASES, 'bench.analyst');
    console.log(`cases                ${cases.toLocaleString('en')} (detection opened one per flagged network; the rest seeded on the run's networks in turn)`);
    const since = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const top = (await get('/clusters?limit=100')).items as { id: string }[];
    const big = summary.clusters.find((c) => c.members.some((m) => m === 'BR-S0'));
    if (!big) throw new Error('bench:api: the planted 500-shop ring did not come out as a cluster');
    const sample = (
      await db.driver.executeQuery(
        `MATCH (s:Shop) WHERE s.name IS NOT NULL WITH s SKIP 1000 LIMIT 150
       OPTIONAL MATCH (s)-[:PAID_TO]->(a:PaymentAccount)
       OPTIONAL MATCH (s)<-[:OWNS]-(:Seller)-[:HAS_PHONE]->(p:Phone)
       RETURN s.id AS id, split(s.name, ' ')[0] AS word, a.last4 AS last4, p.key AS phone`,
        {},
        { database: 'neo4j' },
      )
    ).records.map((r) => r.toObject() as { id: string; word: string; last4: string | null; phone: string | null });
    const searches = sample.flatMap((s) => [s.word, s.id, s.last4, s.phone]).filter((q): q is string => typeof q === 'string' && q.length >= 3);

    const scenarios: Scenario[] = [
      // Every read scenario also at 1 connection (one analyst's wait: the service time) and 10: at 50 in a
      // closed loop on two cores, p95 is mostly the queue (50 ÷ throughput), not the work of one request.
      {
        name: 'cluster list',
        alsoAt: [1, 10],
        paths: ['/clusters?limit=50', '/clusters?limit=50&sort=size', '/clusters?flagged=true&limit=50', '/clusters?minRisk=40&sort=growth&limit=50'],
      },
      { name: 'cluster detail', alsoAt: [1, 10], paths: top.map((c) => `/clusters/${c.id}`) },
      { name: `cluster graph (500 shops)`, alsoAt: [1, 10], paths: [`/clusters/${big.id}/graph?limit=2000`] },
      { name: 'search', alsoAt: [1, 10], paths: searches.map((q) => `/search?q=${encodeURIComponent(q)}`) },
      {
        // The inbox's tabs and filters as a team uses them all morning; also at 1 and 10 connections
        // (one person's wait, a team of ten), as 50 connections in a closed loop measure queueing on two cores.
        name: 'cases inbox',
        alsoAt: [1, 10],
        paths: [
          '/cases?assignee=me&status=open',
          '/cases?assignee=none&status=new',
          '/cases?status=shutdown_proposed',
          '/cases?status=open',
          '/cases?status=shut_down',
          '/cases?priority=urgent&minRisk=60',
          `/cases?changedSince=${encodeURIComponent(since)}`,
          '/cases?brand=Aurelio&status=open',
          '/cases?status=open&skip=500',
        ],
      },
    ];
    if (values.only) {
      const wanted = new Set(values.only.split(',').map((n) => n.trim()));
      const unknown = [...wanted].filter((n) => !scenarios.some((sc) => sc.name === n));
      if (unknown.length > 0) throw new Error(`bench:api: no scenario named ${unknown.join(', ')} (there are: ${scenarios.map((sc) => sc.name).join(', ')})`);
      scenarios.splice(0, scenarios.length, ...scenarios.filter((sc) => wanted.has(sc.name)));
    }
    const graph = await get(`/clusters/${big.id}/graph?limit=2000`);
    console.log(
      `graph target         ${big.id}: ${big.members.length} shops, ${graph.nodes.length} nodes, ${graph.edges.length} edges, truncated=${graph.truncated}`,
    );
    if (duringImport) {
      const listings = path.join(dir, manifest.files.listings);
      const reads = scenarios.filter((sc) => !sc.name.startsWith('cluster graph'));
      // The same two passes as below: read cache off, then the default configuration.
      for (const pass of ['read cache off', 'default (read cache on)']) {
        if (pass !== 'read cache off') {
          api.stop();
          api = await startBenchApi(db, apiEnv);
          url = api.url;
          console.log('\n(the same, read cache on: an import clears it once, when its load ends)');
        }
        await measureDuringImport(api, token, await benchToken(db, 'supervisor'), listings, reads, connections, duration);
      }
      return;
    }
    // Two passes: every request read from Neo4j (READ_CACHE_TTL_MS=0), then the default configuration,
    // whose read cache serves repeated reads from memory until a write or the TTL clears it.
    for (const pass of ['read cache off', 'default (read cache on)']) {
      if (pass !== 'read cache off') {
        api.stop();
        api = await startBenchApi(db, apiEnv);
        url = api.url;
      }
      console.log(`\n${pass}\nscenario                   requests   req/s     p50 ms   p95 ms   p99 ms   failures  floor (p95)`);
      for (const s of scenarios) {
        // Warm the database's page cache, the JIT (and, when on, the read cache) as in a service that has been up a while.
        await drive(url, token, s, 10, 3);
        for (const at of [connections, ...(s.alsoAt ?? []).filter((n) => n !== connections)]) {
          const r = await drive(url, token, s, at, duration);
          const floor = FLOORS[s.name];
          const verdict = floor === undefined ? '-' : `${floor} ms ${r.p95 <= floor ? 'met' : 'NOT met'}`;
          const name = at === connections ? s.name : `  at ${at} connection${at === 1 ? '' : 's'}`;
          console.log(
            `${name.padEnd(26)} ${String(r.requests).padStart(8)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(1).padStart(9)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${String(r.failures).padStart(10)}  ${verdict}`,
          );
        }
      }
    }
  } finally {
    api?.stop();
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
