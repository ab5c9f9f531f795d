import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import zlib from 'node:zlib';
import { LIST_COLUMNS, LIST_SEPARATOR } from '@ringwatch/contract';

export type OutputFormat = 'csv' | 'ndjson';
export type Cell = string | number | null | readonly string[];

const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows of one kind to a CSV or NDJSON file, gzip-compressed when asked, in large chunks with
 * back-pressure so that memory stays flat however many rows pass through.
 */
export class RowWriter {
  rows = 0;
  private buffer: string[] = [];
  private bufferedChars = 0;
  private readonly sink: NodeJS.WritableStream;
  private readonly file: fs.WriteStream;

  constructor(
    readonly filePath: string,
    private readonly columns: readonly string[],
    private readonly format: OutputFormat,
    gzip: boolean,
  ) {
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    this.file = fs.createWriteStream(filePath);
    if (gzip) {
      // Level and memory are fixed so that output bytes depend only on the rows (gzip's mtime is 0 in Node).
      const gz = zlib.createGzip({ level: 6 });
      gz.pipe(this.file);
      this.sink = gz;
    } else {
      this.sink = this.file;
    }
    if (format === 'csv') this.push(`${columns.join(',')}\n`);
  }

  write(values: readonly Cell[]): void {
    this.rows++;
    if (this.format === 'csv') {
      let line = csvCell(values[0]!);
      for (let i = 1; i < values.length; i++) line += `,${csvCell(values[i]!)}`;
      this.push(`${line}\n`);
    } else {
      const obj: Record<string, unknown> = {};
      for (let i = 0; i < this.columns.length; i++) {
        const name = this.columns[i]!;
        const v = values[i]!;
        obj[name] = LIST_COLUMNS.has(name) && typeof v === 'string' ? v.split(LIST_SEPARATOR) : v;
      }
      this.push(`${JSON.stringify(obj)}\n`);
    }
  }

  get needsFlush(): boolean {
    return this.bufferedChars > 1 << 20;
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.bufferedChars = 0;
    if (!this.sink.write(chunk)) await once(this.sink, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    const done = once(this.file, 'close');
    this.sink.end();
    await done;
  }

  private push(text: string): void {
    this.buffer.push(text);
    this.bufferedChars += text.length;
  }
}
