import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runEdgeList } from './detect-edges';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-detect-edges-'));
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..', '..');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}

describe('the edge-list tool', () => {
  it('checks options, the input file and the output folder before reading anything', () => {
    const read = vi.spyOn(fs, 'readFileSync');
    const good = file('good.tsv', '1\t2\n2\t3\n3\t1\n');
    expect(() => runEdgeList(['--edges', 'missing.tsv', '--out', 'p.tsv'], {}, dir)).toThrow(/input file .*missing.tsv does not exist/);
    expect(() => runEdgeList(['--edges', good, '--out', 'no/such/folder/p.tsv'], {}, dir)).toThrow(/output folder .*no\/such\/folder does not exist/);
    expect(() => runEdgeList(['--edges', good, '--out', '.'], {}, dir)).toThrow(/is a folder/);
    expect(() => runEdgeList(['--edges', good, '--out', 'p.tsv', '--engine', 'spectral'], {}, dir)).toThrow(/--engine must be leiden or louvain/);
    expect(() => runEdgeList(['--edges', good, '--out', 'p.tsv', '--quality', 'cpm'], {}, dir)).toThrow(/--quality cpm needs --resolution/);
    expect(() => runEdgeList(['--edges', good, '--out', 'p.tsv', '--resolution', '0x1'], {}, dir)).toThrow(/--resolution must be a number > 0/);
    expect(() => runEdgeList(['--edges', good, '--out', 'p.tsv', '--threads', '3'], {}, dir)).toThrow(/--threads must be 1 or 2/);
    expect(() => runEdgeList(['--edges', good, '--out', 'p.tsv', '--colour', 'red'], {}, dir)).toThrow(/Unknown option '--colour'/);
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
    expect(fs.existsSync(path.join(dir, 'p.tsv'))).toBe(false);
  });

  it('refuses an empty file without writing a partition', () => {
    expect(() => runEdgeList(['--edges', file('empty.tsv', ''), '--out', 'empty-out.tsv'], {}, dir)).toThrow(/no edges/);
    expect(fs.existsSync(path.join(dir, 'empty-out.tsv'))).toBe(false);
  });

  it('defaults to Leiden at γ = 1 and prints standard modularity apart from the quality optimised; threads come from the configuration', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const karate = path.join(ROOT, 'datasets', 'karate', 'edges.tsv');
    runEdgeList(['--edges', karate, '--out', 'karate.tsv'], { DETECTION_THREADS: '2' }, dir);
    const summary = JSON.parse(String(log.mock.calls[0]![0])) as {
      engine: string;
      modularity: number;
      optimised: { quality: string; resolution: number; value: number };
    };
    expect(summary.engine).toBe('ringwatch-leiden');
    expect(summary.optimised).toMatchObject({ quality: 'modularity', resolution: 1 });
    expect(summary.modularity).toBeGreaterThan(0.41);
    expect(summary.optimised.value).toBeCloseTo(summary.modularity, 12);
    // CPM: the optimised value is CPM's, the printed modularity still standard Q.
    runEdgeList(['--edges', karate, '--out', 'karate-cpm.tsv', '--quality', 'cpm', '--resolution', '0.1', '--engine', 'louvain'], {}, dir);
    const cpm = JSON.parse(String(log.mock.calls[1]![0])) as typeof summary;
    expect(cpm.optimised.quality).toBe('cpm');
    expect(cpm.optimised.value).not.toBeCloseTo(cpm.modularity, 3);
    log.mockRestore();
    const lines = fs.readFileSync(path.join(dir, 'karate.tsv'), 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^# node\tcommunity \(engine ringwatch-leiden; modularity Q 0\.4\d+ \(γ = 1\)/);
    expect(lines).toHaveLength(35);
  });

  it('runs from the bundle through npm run detect, and fails with exit 1 and a clear message', () => {
    const bad = path.join(dir, file('hex.tsv', '1\t2\t0x10\n'));
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'detect.mjs'), '--edges', bad, '--out', path.join(dir, 'hex-out.tsv')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/line 1: weight "0x10": hexadecimal is not accepted/);
    expect(fs.existsSync(path.join(ROOT, 'dist', 'cli', 'detect-edges.mjs'))).toBe(true);
    // The first run after a change of its sources rebuilds the bundle (seconds on a busy machine).
  }, 120_000);
});
