import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@ringwatch/config';
import { detectEdgeList, ENGINES, formatPartition, type DetectionEngine, type DetectionParams } from '@ringwatch/detection';
import { readEdges } from '@ringwatch/evaluation';
import { DetectionService } from '../detection/detection.service';
import { openApiContext } from './context';

const USAGE = `usage:
  npm run detect [-- --resolution R --seed N --engine ${ENGINES.join('|')} --threads 1|2 --out clusters.csv]
  npm run detect -- --edges graph.tsv --out partition.tsv [--resolution R --seed N --engine … --threads 1|2]
     edge list: source<TAB>target[<TAB>weight], # comments; output: node<TAB>cluster`;

const here = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      edges: { type: 'string' },
      out: { type: 'string' },
      resolution: { type: 'string' },
      seed: { type: 'string' },
      engine: { type: 'string' },
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
  if (values.threads !== undefined) {
    if (values.threads !== '1' && values.threads !== '2') throw new Error(`detect: --threads must be 1 or 2\n${USAGE}`);
    overrides.threads = Number(values.threads) as 1 | 2;
  }

  if (values.edges !== undefined) {
    if (!values.out) throw new Error(`detect: --out is required with --edges\n${USAGE}`);
    const { detection } = config;
    const partition = detectEdgeList(await readEdges(here(values.edges)), { ...detection, ...overrides });
    fs.writeFileSync(here(values.out), formatPartition(partition));
    console.log(
      JSON.stringify({
        nodes: partition.names.length,
        edges: partition.edges,
        clusters: partition.clusters,
        modularity: partition.modularity,
        out: here(values.out),
      }),
    );
    return;
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
