/**
 * The edge-list file of `npm run detect -- --edges g.tsv`: one edge per line, `source target [weight]`,
 * columns separated by tabs or spaces, `#` comment lines and blank lines ignored, CRLF line ends
 * accepted. Read strictly, so that a file is never half understood:
 * - a first line that names its columns (`source target [weight]`, or src/dst, from/to, node1/node2,
 *   u/v, with `weight`/`w`) is a header: recognised and skipped, never read as two nodes; any other
 *   first line whose third column is not a number is refused;
 * - a weight is a plain positive decimal (`2`, `0.5`, `1e-3`): hexadecimal (`0x10`), negative, zero,
 *   `NaN` or `Infinity` are refused with the line number, as are lines of one column or more than three;
 * - self-loops are kept (a loop adds its weight twice to its node's degree, as in networkx and igraph)
 *   and duplicate edges, in either direction, are kept as parallel edges, which for modularity and CPM
 *   is the same as one edge of the summed weight; both are counted so the caller can say so.
 */

export class EdgeListFileError extends Error {
  constructor(message: string) {
    super(`detect: ${message}`);
    this.name = 'EdgeListFileError';
  }
}

export interface ParsedEdgeList {
  /** Node names in order of first appearance. */
  readonly names: string[];
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly weight: Float64Array;
  /** The header line's columns when the first line was one, else null. */
  readonly header: string[] | null;
  readonly selfLoops: number;
  /** Edges joining a pair of nodes an earlier edge already joined (in either direction). */
  readonly duplicates: number;
  readonly weighted: boolean;
}

const SOURCE_NAMES = new Set(['source', 'src', 'from', 'node1', 'node_1', 'u', 'source_id', 'from_id']);
const TARGET_NAMES = new Set(['target', 'dst', 'to', 'node2', 'node_2', 'v', 'target_id', 'to_id']);
const WEIGHT_NAMES = new Set(['weight', 'w', 'value']);
/** A plain decimal: no sign, no hexadecimal, no NaN/Infinity (Number() would take all of those). */
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** What a (bad) number looks like: a first line whose third column is not even this is a header or nothing. */
const NUMBER_LIKE = /^[+-]?(0x[\da-f]+|(\d+\.?\d*|\.\d+)(e[+-]?\d+)?|infinity|nan)$/i;

export function parseEdgeList(text: string): ParsedEdgeList {
  const index = new Map<string, number>();
  const names: string[] = [];
  const at = (name: string) => {
    let i = index.get(name);
    if (i === undefined) {
      i = names.length;
      index.set(name, i);
      names.push(name);
    }
    return i;
  };
  const src: number[] = [];
  const dst: number[] = [];
  const weight: number[] = [];
  const pairs = new Set<string>();
  let header: string[] | null = null;
  let first = true;
  let selfLoops = 0;
  let duplicates = 0;
  let weighted = false;
  let firstEdgeLine = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const cols = trimmed.split(/[\t ]+/);
    const where = `line ${i + 1}`;
    if (first) {
      first = false;
      const lower = cols.map((c) => c.toLowerCase());
      if (cols.length >= 2 && SOURCE_NAMES.has(lower[0]!) && TARGET_NAMES.has(lower[1]!) && (cols.length === 2 || WEIGHT_NAMES.has(lower[2]!))) {
        if (cols.length > 3) throw new EdgeListFileError(`${where}: a header of ${cols.length} columns; the format is source<TAB>target[<TAB>weight]`);
        header = cols;
        continue;
      }
      if (cols.length === 3 && !NUMBER_LIKE.test(cols[2]!))
        throw new EdgeListFileError(
          `${where}: "${trimmed}" is neither an edge (its weight "${cols[2]}" is not a number) nor a header (name the columns source, target, weight)`,
        );
    }
    if (cols.length === 1) throw new EdgeListFileError(`${where}: one column ("${trimmed}"); an edge is source<TAB>target[<TAB>weight]`);
    if (cols.length > 3) throw new EdgeListFileError(`${where}: ${cols.length} columns; an edge is source<TAB>target[<TAB>weight], nothing more`);
    let w = 1;
    if (cols.length === 3) {
      const text = cols[2]!;
      if (!DECIMAL.test(text)) {
        const why = /^[+-]?0x/i.test(text) ? 'hexadecimal is not accepted' : text.startsWith('-') ? 'weights must be positive' : 'not a decimal number';
        throw new EdgeListFileError(`${where}: weight "${text}": ${why}`);
      }
      w = Number(text);
      if (!(w > 0) || !Number.isFinite(w)) throw new EdgeListFileError(`${where}: weight "${text}": weights must be positive and finite`);
      weighted = true;
    }
    if (src.length === 0) firstEdgeLine = i + 1;
    const a = at(cols[0]!);
    const b = at(cols[1]!);
    if (a === b) selfLoops++;
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    if (pairs.has(key)) duplicates++;
    else pairs.add(key);
    src.push(a);
    dst.push(b);
    weight.push(w);
  }
  if (src.length === 0)
    throw new EdgeListFileError(header ? 'the file has a header but no edges' : 'the file has no edges (only blank or # comment lines, or nothing)');
  // A header with names we do not know: the first edge joins two words, seen nowhere else, in a file
  // whose every other node is a number. Refused rather than read as two nodes.
  const numeric = /^-?\d+$/;
  if (header === null && src.length > 1 && !numeric.test(names[src[0]!]!) && !numeric.test(names[dst[0]!]!)) {
    const others = new Set<number>();
    for (let e = 1; e < src.length; e++) {
      others.add(src[e]!);
      others.add(dst[e]!);
    }
    if (!others.has(src[0]!) && !others.has(dst[0]!) && names.every((name, v) => v === src[0] || v === dst[0] || numeric.test(name)))
      throw new EdgeListFileError(
        `line ${firstEdgeLine}: "${names[src[0]!]} ${names[dst[0]!]}" looks like a header (every other node is a number); name the columns source, target[, weight] or remove the line`,
      );
  }
  return { names, src: Int32Array.from(src), dst: Int32Array.from(dst), weight: Float64Array.from(weight), header, selfLoops, duplicates, weighted };
}
