import { Injectable } from '@nestjs/common';
import { Neo4jRepository } from './neo4j.repository';

/** The round trip the database monitor makes: one auto-commit statement, no retries, a deadline. */
@Injectable()
export class DatabaseProbeRepository extends Neo4jRepository {
  private readonly q = this.registry.bind({ ping: 'database/ping' });

  /** Resolves when the server answered within timeoutMs; rejects with the driver's error or a timeout. */
  async ping(timeoutMs: number): Promise<void> {
    // Not executeQuery: its retries would keep a probe of a dead server waiting for seconds.
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'READ' });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DatabaseTimeoutError(timeoutMs)), timeoutMs);
    });
    try {
      await Promise.race([session.run(this.q.ping).summary(), deadline]);
    } finally {
      clearTimeout(timer);
      // A session stuck on a half-open connection closes in the background; the next probe does not wait.
      void session.close().catch(() => undefined);
    }
  }
}

export class DatabaseTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'DatabaseTimeoutError';
  }
}
