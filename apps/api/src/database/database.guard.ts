import { Inject, Injectable, type CanActivate } from '@nestjs/common';
import { DatabaseMonitor } from './database-monitor';

/**
 * Registered before the roles guard, so while the database is away a request (sign-in and /health
 * included) gets 503 with the cause at once, not a 500 after the driver's timeouts, and a signed-in one
 * does not wait on the token check. Static files (the explorer) are not routes and are still served.
 */
@Injectable()
export class DatabaseGuard implements CanActivate {
  constructor(@Inject(DatabaseMonitor) private readonly monitor: DatabaseMonitor) {}

  canActivate(): boolean {
    this.monitor.assertAvailable();
    return true;
  }
}
