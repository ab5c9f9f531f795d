import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { COLUMNS, type Kind } from './kinds';

/**
 * Streams the records of one data file (CSV with a header row, or NDJSON; gzip recognised by its magic
 * bytes) in batches. A file that is not what it claims stops with a FileFormatError naming the file;
 * a bad record does not: it is handed on for validation to reject with its line number.
 */

export class FileFormatError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`contract: ${path.basename(file)}: ${reason}`);
    this.name = 'FileFormatError';
  }
}

export interface RawRecord {
  /** 1-based line on which the record starts. */
  readonly line: number;
  /** Cells by column name (CSV) or the parsed object (NDJSON); null when the line is not JSON. */
  readonly record: Record<string, unknown> | null;
  /** Why the record could not be read at all (NDJSON syntax), when record is null. */
  readonly problem?: string;
}

/** Columns a CSV header may leave out (their values are optional). */
const OPTIONAL_COLUMNS = new Set(['brand', 'line2', 'region', 'postcode', 'emails', 'phones', 'device_ids']);

export function requiredColumns(kind: Kind): string[] {
  return COLUMNS[kind].filter((c) => !OPTIONAL_COLUMNS.has(c));
}

export function formatOfFile(file: string): 'csv' | 'ndjson' {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return 'ndjson';
  throw new FileFormatError(file, 'unknown format: name it .csv, .ndjson or .jsonl (optionally .gz)');
}

async function* decodedChunks(file: string): AsyncGenerator<string> {
  let fd: fs.promises.FileHandle;
  try {
    fd = await fs.promises.open(file, 'r');
  } catch (error) {
    throw new FileFormatError(file, `cannot be opened (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const head = Buffer.alloc(2);
  const { bytesRead } = await fd.read(head, 0, 2, 0);
  await fd.close();
  const gzipped = bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  if (file.toLowerCase().endsWith('.gz') && !gzipped) throw new FileFormatError(file, 'is named .gz but is not gzip data');

  const source = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const stream: NodeJS.ReadableStream = gzipped ? source.pipe(zlib.createGunzip()) : source;
  if (gzipped) source.on('error', (e) => (stream as zlib.Gunzip).destroy(e));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (first && chunk.subarray(0, 4096).includes(0)) throw new FileFormatError(file, 'looks binary (NUL bytes), not text');
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new FileFormatError(file, 'is not valid UTF-8 text (re-save it as UTF-8)');
      }
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      yield text;
    }
  } catch (error) {
    if (error instanceof FileFormatError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (gzipped || code.startsWith('Z_')) throw new FileFormatError(file, `broken gzip data (${(error as Error).message})`);
    throw new FileFormatError(file, `read failed: ${(error as Error).message}`);
  }
}

/** Splits CSV text into records of cells, across chunk boundaries (RFC 4180 quoting). */
class CsvSplitter {
  private cells: string[] = [];
  private cell = '';
  private quoted = false;
  private afterQuote = false;
  line = 1;
  recordLine = 1;

  constructor(private readonly onRecord: (cells: string[], line: number) => void) {}

  push(text: string): void {
    let start = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (this.quoted) {
        if (ch === 34) {
          this.cell += text.slice(start, i);
          start = i + 1;
          this.quoted = false;
          this.afterQuote = true;
        } else if (ch === 10) {
          this.line++;
        }
        continue;
      }
      if (ch === 34) {
        // A quote right after a closing quote is an escaped quote.
        this.cell += text.slice(start, i);
        if (this.afterQuote) this.cell += '"';
        start = i + 1;
        this.quoted = true;
        this.afterQuote = false;
      } else if (ch === 44) {
        this.cells.push(this.cell + text.slice(start, i));
        this.cell = '';
        start = i + 1;
        this.afterQuote = false;
      } else if (ch === 10) {
        let end = i;
        if (end > start && text.charCodeAt(end - 1) === 13) end--;
        this.cells.push(this.cell + text.slice(start, end));
        this.cell = '';
        start = i + 1;
        this.afterQuote = false;
        const cells = this.cells;
        this.cells = [];
        if (!(cells.length === 1 && cells[0] === '')) this.onRecord(cells, this.recordLine);
        this.line++;
        this.recordLine = this.line;
      } else {
        this.afterQuote = false;
      }
    }
    this.cell += text.slice(start);
  }

  end(): void {
    if (this.cell !== '' || this.cells.length > 0) {
      this.cells.push(this.cell.replace(/\r$/, ''));
      this.onRecord(this.cells, this.recordLine);
    }
    this.cells = [];
    this.cell = '';
  }
}

/** Reads a file of one kind, yielding records in batches of `batchSize` (the last one may be smaller). */
export async function* readRecords(file: string, kind: Kind, batchSize = 5000): AsyncGenerator<RawRecord[]> {
  const format = formatOfFile(file);
  const batch: RawRecord[] = [];
  if (format === 'csv') {
    let header: string[] | null = null;
    const splitter = new CsvSplitter((cells, line) => {
      if (header === null) {
        header = cells.map((c) => c.trim().toLowerCase());
        const missing = requiredColumns(kind).filter((c) => !header!.includes(c));
        if (missing.length > 0) {
          throw new FileFormatError(file, `header lacks ${missing.join(', ')} (expected ${COLUMNS[kind].join(',')}; is this a ${kind} file?)`);
        }
        return;
      }
      const record: Record<string, unknown> = {};
      for (let c = 0; c < header.length; c++) record[header[c]!] = cells[c];
      if (cells.length !== header.length) {
        batch.push({ line, record: null, problem: `has ${cells.length} cells, the header has ${header.length}` });
      } else {
        batch.push({ line, record });
      }
    });
    for await (const text of decodedChunks(file)) {
      splitter.push(text);
      // A decoded chunk holds many rows: hand them on in batches of exactly batchSize.
      while (batch.length >= batchSize) yield batch.splice(0, batchSize);
    }
    splitter.end();
    if (header === null) throw new FileFormatError(file, 'is empty (no header row)');
  } else {
    let rest = '';
    let line = 0;
    let seenRecord = false;
    for await (const text of decodedChunks(file)) {
      const parts = (rest + text).split('\n');
      rest = parts.pop()!;
      for (const part of parts) {
        line++;
        const trimmed = part.trim();
        if (trimmed === '') continue;
        batch.push(parseJsonLine(file, trimmed, line, seenRecord));
        seenRecord = true;
      }
      // A decoded chunk holds many rows: hand them on in batches of exactly batchSize.
      while (batch.length >= batchSize) yield batch.splice(0, batchSize);
    }
    if (rest.trim() !== '') batch.push(parseJsonLine(file, rest.trim(), line + 1, seenRecord));
  }
  if (batch.length > 0) yield batch;
}

function parseJsonLine(file: string, text: string, line: number, seenRecord: boolean): RawRecord {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line, record: null, problem: 'is not a JSON object' };
    return { line, record: value as Record<string, unknown> };
  } catch {
    if (!seenRecord) throw new FileFormatError(file, `line ${line} is not JSON: this does not look like an NDJSON file`);
    return { line, record: null, problem: 'is not valid JSON' };
  }
}
