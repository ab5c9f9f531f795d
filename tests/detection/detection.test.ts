import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { KINDS } from '@ringwatch/contract';
import { evaluate, readTruth } from '@ringwatch/evaluation';
import { loadFiles } from '@ringwatch/ingest';
import { CypherRegistry } from '@ringwatch/neo4j';
import { fingerprinter } from '@ringwatch/normalise';
import { generateMarketplace } from '@ringwatch/synth';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DetectionSummary } from '@ringwatch/detection';
import { DetectionService } from '../../apps/api/src/detection/detection.service';
import { ImportsRepository } from '../../apps/api/src/imports/imports.repository';
import { detectionService, ROOT, testConfig } from '../setup/app';
import { testDriver, wipeMarketplace } from '../setup/graph';

const neo4j = inject('neo4j');
const KEY = 'test-pii-key-0123456789';
let driver: Driver;
let dir: string;
let service: DetectionService;
let imports: ImportsRepository;
let first: DetectionSummary;
let second: DetectionSummary;
let truth: Map<string, string | null>;

const load = (files: string[]) =>
  loadFiles({ files, writer: imports, ledger: imports, fingerprinter: fingerprinter(KEY), rejectsPath: path.join(dir, 'rejects.ndjson') });
const query = async (cypher: string, params: Record<string, unknown> = {}) => (await driver.executeQuery(cypher, params, { database: neo4j.database })).records;

beforeAll(async () => {
  driver = await testDriver();
  await wipeMarketplace(driver);
  await driver.executeQuery('MATCH (n) WHERE n:DetectionRun OR n:Cluster OR n:Sequence DETACH DELETE n', {}, { database: neo4j.database });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-detect-'));
  const manifest = await generateMarketplace({ preset: 'small', seed: 21, outDir: dir });
  const registry = CypherRegistry.load(path.join(ROOT, 'cypher'));
  imports = new ImportsRepository(driver, neo4j.database, registry);
  service = detectionService(driver, neo4j.database, registry, testConfig());
  await load(KINDS.map((k) => path.join(dir, manifest.files[k])));
  truth = await readTruth(path.join(dir, 'truth.csv'));
  first = await service.run({}, 'test');
  second = await service.run({}, 'test');
}, 180_000);

afterAll(async () => {
  await wipeMarketplace(driver);
  await driver.executeQuery('MATCH (n) WHERE n:DetectionRun OR n:Cluster OR n:Sequence DETACH DELETE n', {}, { database: neo4j.database });
  await driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('detection on a seeded small marketplace', () => {
  it('finds the planted rings and flags them, without mixing rings or flagging honest networks', () => {
    const clusters = new Map<string, string>();
    const flagged = new Set<string>();
    for (const c of first.clusters) {
      c.members.forEach((m) => clusters.set(m, c.id));
      if (c.flagged) flagged.add(c.id);
    }
    const r = evaluate({ truth, clusters, flagged });
    expect(r.bestMatchRecall.mean).toBeGreaterThanOrEqual(0.9);
    expect(r.flagged.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.flagged.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.flagged.mixedRingClusters).toBe(0);
  });

  it('reports only connected clusters of two or more shops, each with its explained risk', async () => {
    expect(first.clusters.every((c) => c.members.length >= 2)).toBe(true);
    const rows = await query(
      `MATCH (r:DetectionRun {id: $run})-[:FOUND]->(c:Cluster)
       RETURN c.clusterId AS id, c.size AS size, c.factors AS factors, COUNT { (c)<-[:MEMBER_OF]-(:Shop) } AS members`,
      { run: first.runId },
    );
    expect(rows).toHaveLength(first.clusters.length);
    for (const row of rows) {
      expect(Number(row.get('members'))).toBe(Number(row.get('size')));
      const factors = JSON.parse(row.get('factors') as string) as { name: string; explanation: string }[];
      expect(factors.map((f) => f.name)).toEqual(['discount', 'reports', 'strongSharing', 'burst', 'suspended', 'size']);
      expect(factors.every((f) => f.explanation.endsWith('.'))).toBe(true);
    }
    const run = await query('MATCH (r:DetectionRun {id: $run}) RETURN r.status AS status, r.modularity AS q, r.seed AS seed', { run: first.runId });
    expect(run[0]!.get('status')).toBe('completed');
    expect(run[0]!.get('q')).toBeGreaterThan(0);
  });

  it('gives the same clusters, with the same ids, for the same data and seed', () => {
    const asSets = (s: DetectionSummary) => s.clusters.map((c) => `${c.id}:${[...c.members].sort().join(',')}`).sort();
    expect(asSets(second)).toEqual(asSets(first));
    expect(second.lineage).toEqual({ unchanged: first.clusters.length });
  });

  it('keeps a ring cluster id when the ring grows, and records the lineage', async () => {
    const flaggedRing = first.clusters.find((c) => c.flagged && c.members.length >= 3)!;
    const member = flaggedRing.members[0]!;
    const payment = fs
      .readFileSync(path.join(dir, 'payments.csv'), 'utf8')
      .split('\n')
      .find((l) => l.split(',')[1] === member)!;
    const cells = payment.split(',');
    fs.writeFileSync(
      path.join(dir, 'extra-shops.csv'),
      `shop_id,seller_id,name,opened_at,status,category\nSNEW1,UNEW1,New Shop,2026-09-01T00:00:00Z,active,bags\n`,
    );
    fs.writeFileSync(
      path.join(dir, 'extra-payments.csv'),
      `payment_id,shop_id,account,account_kind,provider,amount,currency,paid_at\nPNEW1,SNEW1,${cells[2]},${cells[3]},${cells[4]},10,USD,2026-09-02T00:00:00Z\n`,
    );
    await load([path.join(dir, 'extra-shops.csv'), path.join(dir, 'extra-payments.csv')]);
    const third = await service.run({}, 'test');
    const grown = third.clusters.find((c) => c.members.includes('SNEW1'))!;
    expect(grown.id).toBe(flaggedRing.id);
    expect(grown.members).toHaveLength(flaggedRing.members.length + 1);
    expect(grown.lineage).toBe('grown');
    expect(third.lineage.grown).toBeGreaterThanOrEqual(1);
  });

  it('finds the same flagged networks with either engine', async () => {
    const engine = first.params.engine;
    const a = await service.run({ engine }, 'test');
    const b = await service.run({ engine: engine === 'ringwatch' ? 'graphology' : 'ringwatch' }, 'test');
    const flaggedSets = (s: DetectionSummary) =>
      s.clusters
        .filter((c) => c.flagged)
        .map((c) => [...c.members].sort().join(','))
        .sort();
    expect(flaggedSets(a).length).toBeGreaterThan(0);
    expect(flaggedSets(b)).toEqual(flaggedSets(a));
  });

  it('keeps only as many runs as configured', async () => {
    const small = detectionService(driver, neo4j.database, CypherRegistry.load(path.join(ROOT, 'cypher')), testConfig({ DETECTION_RETENTION: '2' }));
    await small.run({}, 'test');
    const runs = await query('MATCH (r:DetectionRun) RETURN count(r) AS n');
    expect(Number(runs[0]!.get('n'))).toBe(2);
    const orphans = await query('MATCH (c:Cluster) WHERE NOT (c)<-[:FOUND]-(:DetectionRun) RETURN count(c) AS n');
    expect(Number(orphans[0]!.get('n'))).toBe(0);
  });
});

describe('edge-list mode', () => {
  it('partitions a public graph from a TSV edge list', async () => {
    const out = path.join(os.tmpdir(), `ringwatch-karate-${process.pid}.tsv`);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'apps', 'api', 'src', 'cli', 'detect.ts'),
        '--edges',
        path.resolve(ROOT, 'datasets', 'karate', 'edges.tsv'),
        '--out',
        out,
      ],
      { cwd: ROOT },
    );
    const summary = JSON.parse(stdout) as { nodes: number; modularity: number };
    expect(summary.nodes).toBe(34);
    expect(summary.modularity).toBeGreaterThanOrEqual(0.41);
    const lines = fs
      .readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('#'));
    expect(lines).toHaveLength(34);
    expect(lines.every((l) => /^\d+\t\d+$/.test(l))).toBe(true);
    fs.rmSync(out);
  });
});
