import fs from 'node:fs';
import { setImmediate as turn } from 'node:timers/promises';
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
  /** Physical lines the record spans: more than one only when a quoted CSV cell holds a line break. */
  readonly lines: number;
  /** Cells by column name (CSV) or the parsed object (NDJSON); null when the record cannot be read. */
  readonly record: Record<string, unknown> | null;
  /** Why the record could not be read (a stray quote, a wrong cell count, not JSON), when record is null. */
  readonly problem?: string;
  /** The text of a record that could not be read, as it stands in the file (for the rejects file). */
  readonly raw?: string;
}

/**
 * What reading a file has seen, kept up to date as records are yielded. Every physical line after a
 * CSV header (every line of an NDJSON file) is blank or belongs to exactly one yielded record, so
 * `lines = blank + the lines of the records`.
 */
export interface ReadStats {
  lines: number;
  /** Lines holding only white space: skipped, not records. */
  blank: number;
}

/**
 * Bounds on what one file may cost to read, whatever its content: a line longer than `maxLineChars`
 * is one reject and reading resumes after its line break, without the line ever being held whole;
 * decompressed text beyond `maxDecompressedBytes`, or beyond `maxGzipRatio` times the compressed
 * size of a gzip file, stops the file (the records before it stay read).
 */
export interface ReadLimits {
  readonly maxLineChars: number;
  readonly maxDecompressedBytes: number;
  readonly maxGzipRatio: number;
}

/**
 * The longest row the contract allows is about 13 KB, so 1 MiB leaves room for any honest file. Real
 * CSV and NDJSON gzip 5 to 20 times; 200 is far above that and far below a bomb's 1,000.
 */
export const DEFAULT_READ_LIMITS: ReadLimits = { maxLineChars: 1 << 20, maxDecompressedBytes: 64 * 2 ** 30, maxGzipRatio: 200 };

/** How much of an over-long line the rejects file keeps. */
const LONG_LINE_HEAD = 200;

function longLineProblem(limits: ReadLimits): string {
  return `is longer than ${limits.maxLineChars} characters (the line was skipped)`;
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

async function* decodedChunks(file: string, limits: ReadLimits): AsyncGenerator<string> {
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

  const maxBytes = gzipped ? Math.min(limits.maxDecompressedBytes, limits.maxGzipRatio * (await fs.promises.stat(file)).size) : limits.maxDecompressedBytes;
  let bytes = 0;
  // A chunk is split into rows in one go: 64 KiB (some 500 rows) keeps that to milliseconds, where 1 MiB
  // held a service's event loop for 100 ms and more on a busy machine (bench:api --during-import).
  const source = fs.createReadStream(file, { highWaterMark: 1 << 16 });
  const stream: NodeJS.ReadableStream = gzipped ? source.pipe(zlib.createGunzip()) : source;
  if (gzipped) source.on('error', (e) => (stream as zlib.Gunzip).destroy(e));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (first && chunk.subarray(0, 4096).includes(0)) throw new FileFormatError(file, 'looks binary (NUL bytes), not text');
      bytes += chunk.length;
      if (bytes > maxBytes) {
        const bound = maxBytes === limits.maxDecompressedBytes ? `${maxBytes} bytes` : `${limits.maxGzipRatio} times its compressed size (${maxBytes} bytes)`;
        throw new FileFormatError(file, `stopped: its text is larger than ${bound}; the rows before were read`);
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new FileFormatError(file, 'is not valid UTF-8 text (re-save it as UTF-8)');
      }
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      yield text;
      // Let pending I/O through (a macrotask; buffered chunks would otherwise follow as microtasks).
      await turn();
    }
  } catch (error) {
    if (error instanceof FileFormatError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (gzipped || code.startsWith('Z_')) throw new FileFormatError(file, `broken gzip data (${(error as Error).message})`);
    throw new FileFormatError(file, `read failed: ${(error as Error).message}`);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * How far a record may run while a quoted cell is open. The longest row the contract allows is about
 * 13 KB (a seller with 20 emails and 50 device ids); real cells hold a few line breaks at most. Past
 * either limit the quote is taken as a stray one.
 */
export const MAX_RECORD_CHARS = 64 * 1024;
export const MAX_RECORD_LINES = 100;

export type CsvParse =
  | { readonly ok: true; readonly cells: string[] }
  /** The text ends inside a quoted cell (1-based column): the record goes on on the next line. */
  | { readonly ok: false; readonly open: true; readonly column: number }
  | { readonly ok: false; readonly open: false; readonly column: number };

/**
 * Splits the text of one CSV record (one physical line, or several joined by LF while a quoted cell is
 * open; a CR before a line break inside quotes is kept, a trailing one is not part of the record) into
 * cells. RFC 4180 with relaxed quoting, as csv-parse's relax_quotes and Python's csv module read it:
 * a quote opens a quoted cell only as the cell's first character; anywhere else (`Monitor 27" IPS`)
 * it is a literal character. A quoted cell whose closing quote is followed by something other than a
 * comma or the end (`"Best" bag`) was not a quoted cell either: it is read literally up to the next
 * comma, unless it crossed a line break, which makes the record unreadable (`open: false`).
 */
export function parseCsvRecord(text: string): CsvParse {
  const n = text.length;
  const end = n > 0 && text.charCodeAt(n - 1) === CR ? n - 1 : n;
  const multiline = text.includes('\n');
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    const column = cells.length + 1;
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) return { ok: false, open: true, column };
        const next = text.charCodeAt(q + 1);
        if (next === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        if (q + 1 >= end || next === COMMA) {
          cells.push(value);
          if (q + 1 >= end) return { ok: true, cells };
          i = q + 2;
          break;
        }
        // Not a closing quote after all: the cell was never quoted. Read it as written.
        if (multiline && text.slice(i, q).includes('\n')) return { ok: false, open: false, column };
        const stop = unquotedEnd(text, q + 1, end, multiline);
        if (stop === -1) return { ok: false, open: false, column };
        cells.push(text.slice(i, stop));
        if (stop >= end) return { ok: true, cells };
        i = stop + 1;
        break;
      }
    } else {
      const stop = unquotedEnd(text, i, end, multiline);
      if (stop === -1) return { ok: false, open: false, column };
      cells.push(text.slice(i, stop));
      if (stop >= end) return { ok: true, cells };
      i = stop + 1;
    }
  }
}

/** Where an unquoted cell starting at `from` ends: its comma, or `end`; -1 when a line break comes first. */
function unquotedEnd(text: string, from: number, end: number, multiline: boolean): number {
  const comma = text.indexOf(',', from);
  const stop = comma === -1 || comma > end ? end : comma;
  if (multiline) {
    // Only lines that end inside quotes are joined, so a line break outside quotes means a broken record.
    const lf = text.indexOf('\n', from);
    if (lf !== -1 && lf < stop) return -1;
  }
  return stop;
}

interface PhysicalLine {
  readonly text: string;
  readonly line: number;
}

/**
 * Turns the physical lines of a CSV file into records, so that every line ends up in exactly one
 * record or is blank, and a stray quote costs at most its own row. A line that ends inside a quoted
 * cell takes in the following lines until the cell closes. The result is believed only when the cell
 * closes properly, the row then has the header's cell count, and none of the lines taken in is a row
 * of its own; otherwise the quote was a stray one: the first line is rejected and reading resumes on
 * the next line (so a line costs at most one re-read). Line numbers count physical lines from 1.
 */
export class CsvRecordSplitter {
  private header: string[] | null = null;
  private pending: PhysicalLine[] = [];
  private pendingChars = 0;
  private openColumn = 0;
  // Lines handed back by a resync wait here, ahead of the lines still to come, so none is read in a
  // nested call (a long run of stray quotes would otherwise recurse once per line).
  private readonly queue: PhysicalLine[] = [];
  private cursor = 0;
  private rest = '';
  /** The start of a line over the length limit, while the rest of it is skipped. */
  private skipping: string | null = null;
  /** Physical lines seen so far. */
  line = 0;

  constructor(
    private readonly onHeader: (cells: string[], line: number) => void,
    private readonly onRecord: (cells: string[], line: number, lines: number) => void,
    private readonly onReject: (line: number, problem: string, raw: string) => void,
    private readonly onBlank: () => void,
    private readonly limits: ReadLimits = DEFAULT_READ_LIMITS,
  ) {}

  /**
   * A chunk of the file's text. Lines without a quote (nearly all) are split into cells in one pass
   * over the chunk's characters, with no string made for the line: this loop is most of the loader's
   * reading time. A line with a quote, the header and the lines after an open quote go through `push`.
   */
  pushChunk(chunk: string): void {
    // The line begun in the last chunk is finished on its own: joining the chunks makes a cons string,
    // and reading one by charCodeAt measured 20% more CPU for the whole file.
    let start = 0;
    if (this.skipping !== null) {
      const lf = chunk.indexOf('\n');
      if (lf === -1) return;
      this.endLongLine();
      start = lf + 1;
    } else if (this.rest !== '') {
      const lf = chunk.indexOf('\n');
      if (lf === -1) {
        if (this.rest.length + chunk.length > this.limits.maxLineChars) {
          this.skipping = (this.rest + chunk.slice(0, LONG_LINE_HEAD)).slice(0, LONG_LINE_HEAD);
          this.rest = '';
        } else this.rest += chunk;
        return;
      }
      const line = this.rest + chunk.slice(0, lf);
      this.rest = '';
      this.pushBounded(line);
      start = lf + 1;
    }
    const text = chunk;
    const n = text.length;
    while (start < n) {
      if (this.pending.length === 0 && this.header !== null) {
        const cells: string[] = [];
        let cellStart = start;
        let i = start;
        let ch = 0;
        for (; i < n; i++) {
          ch = text.charCodeAt(i);
          if (ch === COMMA) {
            cells.push(text.slice(cellStart, i));
            cellStart = i + 1;
          } else if (ch === LF || ch === QUOTE) break;
        }
        if (i === n) break;
        if (ch === LF) {
          const line = ++this.line;
          const end = i > start && text.charCodeAt(i - 1) === CR ? i - 1 : i;
          cells.push(text.slice(cellStart, end));
          if (cells.length === 1 && cells[0]!.trim() === '') this.onBlank();
          else if (cells.length === this.header.length) this.onRecord(cells, line, 1);
          else this.reject(line, `has ${cells.length} cells, the header has ${this.header.length}`, text.slice(start, end));
          start = i + 1;
          continue;
        }
      }
      const lf = text.indexOf('\n', start);
      if (lf === -1) break;
      this.pushBounded(text.slice(start, lf));
      start = lf + 1;
    }
    if (n - start > this.limits.maxLineChars) this.skipping = text.slice(start, start + LONG_LINE_HEAD);
    else this.rest = text.slice(start);
  }

  /** The next physical line, unless it is over the length limit: then it is one reject. */
  private pushBounded(text: string): void {
    if (text.length <= this.limits.maxLineChars) return this.push(text, ++this.line);
    this.skipping = text.slice(0, LONG_LINE_HEAD);
    this.endLongLine();
  }

  private endLongLine(): void {
    const head = this.skipping!;
    this.skipping = null;
    this.take(head, ++this.line, longLineProblem(this.limits));
    if (this.queue.length > 0) this.drain();
  }

  /** One physical line without its LF (a CR before it may remain). */
  push(text: string, line: number): void {
    this.take(text, line);
    if (this.queue.length > 0) this.drain();
  }

  /** The file has ended: its last line, if it has no line break, then a quoted cell still open was a stray quote. */
  end(): void {
    if (this.skipping !== null) this.endLongLine();
    if (this.rest !== '') this.push(this.rest, ++this.line);
    this.rest = '';
    while (this.pending.length > 0) {
      this.resync(`${this.cellName(this.openColumn)} opens a quote that never closes (a stray quote?)`);
      this.drain();
    }
  }

  private drain(): void {
    while (this.cursor < this.queue.length) {
      const next = this.queue[this.cursor++]!;
      this.take(next.text, next.line);
    }
    this.queue.length = 0;
    this.cursor = 0;
  }

  private take(text: string, line: number, overlong?: string): void {
    if (overlong !== undefined) {
      // An open quote cannot run across a line too long to read: it was a stray one.
      while (this.pending.length > 0) {
        this.resync(`${this.cellName(this.openColumn)} opens a quote that never closes before line ${line} (a stray quote?)`);
        this.drain();
      }
      this.reject(line, overlong, `${text}…`);
      return;
    }
    if (this.pending.length > 0) {
      this.pending.push({ text, line });
      this.pendingChars += text.length + 1;
      // A line without a quote cannot close the open cell: no need to read the record again.
      if (text.indexOf('"') === -1) this.checkPendingSize();
      else this.settlePending();
      return;
    }
    if (text.indexOf('"') === -1) {
      // The common case, no quote at all: a plain split.
      const bare = text.charCodeAt(text.length - 1) === CR ? text.slice(0, -1) : text;
      if (bare.length === 0 || (bare.charCodeAt(0) <= 32 && bare.trim() === '')) {
        if (this.header !== null) this.onBlank();
      } else {
        this.complete(bare.split(','), line, 1, text);
      }
      return;
    }
    const parsed = parseCsvRecord(text);
    if (parsed.ok) this.complete(parsed.cells, line, 1, text);
    else if (!parsed.open) this.reject(line, `${this.cellName(parsed.column)} is not quoted properly`, text);
    else {
      this.pending = [{ text, line }];
      this.pendingChars = text.length;
      this.openColumn = parsed.column;
    }
  }

  private settlePending(): void {
    const parsed = parseCsvRecord(this.pending.map((p) => p.text).join('\n'));
    const cell = this.cellName(this.openColumn);
    const last = this.pending[this.pending.length - 1]!.line;
    if (!parsed.ok) {
      if (!parsed.open) this.resync(`${cell} opens a quote that does not close properly by line ${last} (a stray quote?)`);
      else this.checkPendingSize();
      return;
    }
    const width = this.header?.length ?? parsed.cells.length;
    if (parsed.cells.length !== width) {
      this.resync(`${cell} opens a quote that closes on line ${last}, but the row then has ${parsed.cells.length} cells, the header ${width} (a stray quote?)`);
      return;
    }
    for (const taken of this.pending.slice(1)) {
      const alone = parseCsvRecord(taken.text);
      if (alone.ok && alone.cells.length === width) {
        this.resync(`${cell} opens a quote that would take in line ${taken.line}, a row of its own (a stray quote?)`);
        return;
      }
    }
    const first = this.pending[0]!;
    const lines = this.pending.length;
    this.pending = [];
    this.complete(parsed.cells, first.line, lines, '');
  }

  private checkPendingSize(): void {
    if (this.pendingChars > MAX_RECORD_CHARS || this.pending.length > MAX_RECORD_LINES) {
      const limit = `${MAX_RECORD_LINES} lines or ${MAX_RECORD_CHARS / 1024} KiB`;
      this.resync(`${this.cellName(this.openColumn)} opens a quote that does not close within ${limit} (a stray quote?)`);
    }
  }

  /** Rejects the first pending line and hands the lines after it back to be read afresh. */
  private resync(reason: string): void {
    const [first, ...rest] = this.pending;
    this.pending = [];
    this.reject(first!.line, reason, first!.text);
    this.queue.splice(this.cursor, 0, ...rest);
  }

  private complete(cells: string[], line: number, lines: number, raw: string): void {
    if (this.header === null) {
      this.header = cells;
      this.onHeader(cells, line);
    } else if (cells.length !== this.header.length) {
      this.reject(line, `has ${cells.length} cells, the header has ${this.header.length}`, raw);
    } else {
      this.onRecord(cells, line, lines);
    }
  }

  private reject(line: number, problem: string, raw: string): void {
    // A header that cannot be read is no header: the caller's header check names the file.
    if (this.header === null) return this.complete([], line, 1, raw);
    this.onReject(line, problem, raw.charCodeAt(raw.length - 1) === CR ? raw.slice(0, -1) : raw);
  }

  private cellName(column: number): string {
    const name = this.header?.[column - 1];
    return name ? `cell ${column} (${name.trim()})` : `cell ${column}`;
  }
}

/**
 * Calls `onLine` with every physical line of the chunks (without its LF), numbered from 1, and
 * `onLongLine` with the start of a line over the length limit instead. Only the chunk is searched for
 * the next line break, never the line begun before it, so reading takes time linear in the text (a
 * line joined to each chunk before searching took quadratic time: 32 MB without a break, 75 s).
 */
export class LineSplitter {
  private parts: string[] = [];
  private partsLength = 0;
  private skipping: string | null = null;
  line = 0;

  constructor(
    private readonly onLine: (text: string, line: number) => void,
    private readonly onLongLine: (head: string, line: number) => void,
    private readonly maxLineChars: number = DEFAULT_READ_LIMITS.maxLineChars,
  ) {}

  push(chunk: string): void {
    let start = 0;
    let lf = chunk.indexOf('\n');
    if (lf === -1) return this.carry(chunk);
    if (this.skipping !== null || this.partsLength > 0) {
      this.carry(chunk.slice(0, lf));
      this.finishLine();
      start = lf + 1;
      lf = chunk.indexOf('\n', start);
    }
    for (; lf !== -1; lf = chunk.indexOf('\n', start)) {
      this.emit(chunk.slice(start, lf));
      start = lf + 1;
    }
    if (start < chunk.length) this.carry(chunk.slice(start));
  }

  /** The last line, when the file does not end with a line break. */
  end(): void {
    if (this.skipping !== null || this.partsLength > 0) this.finishLine();
  }

  /** Text of a line whose end has not been seen: kept while under the limit, else only its start. */
  private carry(text: string): void {
    if (this.skipping !== null) return;
    if (this.partsLength + text.length > this.maxLineChars) {
      this.skipping = (this.parts.join('') + text.slice(0, LONG_LINE_HEAD)).slice(0, LONG_LINE_HEAD);
      this.parts = [];
      this.partsLength = 0;
      return;
    }
    this.parts.push(text);
    this.partsLength += text.length;
  }

  private finishLine(): void {
    if (this.skipping !== null) {
      const head = this.skipping;
      this.skipping = null;
      this.onLongLine(head, ++this.line);
      return;
    }
    const text = this.parts.join('');
    this.parts = [];
    this.partsLength = 0;
    this.emit(text);
  }

  private emit(text: string): void {
    if (text.length > this.maxLineChars) this.onLongLine(text.slice(0, LONG_LINE_HEAD), ++this.line);
    else this.onLine(text, ++this.line);
  }
}

/**
 * NDJSON files are told from CSV posing as NDJSON by their first lines: when none of the first this
 * many non-blank lines is JSON the file is not NDJSON; one bad line among good ones is one reject.
 */
const NDJSON_SNIFF_LINES = 100;

/**
 * Reads a file of one kind, yielding records in batches of `batchSize` (the last one may be smaller).
 * `stats`, when given, counts the physical lines seen and the blank ones among them.
 */
export async function* readRecords(
  file: string,
  kind: Kind,
  batchSize = 5000,
  stats: ReadStats = { lines: 0, blank: 0 },
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<RawRecord[]> {
  const format = formatOfFile(file);
  const batch: RawRecord[] = [];
  if (format === 'csv') {
    let header: string[] | null = null;
    let headerLine = 0;
    const records = new CsvRecordSplitter(
      (cells, line) => {
        header = cells.map((c) => c.trim().toLowerCase());
        headerLine = line;
        const missing = requiredColumns(kind).filter((c) => !header!.includes(c));
        if (missing.length > 0) {
          throw new FileFormatError(file, `header lacks ${missing.join(', ')} (expected ${COLUMNS[kind].join(',')}; is this a ${kind} file?)`);
        }
      },
      (cells, line, lines) => {
        const record: Record<string, unknown> = {};
        for (let c = 0; c < header!.length; c++) record[header![c]!] = cells[c];
        batch.push({ line, lines, record });
      },
      (line, problem, raw) => batch.push({ line, lines: 1, record: null, problem, raw }),
      () => stats.blank++,
      limits,
    );
    for await (const text of decodedChunks(file, limits)) {
      records.pushChunk(text);
      // A decoded chunk holds many rows: hand them on in batches of exactly batchSize.
      while (batch.length >= batchSize) yield batch.splice(0, batchSize);
      stats.lines = Math.max(0, records.line - headerLine);
    }
    records.end();
    if (header === null) throw new FileFormatError(file, 'is empty (no header row)');
    // Blank lines before the header are neither header nor data.
    stats.lines = records.line - headerLine;
  } else {
    let decided = false;
    let undecidedLines = 0;
    const lines = new LineSplitter(
      (text, line) => {
        stats.lines = line;
        const trimmed = text.trim();
        if (trimmed === '') {
          stats.blank++;
          return;
        }
        const record = parseJsonLine(trimmed, line);
        if (record.problem !== NOT_JSON) decided = true;
        else if (!decided && ++undecidedLines >= NDJSON_SNIFF_LINES) {
          throw new FileFormatError(file, `none of the first ${NDJSON_SNIFF_LINES} lines is JSON: this does not look like an NDJSON file`);
        }
        batch.push(record);
      },
      (head, line) => {
        stats.lines = line;
        batch.push({ line, lines: 1, record: null, problem: longLineProblem(limits), raw: `${head}…` });
      },
      limits.maxLineChars,
    );
    for await (const text of decodedChunks(file, limits)) {
      lines.push(text);
      // Until one line is JSON the file may not be NDJSON at all: nothing is handed on before that.
      if (decided) while (batch.length >= batchSize) yield batch.splice(0, batchSize);
    }
    lines.end();
    if (!decided && undecidedLines > 0)
      throw new FileFormatError(file, `line ${batch[0]!.line} is not JSON and no line is: this does not look like an NDJSON file`);
  }
  while (batch.length > batchSize) yield batch.splice(0, batchSize);
  if (batch.length > 0) yield batch;
}

const NOT_JSON = 'is not valid JSON';

function parseJsonLine(text: string, line: number): RawRecord {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { line, lines: 1, record: null, problem: 'is not a JSON object', raw: text };
    return { line, lines: 1, record: value as Record<string, unknown> };
  } catch {
    return { line, lines: 1, record: null, problem: NOT_JSON, raw: text };
  }
}
