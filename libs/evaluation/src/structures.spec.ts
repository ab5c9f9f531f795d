import { describe, expect, it } from 'vitest';
import { formatStructureReport } from './format';
import type { TruthRow } from './io';
import { evaluateStructures } from './structures';

const ring = (id: string, structure: string, role = 'ring'): TruthRow => ({ ring: id, role, group: null, structure });
const honest = (structure: string, group: string | null = null): TruthRow => ({ ring: null, role: 'legit', group, structure });

describe('evaluateStructures: a hand-computed case', () => {
  const truth = new Map<string, TruthRow>([
    // R1 (chain): a, b, c detectable, d isolated; a, b, c in C1 (flagged) → whole and flagged.
    ['a', ring('R1', 'chain_ring')],
    ['b', ring('R1', 'chain_ring')],
    ['c', ring('R1', 'chain_ring')],
    ['d', ring('R1', 'chain_ring', 'ring_isolated')],
    // R2 (chain): e in C2, f in C3 → split; C2 flagged.
    ['e', ring('R2', 'chain_ring')],
    ['f', ring('R2', 'chain_ring')],
    // R3 (classic): g in C4, h unclustered → partial; R4 (classic): nothing clustered.
    ['g', ring('R3', 'classic_ring')],
    ['h', ring('R3', 'classic_ring')],
    ['i', ring('R4', 'classic_ring')],
    ['j', ring('R4', 'classic_ring')],
    // Families G1 (k in flagged C1, l unclustered) and G2 (m, n in unflagged C4); an independent shop o in C2.
    ['k', honest('family', 'G1')],
    ['l', honest('family', 'G1')],
    ['m', honest('family', 'G2')],
    ['n', honest('family', 'G2')],
    ['o', honest('independent')],
    ['p', honest('independent')],
  ]);
  const clusters = new Map([
    ['a', 'C1'],
    ['b', 'C1'],
    ['c', 'C1'],
    ['k', 'C1'],
    ['e', 'C2'],
    ['o', 'C2'],
    ['f', 'C3'],
    ['g', 'C4'],
    ['m', 'C4'],
    ['n', 'C4'],
  ]);
  const report = evaluateStructures({ truth, clusters, flagged: new Set(['C1', 'C2']) });

  it('counts rings per structure: whole, flagged, partial, split, unclustered and flagged shops', () => {
    expect(report.rings).toEqual([
      { structure: 'chain_ring', rings: 2, shops: 6, detectableShops: 5, whole: 1, wholeFlagged: 1, partial: 0, split: 1, unclustered: 0, flaggedShops: 4 },
      { structure: 'classic_ring', rings: 2, shops: 4, detectableShops: 4, whole: 0, wholeFlagged: 0, partial: 1, split: 0, unclustered: 1, flaggedShops: 0 },
    ]);
    expect(report.ringTotal).toMatchObject({ structure: 'all rings', rings: 4, shops: 10, whole: 1, split: 1, flaggedShops: 4 });
  });

  it('counts honest shops in flagged clusters and groups with any member flagged', () => {
    expect(report.honest).toEqual([
      { structure: 'family', shops: 4, flaggedShops: 1, groups: 2, flaggedGroups: 1 },
      { structure: 'independent', shops: 2, flaggedShops: 1, groups: 0, flaggedGroups: 0 },
    ]);
    expect(report.honestTotal).toEqual({ structure: 'all honest', shops: 6, flaggedShops: 2, groups: 2, flaggedGroups: 1 });
  });

  it('calls a ring with a detectable shop outside its cluster partial, not whole', () => {
    const t = new Map<string, TruthRow>([
      ['a', ring('R', 'x')],
      ['b', ring('R', 'x')],
    ]);
    expect(evaluateStructures({ truth: t, clusters: new Map([['a', 'C']]), flagged: new Set(['C']) }).rings[0]).toMatchObject({
      whole: 0,
      partial: 1,
      flaggedShops: 1,
    });
    expect(
      evaluateStructures({
        truth: t,
        clusters: new Map([
          ['a', 'C'],
          ['b', 'C'],
        ]),
        flagged: new Set(),
      }).rings[0],
    ).toMatchObject({ whole: 1, wholeFlagged: 0 });
  });

  it('names unnamed structures ring and honest (a truth file without a structure column)', () => {
    const t = new Map<string, TruthRow>([
      ['a', { ring: 'R', role: null, group: null, structure: null }],
      ['b', { ring: null, role: null, group: null, structure: null }],
    ]);
    const r = evaluateStructures({ truth: t, clusters: new Map(), flagged: new Set() });
    expect(r.rings.map((x) => x.structure)).toEqual(['ring']);
    expect(r.honest.map((x) => x.structure)).toEqual(['honest']);
  });

  it('formats both tables with totals', () => {
    const text = formatStructureReport(report);
    expect(text).toMatch(/^ring structure\s+rings\s+shops\s+whole\s+whole\+flagged\s+partial\s+split\s+unclustered\s+shops flagged$/m);
    expect(text).toMatch(/^chain_ring\s+2\s+6\s+1\s+1\s+0\s+1\s+0\s+4 \(0\.667\)$/m);
    expect(text).toMatch(/^all rings\s+4\s+10\s+1\s+1\s+1\s+1\s+1\s+4 \(0\.400\)$/m);
    expect(text).toMatch(/^family\s+4\s+1 \(0\.250\)\s+2\s+1$/m);
    expect(text).toMatch(/^independent\s+2\s+1 \(0\.500\)\s+-\s+-$/m);
  });
});
