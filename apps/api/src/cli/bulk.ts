import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { RingwatchConfig } from '@ringwatch/config';
import { LoadError } from '@ringwatch/ingest';
import { runBulkLoad, type BulkHost, type BulkLoadOptions as PipelineOptions, type BulkLoadResult } from '../imports/bulk-load';
import { ImportsRepository } from '../imports/imports.repository';
import { openApiContext, type ApiContext } from './context';

/**
 * `npm run ingest -- --bulk FILE…`: the bulk first load (imports/bulk-load.ts, the pipeline the API's
 * POST /imports/bulk runs too) with the command line as its host: the local server must be stopped (the
 * importer works on the closed store), and is started here only to ask what the store holds and, after
 * the import, to apply migrations and record the Import.
 */

export type { BulkLoadResult } from '../imports/bulk-load';

export interface BulkLoadOptions extends PipelineOptions {
  /** Called with the API's services over the loaded database before it is closed (tests, benchmarks). */
  readonly onLoaded?: (context: ApiContext) => Promise<void>;
}

/** Whether anything accepts connections on the loopback port (a local server that must be stopped first). */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function bulkFirstLoad(config: RingwatchConfig, options: BulkLoadOptions): Promise<BulkLoadResult> {
  const target = options.target ?? config.neo4j;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const withTarget = { ...config, neo4j: target };
  if (target.mode === 'local' && (await portAnswers(target.port))) {
    throw new LoadError(
      `something answers on port ${target.port} (the local Neo4j, run by \`npm start\`?): a bulk load imports into the stopped store, so stop it first (or stage the files with POST /imports?bulk=true and start the load with POST /imports/bulk)`,
    );
  }
  const host: BulkHost = {
    // A folder without a store is empty; otherwise the server is asked (started and stopped for it). A
    // server of one's own is the operator's to check: the importer refuses a database that exists.
    async before(fn) {
      if (target.mode !== 'local' || !fs.existsSync(path.join(target.dataDir, 'data', 'databases', 'neo4j'))) return undefined;
      const context = await openApiContext(withTarget, { log });
      try {
        return await fn(context.app.get(ImportsRepository));
      } finally {
        await context.close();
      }
    },
    async offline(work, after) {
      await work();
      const context = await openApiContext(withTarget, { log });
      try {
        await after(context.app.get(ImportsRepository));
        await options.onLoaded?.(context);
      } finally {
        await context.close();
      }
    },
  };
  return runBulkLoad(config, randomUUID(), { ...options, log, instead: 'load the files without --bulk' }, host);
}
