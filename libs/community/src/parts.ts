import type { Level } from './level';
import type { SecondThread } from './parallel';
import { partsRange } from './parts-range';

/**
 * Splits each community into its connected parts. With a second thread each thread searches one half of
 * the nodes and parts that touch across the halves are then joined (union–find, smaller label wins), which
 * gives the same partition as one search.
 */
export function connectedParts(level: Level, comm: Int32Array, second?: SecondThread): Int32Array {
  const { n, offsets, targets } = level;
  if (!second || n < 2) {
    const part = new Int32Array(n);
    partsRange({ offsets, targets, comm, part }, 0, n, false);
    return part;
  }
  const { part, crossings } = second.parts({ offsets, targets, comm, part: new Int32Array(new SharedArrayBuffer(n * 4)) });
  const parent = new Int32Array(n);
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[x] !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  for (let i = 0; i < crossings.length; i += 2) {
    const a = find(part[crossings[i]!]!);
    const b = find(part[crossings[i + 1]!]!);
    if (a < b) parent[b] = a;
    else if (b < a) parent[a] = b;
  }
  const result = new Int32Array(n);
  for (let v = 0; v < n; v++) result[v] = find(part[v]!);
  return result;
}
