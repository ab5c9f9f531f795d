/** A one-line progress display on stderr (rows, rows/s, ETA); silent when stderr is not a terminal. */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly unit: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total?: number): void {
    const now = Date.now();
    if (!this.stream.isTTY || now - this.lastDraw < 200) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const rate = done / Math.max(seconds, 1e-3);
    let line = `${this.label}: ${done.toLocaleString('en')} ${this.unit} (${Math.round(rate).toLocaleString('en')}/s)`;
    if (total !== undefined && total > 0) {
      const share = Math.min(1, done / total);
      const width = 24;
      const filled = Math.round(share * width);
      const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
      line = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(1)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${this.unit}, ${Math.round(rate).toLocaleString('en')}/s, ETA ${eta.toFixed(0)} s`;
    }
    this.stream.write(`\r${line.padEnd(100)}`);
  }

  done(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}

/** Parses `--knob name=value` pairs into numbers; names are checked by the consumer. */
export function parseNumberPairs(pairs: readonly string[], what: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z][A-Za-z0-9]*)=(-?\d+(\.\d+)?)$/.exec(pair);
    if (!match) throw new Error(`${what}: expected name=number, got "${pair}"`);
    out[match[1]!] = Number(match[2]);
  }
  return out;
}
