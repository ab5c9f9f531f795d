import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { ReadPressure } from './read-pressure';

const request = (pressure: ReadPressure) => {
  const response = new EventEmitter();
  pressure.middleware()({} as Request, response as unknown as Response, () => undefined);
  return response;
};

describe('ReadPressure', () => {
  it('counts requests until answered, once each, and wakes a waiting import when the last one ends', async () => {
    const pressure = new ReadPressure();
    const [a, b] = [request(pressure), request(pressure)];
    expect(pressure.busy).toBe(2);
    let woke = false;
    const waiting = pressure.quiet(10_000).then(() => (woke = true));
    a.emit('finish');
    a.emit('close');
    await new Promise((r) => setTimeout(r, 5));
    expect([pressure.busy, woke]).toEqual([1, false]);
    b.emit('close');
    await waiting;
    expect([pressure.busy, woke]).toEqual([0, true]);
  });

  it('never waits longer than asked, and not at all when idle or switched off', async () => {
    const pressure = new ReadPressure();
    request(pressure);
    const t0 = performance.now();
    await pressure.quiet(30);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
    const t1 = performance.now();
    await pressure.quiet(0);
    await new ReadPressure().quiet(10_000);
    expect(performance.now() - t1).toBeLessThan(20);
  });
});
