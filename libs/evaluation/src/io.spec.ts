import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvaluationInputError, readClusters, readEdges, readTruth, readTruthTable } from './io';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-eval-io-'));
const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

describe('evaluation file readers', () => {
  it('reads truth with empty ring ids as honest shops', async () => {
    const truth = await readTruth(write('truth.csv', 'shop_id,ring_id,role\nS1,RING1,ring\nS2,,legit\n'));
    expect([...truth]).toEqual([
      ['S1', 'RING1'],
      ['S2', null],
    ]);
  });
  it('reads a truth file with structures and groups, and its rings as before', async () => {
    const file = write(
      'hard.csv',
      'shop_id,ring_id,role,group_id,structure,shares\nS1,RING1,ring,,chain_ring,phone|email\nS2,,legit,G7,family,phone\nS3,,legit,,independent,\n',
    );
    const table = await readTruthTable(file);
    expect(table.hasStructures).toBe(true);
    expect(table.shops.get('S1')).toEqual({ ring: 'RING1', role: 'ring', group: null, structure: 'chain_ring' });
    expect(table.shops.get('S2')).toEqual({ ring: null, role: 'legit', group: 'G7', structure: 'family' });
    expect(table.shops.get('S3')).toEqual({ ring: null, role: 'legit', group: null, structure: 'independent' });
    expect([...(await readTruth(file))]).toEqual([
      ['S1', 'RING1'],
      ['S2', null],
      ['S3', null],
    ]);
  });
  it('reads a classic truth file as one without structures', async () => {
    const table = await readTruthTable(write('classic.csv', 'shop_id,ring_id,role\nS1,RING1,ring\nS2,,legit\n'));
    expect(table.hasStructures).toBe(false);
    expect(table.shops.get('S2')).toEqual({ ring: null, role: 'legit', group: null, structure: null });
  });
  it('reads clusters and the flagged ones', async () => {
    const { clusters, flagged } = await readClusters(write('c.csv', 'shop_id,cluster_id,flagged\nS1,C1,true\nS2,C1,true\nS3,C2,false\n'));
    expect(clusters.get('S3')).toBe('C2');
    expect([...flagged]).toEqual(['C1']);
  });
  it('names the file and line of bad input', async () => {
    await expect(readTruth(write('bad.csv', 'id,ring\n'))).rejects.toThrow(EvaluationInputError);
    await expect(readEdges(write('e.tsv', '# c\n1\t2\n3\n'))).rejects.toThrow(/e\.tsv:3/);
    await expect(readEdges(write('w.tsv', '1\t2\t-1\n'))).rejects.toThrow(/positive/);
    await expect(readTruth(path.join(dir, 'missing.csv'))).rejects.toThrow(/does not exist/);
  });
});
