import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** Measuring helpers of the benchmarks, with nothing of the API: an engine benchmark imports only these. */
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

export function directorySize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/**
 * Samples this process's RSS; `peak()` is the highest seen. The sampling runs on a worker thread: a
 * timer on the main thread would never fire while synchronous work (Louvain, projection) holds it.
 */
export function rssSampler(intervalMs = 100): { peak(): number; stop(): void } {
  const seen = new Float64Array(new SharedArrayBuffer(8));
  seen[0] = process.memoryUsage.rss();
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const { seen, intervalMs } = workerData;
     setInterval(() => { seen[0] = Math.max(seen[0], process.memoryUsage.rss()); }, intervalMs);`,
    { eval: true, workerData: { seen, intervalMs } },
  );
  worker.unref();
  return {
    peak: () => Math.max(seen[0]!, process.memoryUsage.rss()),
    stop: () => void worker.terminate(),
  };
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
