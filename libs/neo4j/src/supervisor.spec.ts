import { describe, expect, it } from 'vitest';
import { backoffDelay, ProcessSupervisor, type ProcessExit, type SupervisedProcess, type SupervisorClock, type SupervisorEvent } from './supervisor';

/** A process the test kills by hand. */
class FakeProcess implements SupervisedProcess {
  readonly exited: Promise<ProcessExit>;
  stops = 0;
  private end!: (exit: ProcessExit) => void;
  constructor(readonly pid: number) {
    this.exited = new Promise((resolve) => (this.end = resolve));
  }
  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    this.end({ code: null, signal });
  }
  stop(): Promise<void> {
    this.stops++;
    this.end({ code: 0, signal: null });
    return Promise.resolve();
  }
}

/** Virtual time: sleep records the delay and advances the clock at once. */
function fakeClock(): SupervisorClock & { slept: number[]; advance(ms: number): void } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    advance: (ms) => void (now += ms),
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('backoffDelay', () => {
  it('doubles from the base and stops at the ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelay(a, 1000, 30_000))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(backoffDelay(200, 1000, 30_000)).toBe(30_000);
    expect(() => backoffDelay(0, 1000, 30_000)).toThrow(/supervisor: attempt/);
  });
});

describe('ProcessSupervisor', () => {
  it('restarts a process that died, with doubling back-off while starts fail, and logs each event', async () => {
    const clock = fakeClock();
    const events: SupervisorEvent[] = [];
    let nextPid = 2;
    let failuresLeft = 2;
    const started: FakeProcess[] = [];
    const first = new FakeProcess(1);
    const supervisor = new ProcessSupervisor(first, {
      backoffMs: 1000,
      maxBackoffMs: 30_000,
      stableMs: 60_000,
      clock,
      onEvent: (e) => events.push(e),
      start: () => {
        clock.advance(5000);
        if (failuresLeft-- > 0) return Promise.reject(new Error('neo4j-local: port in use'));
        const p = new FakeProcess(nextPid++);
        started.push(p);
        return Promise.resolve(p);
      },
    });
    clock.advance(120_000);
    first.kill();
    await flush();
    await flush();
    expect(started).toHaveLength(1);
    expect(supervisor.current).toBe(started[0]);
    expect(clock.slept).toEqual([1000, 2000, 4000]);
    expect(events.map((e) => e.type)).toEqual(['exited', 'restarting', 'restart-failed', 'restarting', 'restart-failed', 'restarting', 'restarted']);
    expect(events[0]).toMatchObject({ pid: 1, signal: 'SIGKILL', uptimeMs: 120_000 });
    // Down from the exit to the third start's end: three sleeps and three starts of 5 s each.
    expect(events.at(-1)).toEqual({ type: 'restarted', pid: 2, attempt: 3, downMs: 7000 + 15_000 });
    await supervisor.stop();
  });

  it('keeps the back-off growing for a process that dies soon after each start, and resets it after a stable run', async () => {
    const clock = fakeClock();
    const processes: FakeProcess[] = [new FakeProcess(1)];
    const supervisor = new ProcessSupervisor(processes[0]!, {
      backoffMs: 500,
      maxBackoffMs: 4000,
      stableMs: 60_000,
      clock,
      start: () => {
        const p = new FakeProcess(processes.length + 1);
        processes.push(p);
        return Promise.resolve(p);
      },
    });
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      (supervisor.current as FakeProcess).kill();
      await flush();
      await flush();
    }
    expect(clock.slept).toEqual([500, 1000, 2000, 4000, 4000]);
    clock.advance(60_000);
    (supervisor.current as FakeProcess).kill();
    await flush();
    await flush();
    expect(clock.slept.at(-1)).toBe(500);
    await supervisor.stop();
  });

  it('restarts nothing after stop(), which stops the current process', async () => {
    const clock = fakeClock();
    const first = new FakeProcess(1);
    let starts = 0;
    const supervisor = new ProcessSupervisor(first, {
      backoffMs: 1000,
      maxBackoffMs: 1000,
      stableMs: 1000,
      clock,
      start: () => {
        starts++;
        return Promise.resolve(new FakeProcess(9));
      },
    });
    await supervisor.stop();
    expect(first.stops).toBe(1);
    await flush();
    expect(starts).toBe(0);
  });

  it('does not wait out a long back-off when stopped while waiting', async () => {
    const first = new FakeProcess(1);
    let starts = 0;
    const supervisor = new ProcessSupervisor(first, {
      backoffMs: 3_600_000,
      maxBackoffMs: 3_600_000,
      stableMs: 1000,
      start: () => {
        starts++;
        return Promise.resolve(new FakeProcess(2));
      },
    });
    first.kill();
    await flush();
    const began = Date.now();
    await supervisor.stop();
    expect(Date.now() - began).toBeLessThan(1000);
    expect(starts).toBe(0);
  });

  it('takes the process offline for a piece of work, starts it again after it (no back-off), and goes on supervising', async () => {
    const clock = fakeClock();
    const events: SupervisorEvent[] = [];
    const started: FakeProcess[] = [];
    const first = new FakeProcess(1);
    const supervisor = new ProcessSupervisor(first, {
      backoffMs: 1000,
      maxBackoffMs: 30_000,
      stableMs: 60_000,
      clock,
      onEvent: (e) => events.push(e),
      start: async () => {
        const p = new FakeProcess(10 + started.length);
        started.push(p);
        return p;
      },
    });
    let startedDuringWork = -1;
    const result = await supervisor.offline(async () => {
      await flush();
      startedDuringWork = started.length;
      return 'imported';
    });
    expect(result).toBe('imported');
    expect(first.stops).toBe(1);
    // Nothing was started while the work ran, and the restart waited for no back-off.
    expect(startedDuringWork).toBe(0);
    expect(started).toHaveLength(1);
    expect(clock.slept).toEqual([]);
    expect(supervisor.current).toBe(started[0]);
    expect(events.map((e) => e.type)).toEqual(['offline', 'online']);

    // The work's error is the caller's; the process is back all the same.
    await expect(supervisor.offline(() => Promise.reject(new Error('importer failed')))).rejects.toThrow('importer failed');
    expect(supervisor.current).toBe(started[1]);

    // Supervision goes on: a death after that is restarted as before.
    started[1]!.kill();
    await flush();
    await flush();
    expect(supervisor.current).toBe(started[2]);
    expect(events.map((e) => e.type).slice(-3)).toEqual(['exited', 'restarting', 'restarted']);
    await supervisor.stop();
  });
});
