import { describe, expect, it } from 'vitest';
import { JsonLogger } from './json-logger';

describe('JsonLogger', () => {
  it('writes one JSON object per line with the module and filters by level', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('info', (l) => lines.push(l));
    logger.log('started', 'NestFactory');
    logger.debug('noise', 'x');
    logger.error('boom', 'Error: boom\n    at f (a.ts:1:1)', 'http');
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ level: 'info', module: 'NestFactory', msg: 'started' });
    expect(second).toMatchObject({ level: 'error', module: 'http', msg: 'boom' });
    expect(String(second!.stack)).toContain('at f');
  });
});
