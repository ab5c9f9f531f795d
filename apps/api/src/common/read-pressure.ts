import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Requests being answered right now, so bulk work can step aside for them. On two cores a listings
 * import writing flat out took read p95s from tens of milliseconds to one or two seconds (bench:api
 * --during-import): an analyst waiting on a page matters more than an import finishing a little sooner.
 */
@Injectable()
export class ReadPressure {
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  /** Counts every request from arrival until its answer is sent (or the client goes away). */
  middleware() {
    return (_request: Request, response: Response, next: NextFunction): void => {
      this.inFlight++;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        this.inFlight--;
        if (this.inFlight === 0) for (const wake of this.waiters.splice(0)) wake();
      };
      response.on('finish', finish);
      response.on('close', finish);
      next();
    };
  }

  get busy(): number {
    return this.inFlight;
  }

  /**
   * Resolves when no request is being answered, or after `maxWaitMs` at most (0: at once); true when
   * requests were being answered as it was called and stepping aside is on (the caller should).
   */
  async quiet(maxWaitMs: number): Promise<boolean> {
    if (this.inFlight === 0 || maxWaitMs <= 0) return false;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve();
      }, maxWaitMs);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(wake);
    });
    return true;
  }
}
