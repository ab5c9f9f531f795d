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

/** One shop of a truth file. Columns a file does not have are null. */
export interface TruthRow {
  /** The ring, or null for an honest shop. */
  readonly ring: string | null;
  /** What the shop does: ring, ring_isolated (shares nothing with its ring), legit, second_hand … */
  readonly role: string | null;
  /** The legitimate group (family, payment provider's merchants, brand-store group …) an honest shop belongs to. */
  readonly group: string | null;
  /** The structure of the shop's ring or group (classic_ring, chain_ring, family, pooled_account …). */
  readonly structure: string | null;
}

export interface TruthTable {
  readonly shops: Map<string, TruthRow>;
  /** The file names structures (the hard world's truth does; the classic world's does not). */
  readonly hasStructures: boolean;
}

/**
 * truth.csv with its header row: `shop_id,ring_id` first (an empty ring id is an honest shop), then any
 * of `role`, `group_id`, `structure` (and other columns, ignored) in any order.
 */
export async function readTruthTable(file: string): Promise<TruthTable> {
  const shops = new Map<string, TruthRow>();
  let role = -1;
  let group = -1;
  let structure = -1;
  for await (const [n, line] of lines(file)) {
    if (n === 1) {
      if (!line.startsWith('shop_id,ring_id')) throw new EvaluationInputError(`${file}: expected the header shop_id,ring_id, got "${line.slice(0, 60)}"`);
      const header = line.split(',');
      role = header.indexOf('role');
      group = header.indexOf('group_id');
      structure = header.indexOf('structure');
      continue;
    }
    if (line === '') continue;
    const cells = line.split(',');
    const shop = cells[0];
    if (!shop) throw new EvaluationInputError(`${file}:${n}: missing shop_id`);
    const cell = (i: number) => (i < 0 || !cells[i] ? null : cells[i]!);
    shops.set(shop, { ring: cell(1), role: cell(role), group: cell(group), structure: cell(structure) });
  }
  return { shops, hasStructures: structure >= 0 };
}

/** truth.csv → shop → ring id, or null for an honest shop (the input `evaluate` takes). */
export async function readTruth(file: string): Promise<Map<string, string | null>> {
  return ringsOf((await readTruthTable(file)).shops);
}

export function ringsOf(shops: ReadonlyMap<string, TruthRow>): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const [shop, row] of shops) out.set(shop, row.ring);
  return out;
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
