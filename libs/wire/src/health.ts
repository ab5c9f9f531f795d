import { z } from 'zod';

export const HealthReportSchema = z
  .object({
    status: z.literal('ok'),
    neo4j: z.object({
      mode: z.enum(['local', 'external']),
      version: z.string().meta({ example: '5.26.30' }),
      edition: z.string().meta({ example: 'community' }),
      database: z.string().meta({ example: 'neo4j' }),
    }),
    gds: z.object({ available: z.boolean(), version: z.string().nullable().meta({ example: '2.13.9' }) }),
    migrations: z.array(z.object({ id: z.string().meta({ example: '0001' }), name: z.string(), appliedAt: z.string() })),
  })
  .meta({ description: 'Neo4j version and edition, GDS availability, applied migrations' });
export type HealthReport = z.infer<typeof HealthReportSchema>;

/** Readiness: the database answers and the start-up warm-ups (fonts, query plans) have ended; 503 until then. */
export const HealthReadySchema = z
  .object({
    ready: z.boolean(),
    warming: z.array(z.string()).meta({ description: 'the warm-ups still running, by name', example: ['dossiers'] }),
  })
  .meta({ description: 'whether this process should be sent people yet' });
export type HealthReady = z.infer<typeof HealthReadySchema>;
