import fs from 'node:fs';
import readline from 'node:readline';

export class EvaluationInputError extends Error {
  constructor(message: string) {
    super(`evaluation: ${message}`);
    this.name = 'EvaluationInputError';
  }
}

async function* lines(file: string): AsyncGenerator<[number, string]> {
  if (!fs.existsSync(file)) throw new EvaluationInputError(`${file} does not exist`);
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) yield [++n, line];
}

/** truth.csv (`shop_id,ring_id[,role]`, header row): shop → ring id, or null for an honest shop. */
export async function readTruth(file: string): Promise<Map<string, string | null>> {
  const truth = new Map<string, string | null>();
  for await (const [n, line] of lines(file)) {
    if (n === 1) {
      if (!line.startsWith('shop_id,ring_id')) throw new EvaluationInputError(`${file}: expected the header shop_id,ring_id, got "${line.slice(0, 60)}"`);
      continue;
    }
    if (line === '') continue;
    const [shop, ring] = line.split(',');
    if (!shop) throw new EvaluationInputError(`${file}:${n}: missing shop_id`);
    truth.set(shop, ring ? ring : null);
  }
  return truth;
}

export interface ClusterFile {
  readonly clusters: Map<string, string>;
  readonly flagged: Set<string>;
}

/** clusters.csv (`shop_id,cluster_id[,flagged]`, header row; flagged is true/false or 1/0). */
export async function readClusters(file: string): Promise<ClusterFile> {
  const clusters = new Map<string, string>();
  const flagged = new Set<string>();
  let hasFlag = false;
  for await (const [n, line] of lines(file)) {
    if (n === 1) {
      if (!line.startsWith('shop_id,cluster_id')) throw new EvaluationInputError(`${file}: expected the header shop_id,cluster_id[,flagged]`);
      hasFlag = line.split(',')[2] === 'flagged';
      continue;
    }
    if (line === '') continue;
    const [shop, cluster, flag] = line.split(',');
    if (!shop || !cluster) throw new EvaluationInputError(`${file}:${n}: needs a shop_id and a cluster_id`);
    clusters.set(shop, cluster);
    if (hasFlag && (flag === 'true' || flag === '1')) flagged.add(cluster);
  }
  return { clusters, flagged };
}

/** A `node<TAB>label` file with `#` comment lines (the public datasets' labels and partitions). */
export async function readLabels(file: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const [n, line] of lines(file)) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [node, label] = line.split('\t');
    if (node === undefined || label === undefined) throw new EvaluationInputError(`${file}:${n}: expected node<TAB>label`);
    out.set(node.trim(), label.trim());
  }
  return out;
}

/** A `source<TAB>target[<TAB>weight]` edge list with `#` comment lines. */
export async function readEdges(file: string): Promise<{ source: string; target: string; weight: number }[]> {
  const out: { source: string; target: string; weight: number }[] = [];
  for await (const [n, line] of lines(file)) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [source, target, weight] = line.split('\t').map((s) => s.trim());
    if (!source || !target) throw new EvaluationInputError(`${file}:${n}: expected source<TAB>target[<TAB>weight]`);
    const w = weight === undefined || weight === '' ? 1 : Number(weight);
    if (!Number.isFinite(w) || w <= 0) throw new EvaluationInputError(`${file}:${n}: weight must be a positive number`);
    out.push({ source, target, weight: w });
  }
  return out;
}
