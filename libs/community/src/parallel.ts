import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { aggregateRange, type AggregateJob, type AggregatedRows } from './aggregate-range';
import { CommunityInputError } from './csr';
import { visitingOrder, type Level } from './level';
import { partsRange, type PartsJob } from './parts-range';
import { sweep, type SweepArrays } from './sweep';

/**
 * Work on two threads over shared memory: local moving (here), collapsing a level (aggregate-range.ts) and
 * splitting communities into connected parts (parts-range.ts), each for levels too large for one core.
 *
 * Local moving: the nodes are split into two ranges of about equal edge count; the calling thread
 * sweeps one, a worker thread the other. Each thread sees its own range live and the other range as it
 * was at the end of the previous sweep: it keeps its own copy of the membership (`view`) and of the
 * community totals and records its changes to the totals in `delta`; between sweeps each thread adds
 * the other's changes and copies the other's range. So no memory is written by both threads, no update
 * is lost, and the result does not depend on timing: the same seed gives the same partition. The sweep
 * itself is the one-thread sweep (sweep.ts), which also guards against the one pathology of seeing the
 * other range late.
 *
 * The kernel functions below are also the worker's source (Function.prototype.toString), so they use
 * nothing from the module scope but the constants the worker's prelude defines the same way.
 */

const COUNT = 0;
const GENERATION = 1;
const MOVES = 2;
const FAILED = 4;
const SEQUENCE = 5;
const WAIT_LIMIT_MS = 600_000;
const MAX_SWEEPS = 100;
const HANDOVER_FRACTION = 0.005;

interface SideJob {
  readonly n: number;
  /** [0, split, n]: side s owns bounds[s] .. bounds[s+1]-1. */
  readonly bounds: readonly [number, number, number];
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  readonly nodeWeight: Float64Array;
  readonly views: readonly [Int32Array, Int32Array];
  /** The communities' totals at the start; each thread then keeps its own. */
  readonly totals: Float64Array;
  readonly deltas: readonly [Float64Array, Float64Array];
  readonly wakes: readonly [Uint8Array, Uint8Array];
  /** Nodes to visit; left set for the one-thread sweeps that finish the level. */
  readonly actives: readonly [Uint8Array, Uint8Array];
  readonly orders: readonly [Int32Array, Int32Array];
  readonly scale: number;
  readonly ctrl: Int32Array;
  readonly maxSweeps: number;
}

/** The calling thread's working arrays for its side (see SweepArrays; the lists as long as its longest row); the worker allocates its own. */
export interface SideScratch {
  readonly pair: Float64Array;
  readonly neighList: Int32Array;
  readonly neighWeight: Float64Array;
}

function barrier(ctrl: Int32Array): void {
  const generation = Atomics.load(ctrl, GENERATION);
  if (Atomics.add(ctrl, COUNT, 1) === 1) {
    Atomics.store(ctrl, COUNT, 0);
    Atomics.add(ctrl, GENERATION, 1);
    Atomics.notify(ctrl, GENERATION);
    return;
  }
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (Atomics.load(ctrl, GENERATION) === generation) {
    if (Atomics.load(ctrl, FAILED) !== 0) throw new Error('community: the other thread failed');
    if (Date.now() > deadline) throw new Error('community: timed out waiting for the other thread');
    Atomics.wait(ctrl, GENERATION, generation, 1000);
  }
}

/** `sweepOnce` is sweep() passed in, not imported: a module binding would not survive into the worker's source. */
function runSide(job: SideJob, side: 0 | 1, sweepOnce: typeof sweep, scratch?: SideScratch): void {
  const { n, offsets, targets, weights, nodeWeight, scale, ctrl, maxSweeps } = job;
  const other = side === 0 ? 1 : 0;
  const lo = job.bounds[side];
  const hi = job.bounds[side + 1]!;
  const otherLo = job.bounds[other];
  const otherHi = job.bounds[other + 1]!;
  const view = job.views[side];
  const otherView = job.views[other];
  const delta = job.deltas[side];
  const otherDelta = job.deltas[other];
  const wake = job.wakes[side];
  const otherWake = job.wakes[other];
  const order = job.orders[side];
  // The totals in pair are this thread's own (see SweepArrays).
  const pair = scratch?.pair ?? new Float64Array(2 * n);
  for (let c = 0; c < n; c++) pair[2 * c + 1] = job.totals[c]!;
  // A visit lists at most one community per entry of its row.
  let longest = 0;
  for (let v = lo; v < hi; v++) longest = Math.max(longest, offsets[v + 1]! - offsets[v]!);
  const neighList = scratch?.neighList ?? new Int32Array(longest);
  const neighWeight = scratch?.neighWeight ?? new Float64Array(longest);
  const active = job.actives[side];
  active.fill(1, lo, hi);
  const arrays: SweepArrays = { offsets, targets, weights, nodeWeight, view, pair, neighList, neighWeight, active, delta, wake };
  let previous = Infinity;
  for (let sweeps = 1; ; sweeps++) {
    const moves = sweepOnce(arrays, order, lo, hi, scale);
    Atomics.store(ctrl, MOVES + side, moves);
    barrier(ctrl);
    // Between the barriers nobody writes what the other reads: its delta, its own range of its view,
    // and the wake flags it raised for this side's range.
    const total = Atomics.load(ctrl, MOVES) + Atomics.load(ctrl, MOVES + 1);
    for (let c = 0; c < n; c++) {
      const d = otherDelta[c]!;
      if (d !== 0) pair[2 * c + 1]! += d;
    }
    for (let u = otherLo; u < otherHi; u++) view[u] = otherView[u]!;
    for (let u = lo; u < hi; u++) if (otherWake[u] !== 0) active[u] = 1;
    barrier(ctrl);
    delta.fill(0);
    wake.fill(0, otherLo, otherHi);
    // Hand over to one thread once few nodes still move, or once they stop settling (nodes on the
    // border between the ranges can chase each other for ever, each seeing the other one sweep late).
    if (total < n * HANDOVER_FRACTION || total * 10 > previous * 9 || sweeps >= maxSweeps) return;
    previous = total;
  }
}

const WORKER_SOURCE = `'use strict';
var __name = (fn) => fn;
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const COUNT = ${COUNT}, GENERATION = ${GENERATION}, MOVES = ${MOVES}, FAILED = ${FAILED}, SEQUENCE = ${SEQUENCE}, WAIT_LIMIT_MS = ${WAIT_LIMIT_MS}, HANDOVER_FRACTION = ${HANDOVER_FRACTION};
const sweep = ${sweep.toString()};
const barrier = ${barrier.toString()};
const runSide = ${runSide.toString()};
const aggregateRange = ${aggregateRange.toString()};
const partsRange = ${partsRange.toString()};
const { port, ctrl } = workerData;
let seen = 0;
for (;;) {
  while (Atomics.load(ctrl, SEQUENCE) === seen) Atomics.wait(ctrl, SEQUENCE, seen);
  seen = Atomics.load(ctrl, SEQUENCE);
  const received = receiveMessageOnPort(port);
  const task = received === undefined ? null : received.message;
  if (task === null) break;
  try {
    if (task.kind === 'move') {
      runSide(task.job, 1, sweep);
    } else if (task.kind === 'parts') {
      partsRange(task.job, task.lo, task.hi, false);
      barrier(ctrl);
    } else {
      const rows = aggregateRange(task.job, task.lo, task.hi);
      port.postMessage(rows, [rows.offsets.buffer, rows.targets.buffer, rows.weights.buffer, rows.nodeWeight.buffer, rows.selfWeight.buffer]);
      barrier(ctrl);
    }
  } catch (error) {
    port.postMessage(String((error && error.stack) || error));
    Atomics.store(ctrl, FAILED, 1);
    Atomics.notify(ctrl, GENERATION);
  }
}
port.close();
`;

/** The worker thread of one louvain() call; reused for every level that is large enough. */
export class SecondThread {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  readonly ctrl = new Int32Array(new SharedArrayBuffer(8 * Int32Array.BYTES_PER_ELEMENT));

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, ctrl: this.ctrl }, transferList: [port2] });
    this.worker.unref();
  }

  /** Local moving: this thread takes side 0 (in the caller's scratch arrays), the worker side 1. */
  move(job: SideJob, scratch: SideScratch): void {
    this.post({ kind: 'move', job });
    this.guard('local moving', () => runSide(job, 0, sweep, scratch));
  }

  /** Collapses groups 0..split-1 here and split..groups-1 on the worker; returns both halves' rows. */
  aggregate(input: AggregateJob): [AggregatedRows, AggregatedRows] {
    const job: AggregateJob = {
      ...input,
      offsets: sharedCopy(input.offsets, (b) => new Int32Array(b)),
      targets: sharedCopy(input.targets, (b) => new Int32Array(b)),
      weights: sharedCopy(input.weights, (b) => new Float64Array(b)),
      nodeWeight: sharedCopy(input.nodeWeight, (b) => new Float64Array(b)),
      selfWeight: sharedCopy(input.selfWeight, (b) => new Float64Array(b)),
      group: sharedCopy(input.group, (b) => new Int32Array(b)),
      start: sharedCopy(input.start, (b) => new Int32Array(b)),
      members: sharedCopy(input.members, (b) => new Int32Array(b)),
    };
    const { offsets, start, members, groups } = job;
    const half = offsets[offsets.length - 1]! / 2;
    let split = 1;
    for (let entries = 0; split < groups - 1; split++) {
      for (let i = start[split - 1]!; i < start[split]!; i++) entries += offsets[members[i]! + 1]! - offsets[members[i]!]!;
      if (entries >= half) break;
    }
    this.post({ kind: 'aggregate', job, lo: split, hi: groups });
    return this.guard('aggregation', () => {
      const own = aggregateRange(job, 0, split);
      barrier(this.ctrl);
      const theirs = receiveMessageOnPort(this.port);
      if (theirs === undefined) throw new Error('community: the worker sent no rows');
      return [own, theirs.message as AggregatedRows];
    });
  }

  /** Connected parts: nodes split..n-1 searched on the worker, the rest here; returns the crossings. */
  parts(input: PartsJob): { part: Int32Array; crossings: Int32Array } {
    const job: PartsJob = {
      offsets: sharedCopy(input.offsets, (b) => new Int32Array(b)),
      targets: sharedCopy(input.targets, (b) => new Int32Array(b)),
      comm: sharedCopy(input.comm, (b) => new Int32Array(b)),
      part: sharedCopy(input.part, (b) => new Int32Array(b)),
    };
    const n = job.part.length;
    const split = edgeSplit(job.offsets, n);
    this.post({ kind: 'parts', job, lo: split, hi: n });
    return this.guard('connected parts', () => {
      const crossings = partsRange(job, 0, split, true);
      barrier(this.ctrl);
      return { part: job.part, crossings };
    });
  }

  private post(
    task:
      | { kind: 'move'; job: SideJob }
      | { kind: 'aggregate'; job: AggregateJob; lo: number; hi: number }
      | { kind: 'parts'; job: PartsJob; lo: number; hi: number },
  ): void {
    Atomics.store(this.ctrl, FAILED, 0);
    this.port.postMessage(task);
    Atomics.add(this.ctrl, SEQUENCE, 1);
    Atomics.notify(this.ctrl, SEQUENCE);
  }

  private guard<T>(what: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      const reported = receiveMessageOnPort(this.port);
      Atomics.store(this.ctrl, FAILED, 1);
      Atomics.notify(this.ctrl, GENERATION);
      throw new CommunityInputError(`two-thread ${what} failed: ${reported === undefined ? String(error) : String(reported.message)}`);
    }
  }

  close(): void {
    this.port.postMessage(null);
    Atomics.add(this.ctrl, SEQUENCE, 1);
    Atomics.notify(this.ctrl, SEQUENCE);
    this.port.close();
    // Also ends a worker still busy with a task the calling thread gave up on.
    void this.worker.terminate();
  }
}

/** The node where the first half of the edge entries ends (at least 1, at most n-1). */
function edgeSplit(offsets: Int32Array, n: number): number {
  const half = offsets[n]! / 2;
  let split = 1;
  while (split < n - 1 && offsets[split]! < half) split++;
  return split;
}

function sharedCopy<T extends Int32Array | Float64Array | Uint8Array>(source: T, make: (buffer: SharedArrayBuffer) => T): T {
  if (source.buffer instanceof SharedArrayBuffer) return source;
  const copy = make(new SharedArrayBuffer(source.byteLength));
  copy.set(source as never);
  return copy;
}

/**
 * The two-thread part of one level's local moving: `comm` is the starting membership and receives the
 * result, `commWeight` the communities' totals, `scratch.active` the nodes the one-thread sweeps must
 * still visit; this thread's side works in `scratch`. Returns the number of nodes whose community changed.
 */
export function moveNodesParallel(
  level: Level,
  comm: Int32Array,
  commWeight: Float64Array,
  scratch: SideScratch & { readonly active: Uint8Array },
  scale: number,
  rng: () => number,
  thread: SecondThread,
): number {
  const { n } = level;
  if (n < 2) throw new CommunityInputError('two-thread local moving needs at least two nodes');
  const offsets = sharedCopy(level.offsets, (b) => new Int32Array(b));
  const split = edgeSplit(offsets, n);
  const int32 = () => new Int32Array(new SharedArrayBuffer(n * 4));
  const float64 = () => new Float64Array(new SharedArrayBuffer(n * 8));
  const uint8 = () => new Uint8Array(new SharedArrayBuffer(n));
  const views: [Int32Array, Int32Array] = [int32(), int32()];
  for (const view of views) view.set(comm);
  const totals = float64();
  totals.set(commWeight);
  const actives: [Uint8Array, Uint8Array] = [uint8(), uint8()];
  const job: SideJob = {
    n,
    bounds: [0, split, n],
    offsets,
    targets: sharedCopy(level.targets, (b) => new Int32Array(b)),
    weights: sharedCopy(level.weights, (b) => new Float64Array(b)),
    nodeWeight: sharedCopy(level.nodeWeight, (b) => new Float64Array(b)),
    views,
    totals,
    deltas: [float64(), float64()],
    wakes: [uint8(), uint8()],
    actives,
    orders: [visitingOrder(0, split, rng), visitingOrder(split, n, rng)],
    scale,
    ctrl: thread.ctrl,
    maxSweeps: MAX_SWEEPS,
  };
  thread.move(job, scratch);
  let moves = 0;
  for (let v = 0; v < n; v++) {
    const c = views[0][v]!;
    if (c !== comm[v]) moves++;
    comm[v] = c;
    scratch.active[v] = v < split ? actives[0][v]! : actives[1][v]!;
  }
  // Recomputed: each thread added the same changes, in its own order.
  commWeight.fill(0);
  for (let v = 0; v < n; v++) commWeight[comm[v]!]! += level.nodeWeight[v]!;
  return moves;
}
