import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@ringwatch/config';
import { ENGINES, QUALITIES, type DetectionEngine, type DetectionParams } from '@ringwatch/detection';
import { DetectionService } from '../detection/detection.service';
import { openApiContext } from './context';
import { EDGE_LIST_USAGE, runEdgeList } from './detect-edges';

const USAGE = `usage:
  npm run detect [-- --resolution R --seed N --engine ${ENGINES.join('|')} --quality ${QUALITIES.join('|')} --threads 1|2 --out clusters.csv]
${EDGE_LIST_USAGE.replace(/^usage: /, '  ')}`;

const here = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

async function main(): Promise<void> {
  // The edge-list tool (scripts/detect.mjs runs it from a bundle; this is the same code through tsx).
  if (process.argv.slice(2).some((a) => a === '--edges' || a.startsWith('--edges='))) return runEdgeList(process.argv.slice(2), process.env, here('.'));
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      resolution: { type: 'string' },
      seed: { type: 'string' },
      engine: { type: 'string' },
      quality: { type: 'string' },
      threads: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const config = loadConfig(process.env);
  const overrides: { -readonly [K in keyof DetectionParams]?: DetectionParams[K] } = {};
  if (values.resolution !== undefined) {
    overrides.resolution = Number(values.resolution);
    if (!(overrides.resolution > 0)) throw new Error(`detect: --resolution must be a number > 0\n${USAGE}`);
  }
  if (values.seed !== undefined) {
    if (!/^\d+$/.test(values.seed)) throw new Error(`detect: --seed must be a whole number\n${USAGE}`);
    overrides.seed = Number(values.seed);
  }
  if (values.engine !== undefined) {
    if (!(ENGINES as readonly string[]).includes(values.engine)) throw new Error(`detect: --engine must be one of ${ENGINES.join(', ')}\n${USAGE}`);
    overrides.engine = values.engine as DetectionEngine;
  }
  if (values.quality !== undefined) {
    if (!(QUALITIES as readonly string[]).includes(values.quality)) throw new Error(`detect: --quality must be one of ${QUALITIES.join(', ')}\n${USAGE}`);
    overrides.quality = values.quality as DetectionParams['quality'];
  }
  if (values.threads !== undefined) {
    if (values.threads !== '1' && values.threads !== '2') throw new Error(`detect: --threads must be 1 or 2\n${USAGE}`);
    overrides.threads = Number(values.threads) as 1 | 2;
  }

  const context = await openApiContext(config);
  try {
    const summary = await context.app.get(DetectionService).run(overrides, 'cli', (stage) => process.stderr.write(`detect: ${stage} done\n`));
    if (values.out) {
      const rows = summary.clusters.flatMap((c) => c.members.map((m) => `${m},${c.id},${c.flagged}`));
      fs.writeFileSync(here(values.out), `shop_id,cluster_id,flagged\n${rows.join('\n')}\n`);
    }
    const { clusters: _omitted, ...rest } = summary;
    console.log(JSON.stringify(rest, null, 2));
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
