import { z } from 'zod';

/** A data load: running, or how it ended with its counts. */
export const ImportSchema = z.object({
  id: z.string(),
  source: z.string(),
  files: z.array(z.string()),
  status: z.enum(['running', 'completed', 'failed', 'abandoned']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  error: z.string().nullable(),
  read: z.number().nullable(),
  accepted: z.number().nullable(),
  rejected: z.number().nullable(),
  created: z.number().nullable(),
  updated: z.number().nullable(),
  perFile: z.unknown().meta({ description: 'the counts per file, once finished (null before)' }),
  rejectsFile: z.string().nullable(),
});
export type Import = z.infer<typeof ImportSchema>;

export const ImportStartedSchema = z.object({ id: z.string(), status: z.literal('running') });
export type ImportStarted = z.infer<typeof ImportStartedSchema>;

/** `POST /imports?file=shops.csv`: the data file's name says its kind. */
export const UploadQuerySchema = z.object({ file: z.string().min(5).max(200) }).strict();
export type UploadQuery = z.infer<typeof UploadQuerySchema>;

export const ImportIdSchema = z.string().uuid('import ids are UUIDs');
