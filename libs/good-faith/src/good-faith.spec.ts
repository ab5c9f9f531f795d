import { describe, expect, it } from 'vitest';
import { DEFAULTS, goodFaithOptions, laneFor, reviewDueAt, sampledForReview, seededHash, standing, type Outcomes } from './index';

const outcomes = (o: Partial<Outcomes>): Outcomes => ({ decided: 0, against: 0, takenDown: 0, appealed: 0, pending: 0, ...o });

describe('standing', () => {
  it('trusts a reporter with enough history, accuracy at the threshold and few appeals', () => {
    const s = standing(outcomes({ decided: 20, against: 2, takenDown: 20, appealed: 0 }));
    expect(s).toMatchObject({ accuracy: 0.9, appealRate: 0, trusted: true });
    expect(s.reason).toBe('accuracy 90 % over 20 decided reports, appeal rate 0 %');
    expect(laneFor(s)).toBe('fast');
  });

  it('needs the minimum history however accurate the reporter is', () => {
    const s = standing(outcomes({ decided: 19, takenDown: 19 }));
    expect(s).toMatchObject({ accuracy: 1, trusted: false, reason: 'needs 20 decided reports, has 19' });
    expect(laneFor(s)).toBe('review');
    expect(standing(outcomes({})).accuracy).toBeNull();
  });

  it('refuses an accuracy below the threshold', () => {
    const s = standing(outcomes({ decided: 40, against: 5, takenDown: 40 }));
    expect(s.accuracy).toBeCloseTo(0.875, 10);
    expect(s).toMatchObject({ trusted: false, reason: 'accuracy 87.5 % is below 90 %' });
  });

  it('refuses an appeal rate of 5 % or more even when accuracy holds', () => {
    // 2 appeals of 40 takedowns: 5 %, not below 5 %; accuracy 38/40 = 95 %.
    const s = standing(outcomes({ decided: 40, against: 2, takenDown: 40, appealed: 2 }));
    expect(s).toMatchObject({ accuracy: 0.95, appealRate: 0.05, trusted: false, reason: 'appeal rate 5 % is not below 5 %' });
    expect(standing(outcomes({ decided: 41, against: 2, takenDown: 41, appealed: 2 })).trusted).toBe(true);
  });

  it('follows its options: a stricter accuracy, a shorter history', () => {
    const o = goodFaithOptions({ minAccuracy: 0.99, minDecided: 5 });
    expect(standing(outcomes({ decided: 5, takenDown: 5 }), o).trusted).toBe(true);
    expect(standing(outcomes({ decided: 100, against: 2, takenDown: 100 }), o).trusted).toBe(false);
  });

  it('refuses impossible counts, naming the module', () => {
    expect(() => standing(outcomes({ decided: 1, against: 2 }))).toThrow(/^good-faith: against \(2\) cannot exceed decided \(1\)/);
    expect(() => standing(outcomes({ takenDown: 1, appealed: 2 }))).toThrow(/appealed/);
    expect(() => standing(outcomes({ decided: -1 }))).toThrow(/decided must be a non-negative whole number/);
  });
});

describe('options', () => {
  it('defaults to 90 % accuracy, 20 decided reports, appeals below 5 %, 10 % sampled, 24 h review target', () => {
    expect(goodFaithOptions()).toEqual({ minAccuracy: 0.9, minDecided: 20, maxAppealRate: 0.05, sampleRate: 0.1, sampleSeed: 42, reviewTargetHours: 24 });
  });

  it('names a bad option', () => {
    expect(() => goodFaithOptions({ minAccuracy: 1.5 })).toThrow('good-faith: minAccuracy must be between 0 and 1, got 1.5');
    expect(() => goodFaithOptions({ minDecided: 0 })).toThrow(/minDecided/);
    expect(() => goodFaithOptions({ reviewTargetHours: 0 })).toThrow(/reviewTargetHours/);
    expect(() => goodFaithOptions({ sampleSeed: 1.5 })).toThrow(/sampleSeed/);
  });
});

describe('review target and sampling', () => {
  it('puts the due time the target hours after queueing', () => {
    expect(reviewDueAt(new Date('2026-01-01T10:00:00Z'), { reviewTargetHours: 6 }).toISOString()).toBe('2026-01-01T16:00:00.000Z');
  });

  it('samples deterministically, close to the rate, differently per seed', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `takedown-${i}`);
    const first = ids.filter((id) => sampledForReview(id, { sampleRate: 0.1, sampleSeed: 7 }));
    const again = ids.filter((id) => sampledForReview(id, { sampleRate: 0.1, sampleSeed: 7 }));
    const other = ids.filter((id) => sampledForReview(id, { sampleRate: 0.1, sampleSeed: 8 }));
    expect(again).toEqual(first);
    expect(first.length / ids.length).toBeGreaterThan(0.09);
    expect(first.length / ids.length).toBeLessThan(0.11);
    expect(other).not.toEqual(first);
    expect(ids.every((id) => !sampledForReview(id, { sampleRate: 0, sampleSeed: 7 }))).toBe(true);
    expect(ids.every((id) => sampledForReview(id, { sampleRate: 1, sampleSeed: 7 }))).toBe(true);
  });

  it('spreads neighbouring ids over the whole hash range', () => {
    const buckets = new Array<number>(16).fill(0);
    for (let i = 0; i < 16_000; i++) buckets[seededHash(String(i), DEFAULTS.sampleSeed) >>> 28]!++;
    for (const b of buckets) expect(Math.abs(b - 1000)).toBeLessThan(150);
  });
});
