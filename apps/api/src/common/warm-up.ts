import { Injectable } from '@nestjs/common';

/**
 * The work a process does after it starts so that the first person does not pay for it (parsing fonts,
 * planning queries, compiling hot paths). It runs in the background, so the API answers meanwhile; a
 * load balancer that routes by `GET /health/ready` sends people here only once it has ended.
 */
@Injectable()
export class WarmUp {
  private readonly running = new Map<string, Promise<void>>();

  /** Runs beside the requests; a failure is the caller's to log, it never holds readiness. */
  track(name: string, work: Promise<unknown>): void {
    const done = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.set(name, done);
    void done.then(() => {
      if (this.running.get(name) === done) this.running.delete(name);
    });
  }

  /** What is still warming, by name; empty once the process is ready. */
  pending(): string[] {
    return [...this.running.keys()];
  }
}
