import { setImmediate as turn } from 'node:timers/promises';
import { readRecords, validateRow, type Kind, type RawRecord, type ReadLimits, type ReadStats } from '@ringwatch/contract';
import type { Fingerprinter } from '@ringwatch/normalise';
import { prepareRow, type Prepared } from './rows';

/** A batch as read from a file, each record beside what validation and normalisation made of it. */
export interface PreparedBatch {
  readonly records: RawRecord[];
  /** One per record, in order: its write form, or the field and reason it is rejected for. */
  readonly verdicts: Prepared<Kind>[];
}

/**
 * Records prepared between two turns of the event loop. A batch of 5,000 rows took 100 ms and more of
 * one thread on a busy machine, and every request the API received meanwhile waited that long before
 * its handler ran; a few hundred rows keep each stretch to milliseconds.
 */
export const PREPARE_SLICE = 250;

/** What one record becomes: a row that cannot be read, fails the contract or cannot be normalised is rejected. */
export function prepareRecord(kind: Kind, record: RawRecord, fingerprinter: Fingerprinter): Prepared<Kind> {
  if (record.record === null) return { ok: false, field: '(row)', reason: record.problem ?? 'cannot be read' };
  const valid = validateRow(kind, record.record);
  return valid.ok ? prepareRow(kind, valid.row, fingerprinter) : valid;
}

/**
 * Reads a file in batches and prepares every record: the CPU work of a load before the database, done
 * in slices (PREPARE_SLICE) with the event loop let through between them, so a service loading beside
 * interactive work keeps answering. `stats` is the reader's (readRecords).
 */
export async function* preparedBatches(
  file: string,
  kind: Kind,
  batchSize: number,
  stats: ReadStats,
  limits: ReadLimits,
  fingerprinter: Fingerprinter,
): AsyncGenerator<PreparedBatch> {
  for await (const records of readRecords(file, kind, batchSize, stats, limits))
    yield { records, verdicts: await prepareRecords(kind, records, fingerprinter) };
}

/** prepareRecord for each record, in slices of PREPARE_SLICE with a turn of the event loop between them. */
export async function prepareRecords(kind: Kind, records: readonly RawRecord[], fingerprinter: Fingerprinter): Promise<Prepared<Kind>[]> {
  const verdicts: Prepared<Kind>[] = [];
  for (let i = 0; i < records.length; i++) {
    // A macrotask, not a microtask: only that lets pending I/O (requests, replies) through.
    if (i > 0 && i % PREPARE_SLICE === 0) await turn();
    verdicts.push(prepareRecord(kind, records[i]!, fingerprinter));
  }
  return verdicts;
}
