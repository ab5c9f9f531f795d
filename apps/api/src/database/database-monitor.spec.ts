import { loadConfig } from '@ringwatch/config';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { DatabaseMonitor } from './database-monitor';
import { DatabaseTimeoutError, type DatabaseProbeRepository } from './database-probe.repository';
import { DatabaseUnavailableError } from './database-unavailable';

/** A probe that answers as the test says. */
function monitorWith(answers: (Error | null)[]) {
  const probe = {
    ping: () => {
      const next = answers.shift() ?? null;
      return next === null ? Promise.resolve() : Promise.reject(next);
    },
  } as unknown as DatabaseProbeRepository;
  return new DatabaseMonitor(probe, loadConfig({ NODE_ENV: 'test' }, '/tmp'));
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('DatabaseMonitor', () => {
  it('does not turn routes away on a slow probe or two (a busy database), but health says so; the third in a row does', async () => {
    const slow = () => new DatabaseTimeoutError(800);
    const monitor = monitorWith([slow(), slow(), null, slow(), slow(), slow()]);
    await expect(monitor.check()).rejects.toThrow(/no answer within 800 ms/);
    expect(() => monitor.assertAvailable()).not.toThrow();
    await monitor.probe();
    expect(monitor.state.status).toBe('up');
    await monitor.check();
    await monitor.probe();
    await monitor.probe();
    expect(monitor.state.status).toBe('up');
    await monitor.probe();
    expect(monitor.state).toMatchObject({ status: 'down', cause: 'no answer within 800 ms' });
  });

  it('turns requests away with the cause while the database is down, and runs the recovery work once when it is back', async () => {
    const monitor = monitorWith([new Error('connect ECONNREFUSED 127.0.0.1:7687'), new Error('connect ECONNREFUSED 127.0.0.1:7687'), null, null]);
    const recovered: string[] = [];
    monitor.onRecovered('resume', async () => void recovered.push('resume'));
    monitor.onRecovered('failing', () => Promise.reject(new Error('down again')));
    monitor.onRecovered('imports', async () => void recovered.push('imports'));
    expect(() => monitor.assertAvailable()).not.toThrow();

    await expect(monitor.check()).rejects.toThrow(DatabaseUnavailableError);
    const down = monitor.state;
    expect(down).toMatchObject({ status: 'down', cause: 'connect ECONNREFUSED 127.0.0.1:7687' });
    expect(() => monitor.assertAvailable()).toThrow(/the database is unavailable: connect ECONNREFUSED/);
    await monitor.probe();
    expect(monitor.state.since).toBe(down.since);

    await monitor.probe();
    await monitor.probe();
    await flush();
    expect(monitor.state.status).toBe('up');
    // The failing one is logged and does not stop the others; each ran once for one outage.
    expect(recovered).toEqual(['resume', 'imports']);
  });

  it('turns a driver error that means a lost server into the 503, and leaves other errors alone', () => {
    const monitor = monitorWith([]);
    expect(monitor.translate(new Error('boom'))).toBeUndefined();
    expect(monitor.translate(new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42000', 'syntax'))).toBeUndefined();
    expect(monitor.state.status).toBe('up');
    const lost = monitor.translate(new Neo4jError('Connection was closed by server', 'ServiceUnavailable', '08000', 'lost'));
    expect(lost).toBeInstanceOf(DatabaseUnavailableError);
    expect(lost).toMatchObject({ status: 503, code: 'database_unavailable', details: { cause: 'Connection was closed by server' } });
    expect(monitor.state.status).toBe('down');
  });
});
