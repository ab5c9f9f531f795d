import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, LocalNeo4jError, startLocalNeo4j } from '@ringwatch/neo4j';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../setup/app';

describe('local Neo4j launcher', () => {
  it('refuses a port already in use with a clear message, leaving no process behind', async () => {
    const port = await freePort();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringwatch-port-'));
    try {
      const attempt = startLocalNeo4j({
        launcherDir: path.join(ROOT, 'tools', 'neo4j-local'),
        dataDir,
        port,
        password: 'whatever-123',
        heap: '256m',
        pageCache: '64m',
      });
      await expect(attempt).rejects.toThrow(LocalNeo4jError);
      await expect(attempt).rejects.toThrow(new RegExp(`port ${port} on 127.0.0.1 is already in use`));
    } finally {
      blocker.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
