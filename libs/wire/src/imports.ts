import { z } from 'zod';

/** A data load: running, or how it ended with its counts. */
/**
 * What became of one file of an import: every line after the CSV header is blank or in one row read,
 * and every row read is accepted or rejected (read = accepted + rejected).
 */
export const ImportFileSchema = z.object({
  file: z.string(),
  kind: z.string(),
  lines: z.number().meta({ description: 'physical lines after the CSV header (all lines of NDJSON)' }),
  blank: z.number().meta({ description: 'empty lines, skipped' }),
  read: z.number().meta({ description: 'rows read (a row spans several lines only when a quoted cell holds a line break)' }),
  accepted: z.number(),
  rejected: z.number().meta({ description: 'rows in the rejects file: broken the contract, or refused by the database' }),
  created: z.number(),
  updated: z.number(),
  moved: z.number().meta({ description: 'rows that named another shop, seller, account or listing than the graph had: the link was moved' }),
  error: z.string().nullable().meta({ description: 'why the file stopped loading (not a data file, broken gzip, …), or null' }),
  durationMs: z.number(),
});
export type ImportFile = z.infer<typeof ImportFileSchema>;

export const ImportSchema = z.object({
  id: z.string(),
  source: z.string(),
  files: z.array(z.string()),
  status: z.enum(['running', 'completed', 'failed', 'abandoned']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  error: z.string().nullable(),
  read: z.number().nullable().meta({ description: 'while running: rows of the batches settled so far (written or rejected)' }),
  accepted: z.number().nullable(),
  rejected: z.number().nullable(),
  created: z.number().nullable(),
  updated: z.number().nullable(),
  moved: z.number().nullable().meta({ description: 'rows whose shop, seller, account or listing link was moved (each moved link says from where)' }),
  perFile: z.array(ImportFileSchema).nullable().meta({ description: 'the counts per file, once finished (null before)' }),
  rejectsFile: z.string().nullable(),
  bulk: z
    .object({
      outcome: z.enum(['imported', 'written']).meta({ description: 'imported: the local store was loaded; written: the files wait for the operator' }),
      folder: z.string().nullable().meta({ description: "where the importer's files wait (written), or null (imported: deleted)" }),
      command: z.string().meta({ description: 'the neo4j-admin command line (written: the one for the operator to run)' }),
    })
    .nullable()
    .meta({ description: "a bulk first load's outcome beyond its counts (null for a transactional load)" }),
});
export type Import = z.infer<typeof ImportSchema>;

export const ImportStartedSchema = z.object({ id: z.string(), status: z.literal('running') });
export type ImportStarted = z.infer<typeof ImportStartedSchema>;

/** `POST /imports?file=shops.csv`: the data file's name says its kind; `bulk=true` stages it for a bulk first load instead of loading it. */
export const UploadQuerySchema = z
  .object({
    file: z.string().min(5).max(200),
    bulk: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
  })
  .strict();
export type UploadQuery = z.output<typeof UploadQuerySchema>;

/** A file staged for a bulk first load (raw: it is deleted after the load, on discard, or by the sweep after retention). */
export const StagedFileSchema = z.object({
  file: z.string(),
  kind: z.string(),
  bytes: z.number(),
  stagedAt: z.string(),
});
export type StagedFile = z.infer<typeof StagedFileSchema>;

/** `GET /imports/bulk`, and the answer to staging or discarding: the files waiting, and the bulk load running (its import id), if any. */
export const BulkStagingSchema = z.object({
  files: z.array(StagedFileSchema),
  running: z.string().nullable().meta({ description: 'the import id of the bulk first load running now, or null' }),
});
export type BulkStaging = z.infer<typeof BulkStagingSchema>;

export const ImportIdSchema = z.string().uuid('import ids are UUIDs');
