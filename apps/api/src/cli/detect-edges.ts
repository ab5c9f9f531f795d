import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@ringwatch/config';
import { detectEdgeList, EdgeListFileError, formatPartition, parseEdgeList } from '@ringwatch/detection';

/**
 * The edge-list tool, `npm run detect -- --edges g.tsv --out p.tsv`: community detection on a plain
 * edge list, as a graph library would do it (the whole graph, standard modularity γ = 1 by default).
 * It imports neither NestJS nor Neo4j: scripts/detect.mjs runs it from a bundle built once with esbuild
 * (dist/, git-ignored), so a run costs Node's start-up and the algorithm, not TypeScript compilation.
 * Everything that can be checked before the work is: options, the input file, the output folder.
 */

export const EDGE_LIST_USAGE = `usage: npm run detect -- --edges graph.tsv --out partition.tsv [options]
  --engine leiden|louvain        default leiden
  --quality modularity|cpm       default modularity
  --resolution γ                 default 1 for modularity; required for cpm (the density a community must exceed)
  --seed N                       default DETECTION_SEED (42)
  --threads 1|2                  default DETECTION_THREADS (1)
input: source<TAB>target[<TAB>weight] (tabs or spaces), # comments; a header line naming the columns
  (source target [weight]) is skipped; self-loops kept (a loop counts twice in its node's degree);
  duplicate edges kept as parallel edges (the same as one edge of the summed weight).
output: node<TAB>community, after a # comment line with the engine and the qualities.`;

export function runEdgeList(argv: string[], env: Record<string, string | undefined>, cwd: string): void {
  const fail = (message: string): never => {
    throw new EdgeListFileError(`${message}\n${EDGE_LIST_USAGE}`);
  };
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        edges: { type: 'string' },
        out: { type: 'string' },
        engine: { type: 'string', default: 'leiden' },
        quality: { type: 'string', default: 'modularity' },
        resolution: { type: 'string' },
        seed: { type: 'string' },
        threads: { type: 'string' },
      },
    }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const config = loadConfig(env).detection;
  if (!values.edges) fail('--edges is required');
  if (!values.out) fail('--out is required with --edges');
  if (values.engine !== 'leiden' && values.engine !== 'louvain') fail(`--engine must be leiden or louvain, not "${values.engine}"`);
  if (values.quality !== 'modularity' && values.quality !== 'cpm') fail(`--quality must be modularity or cpm, not "${values.quality}"`);
  const number = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
  if (values.quality === 'cpm' && values.resolution === undefined) fail('--quality cpm needs --resolution (the density a community must exceed, e.g. 0.05)');
  if (values.resolution !== undefined && !(number.test(values.resolution) && Number(values.resolution) > 0))
    fail(`--resolution must be a number > 0, not "${values.resolution}"`);
  if (values.seed !== undefined && !(/^\d+$/.test(values.seed) && Number(values.seed) < 2 ** 31))
    fail(`--seed must be a whole number below 2^31, not "${values.seed}"`);
  if (values.threads !== undefined && values.threads !== '1' && values.threads !== '2') fail(`--threads must be 1 or 2, not "${values.threads}"`);

  const input = path.resolve(cwd, values.edges!);
  const out = path.resolve(cwd, values.out!);
  if (!fs.existsSync(input)) throw new EdgeListFileError(`input file ${input} does not exist`);
  if (!fs.statSync(input).isFile()) throw new EdgeListFileError(`input ${input} is not a file`);
  const folder = path.dirname(out);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new EdgeListFileError(`output folder ${folder} does not exist`);
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new EdgeListFileError(`output ${out} is a folder, not a file`);

  const started = performance.now();
  const edges = parseEdgeList(fs.readFileSync(input, 'utf8'));
  const read = performance.now();
  const partition = detectEdgeList(edges, {
    engine: values.engine as 'leiden' | 'louvain',
    quality: values.quality as 'modularity' | 'cpm',
    resolution: values.resolution === undefined ? 1 : Number(values.resolution),
    seed: values.seed === undefined ? config.seed : Number(values.seed),
    threads: values.threads === undefined ? config.threads : (Number(values.threads) as 1 | 2),
  });
  const detected = performance.now();
  fs.writeFileSync(out, formatPartition(partition));
  console.log(
    JSON.stringify({
      nodes: partition.names.length,
      edges: partition.edges,
      header: edges.header === null ? null : `line skipped: ${edges.header.join(' ')}`,
      selfLoops: edges.selfLoops,
      duplicateEdges: edges.duplicates,
      engine: partition.engine,
      communities: partition.communities,
      modularity: partition.modularity,
      modularityNote: 'standard modularity Q (γ = 1) of the partition',
      optimised: partition.objective,
      seconds: { read: (read - started) / 1000, detect: (detected - read) / 1000 },
      out,
    }),
  );
}
