/**
 * Keeps a server process alive: when it exits without being asked to, it is started again after a
 * back-off that doubles with each consecutive failure (a start that fails, or a server that dies soon
 * after starting), up to a ceiling, and falls back to the base once a server has stayed up for a while.
 * Pure: the process, the clock and the sleep are injected, so the policy is tested without a JVM.
 */

/** How a supervised process ended. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** What the supervisor needs of a process. */
export interface SupervisedProcess {
  readonly pid: number;
  /** Settles once, when the process has ended, however it ended. */
  readonly exited: Promise<ProcessExit>;
  stop(): Promise<void>;
}

export interface SupervisorClock {
  now(): number;
  /** Resolves after ms, or at once when the signal aborts (stop() does not wait out a back-off). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export type SupervisorEvent =
  | { readonly type: 'exited'; readonly pid: number; readonly code: number | null; readonly signal: string | null; readonly uptimeMs: number }
  | { readonly type: 'restarting'; readonly attempt: number; readonly delayMs: number }
  | { readonly type: 'restarted'; readonly pid: number; readonly attempt: number; readonly downMs: number }
  | { readonly type: 'restart-failed'; readonly attempt: number; readonly error: string }
  /** Stopped on purpose for work that needs it down (offline()), and started again after it. */
  | { readonly type: 'offline'; readonly pid: number }
  | { readonly type: 'online'; readonly pid: number; readonly downMs: number };

export interface SupervisorOptions<P extends SupervisedProcess> {
  /** Starts a new process and resolves once it is ready to serve. */
  readonly start: () => Promise<P>;
  /** Delay before the first restart; doubled for each further consecutive attempt. */
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  /** A process that stayed up this long resets the back-off to its base. */
  readonly stableMs: number;
  readonly clock?: SupervisorClock;
  readonly onEvent?: (event: SupervisorEvent) => void;
}

export const SYSTEM_CLOCK: SupervisorClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    }),
};

/** The delay before restart attempt `attempt` (1-based): base, 2×base, 4×base, … capped. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`supervisor: attempt must be a positive integer, got ${attempt}`);
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
}

export class ProcessSupervisor<P extends SupervisedProcess> {
  private process: P;
  private startedAt: number;
  private stopped = false;
  /** Set while offline() holds the process down: the exit is planned, and the restart waits for the work. */
  private pause: { readonly resumed: Promise<void>; readonly settle: (error?: unknown) => void } | null = null;
  private readonly aborter = new AbortController();
  private readonly clock: SupervisorClock;
  private readonly emit: (event: SupervisorEvent) => void;
  /** Settles when the watch loop ends (after stop()); for tests and orderly shutdown. */
  readonly done: Promise<void>;

  constructor(
    initial: P,
    private readonly options: SupervisorOptions<P>,
  ) {
    if (!(options.backoffMs >= 0) || !(options.maxBackoffMs >= options.backoffMs)) throw new Error('supervisor: need 0 <= backoffMs <= maxBackoffMs');
    this.process = initial;
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.emit = options.onEvent ?? (() => {});
    this.startedAt = this.clock.now();
    this.done = this.watch();
  }

  /** The process serving now (a new one after each restart). */
  get current(): P {
    return this.process;
  }

  /** Ends supervision and stops the current process; nothing is restarted after this. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.aborter.abort();
    await this.process.stop();
    await this.done;
  }

  /**
   * Takes the process down for work that needs it stopped (Neo4j's offline importer over its store),
   * then starts it again at once and goes on supervising: the exit is a planned one, not a death. Resolves
   * with the work's result once the process is back; rejects with the work's error (the process is
   * started again all the same), or with the restart's when that fails (supervision then goes on retrying
   * with its back-off).
   */
  async offline<T>(work: () => Promise<T>): Promise<T> {
    if (this.stopped) throw new Error('supervisor: stopped');
    if (this.pause) throw new Error('supervisor: the process is already offline');
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    let settle!: (error?: unknown) => void;
    const back = new Promise<void>((resolve, reject) => (settle = (error) => (error === undefined ? resolve() : reject(error))));
    this.pause = { resumed, settle };
    try {
      await this.process.stop();
      let outcome: { ok: true; value: T } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, value: await work() };
      } catch (error) {
        outcome = { ok: false, error };
      }
      resume();
      await back;
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    } finally {
      this.pause = null;
    }
  }

  /** After a planned stop: waits for the work, starts the process once; false when that start failed (the caller retries). */
  private async comeBack(pause: NonNullable<typeof this.pause>, pid: number): Promise<boolean> {
    this.emit({ type: 'offline', pid });
    const downSince = this.clock.now();
    await Promise.race([pause.resumed, new Promise<void>((resolve) => this.aborter.signal.addEventListener('abort', () => resolve(), { once: true }))]);
    if (this.stopped) {
      pause.settle(new Error('supervisor: stopped while offline'));
      return true;
    }
    try {
      const next = await this.options.start();
      if (this.stopped) {
        await next.stop();
        pause.settle(new Error('supervisor: stopped while offline'));
        return true;
      }
      this.process = next;
      this.startedAt = this.clock.now();
      this.emit({ type: 'online', pid: next.pid, downMs: this.startedAt - downSince });
      pause.settle();
      return true;
    } catch (error) {
      this.emit({ type: 'restart-failed', attempt: 0, error: error instanceof Error ? error.message : String(error) });
      pause.settle(error);
      return false;
    }
  }

  private async watch(): Promise<void> {
    let attempt = 0;
    for (;;) {
      const exit = await this.process.exited;
      if (this.stopped) return;
      const pause = this.pause;
      if (pause && (await this.comeBack(pause, this.process.pid))) {
        if (this.stopped) return;
        attempt = 0;
        continue;
      }
      const downSince = this.clock.now();
      const uptimeMs = downSince - this.startedAt;
      this.emit({ type: 'exited', pid: this.process.pid, code: exit.code, signal: exit.signal, uptimeMs });
      // A server that ran a good while before dying is a fresh failure, not the next of a series.
      if (uptimeMs >= this.options.stableMs) attempt = 0;
      for (;;) {
        attempt++;
        const delayMs = backoffDelay(attempt, this.options.backoffMs, this.options.maxBackoffMs);
        this.emit({ type: 'restarting', attempt, delayMs });
        await this.clock.sleep(delayMs, this.aborter.signal);
        if (this.stopped) return;
        try {
          const next = await this.options.start();
          if (this.stopped) {
            await next.stop();
            return;
          }
          this.process = next;
          this.startedAt = this.clock.now();
          this.emit({ type: 'restarted', pid: next.pid, attempt, downMs: this.startedAt - downSince });
          break;
        } catch (error) {
          this.emit({ type: 'restart-failed', attempt, error: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  }
}
