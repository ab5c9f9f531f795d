import type { NextFunction, Request, Response } from 'express';

/**
 * Fixed one-minute windows counted per key in memory: enough for one API process on loopback or behind
 * a proxy that sets the client address. Several API processes would need a shared counter (Redis).
 */
export class RateLimiter {
  private window = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Seconds until the caller may try again; 0 when the request is allowed. */
  hit(key: string): number {
    if (this.perMinute === 0) return 0;
    const now = this.now();
    const window = Math.floor(now / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count > this.perMinute ? Math.ceil(((window + 1) * 60_000 - now) / 1000) : 0;
  }
}

function refuse(req: Request & { id?: string }, res: Response, retryAfter: number, what: string): void {
  res.setHeader('retry-after', String(retryAfter));
  res.status(429).json({ error: { status: 429, code: 'too_many_requests', message: `too many ${what}; retry in ${retryAfter} s`, requestId: req.id } });
}

/**
 * Per client address for every route. Sign-in attempts have their own, lower limits (per address and per
 * account, with lockout): SignInThrottle counts them inside the sign-in handler, so that no spelling of the
 * path that Express routes there (`/Auth/Login/`, `/auth//login`) escapes them, as `/Auth/Login/` escaped an
 * exact path match here.
 */
export function rateLimit(limits: { perMinute: number }) {
  const requests = new RateLimiter(limits.perMinute);
  return (req: Request, res: Response, next: NextFunction): void => {
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const wait = requests.hit(client);
    if (wait > 0) return refuse(req, res, wait, 'requests');
    next();
  };
}
