import { describe, expect, it } from 'vitest';
import { landing, parseRoute } from './router';

describe('explorer routes', () => {
  it('reads views, ids and parameters from the hash', () => {
    expect(parseRoute('')).toMatchObject({ name: 'clusters' });
    expect(parseRoute('#/clusters?flagged=true&sort=size')).toMatchObject({ name: 'clusters' });
    expect(parseRoute('#/clusters?flagged=true&sort=size').params.get('sort')).toBe('size');
    expect(parseRoute('#/clusters/C000042')).toMatchObject({ name: 'cluster', id: 'C000042' });
    expect(parseRoute('#/shops/S%3A1?depth=2')).toMatchObject({ name: 'shop', id: 'S:1' });
    expect(parseRoute('#/shutdowns/abc')).toMatchObject({ name: 'shutdown', id: 'abc' });
    expect(parseRoute('#/alerts?status=open')).toMatchObject({ name: 'alerts' });
    expect(parseRoute('#/nonsense')).toMatchObject({ name: 'clusters' });
  });

  it('lands those who work cases on the inbox, only from an empty route', () => {
    const caseWorker = (p: string) => p === 'cases.write' || p === 'cases.read';
    const reader = (p: string) => p === 'cases.read' || p === 'clusters.read';
    expect(landing('', caseWorker)).toBe('#/cases');
    expect(landing('#/', caseWorker)).toBe('#/cases');
    expect(landing('#/clusters/C000042', caseWorker)).toBeNull();
    expect(landing('', reader)).toBeNull();
  });
});
