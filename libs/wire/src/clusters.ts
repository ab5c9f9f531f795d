import { z } from 'zod';
import { NetworkEdgeSchema, NetworkNodeSchema } from './network';
import { pageQuery } from './page';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ClusterIdSchema = z.string().regex(/^C\d{6,}$/, 'cluster ids look like C000123');

export const ClusterListQuerySchema = z
  .object({
    run: z.string().uuid().optional(),
    minRisk: z.coerce.number().min(0).max(100).default(0),
    maxRisk: z.coerce.number().min(0).max(100).default(100),
    minSize: z.coerce.number().int().min(1).max(1_000_000).default(1),
    maxSize: z.coerce.number().int().min(1).max(1_000_000).default(1_000_000),
    flagged: bool.optional(),
    status: z.enum(['open', 'proposed', 'shut_down']).optional(),
    brand: z.string().trim().min(1).max(100).optional().meta({ example: 'Aurelio' }),
    sort: z.enum(['risk', 'size', 'growth']).default('risk'),
    ...pageQuery(),
  })
  .strict()
  .refine((q) => q.minRisk <= q.maxRisk, { message: 'minRisk must not exceed maxRisk', path: ['minRisk'] })
  .refine((q) => q.minSize <= q.maxSize, { message: 'minSize must not exceed maxSize', path: ['minSize'] });
export type ClusterListQuery = z.infer<typeof ClusterListQuerySchema>;

export const ClusterDetailQuerySchema = z.object({ run: z.string().uuid().optional() }).strict();
export type ClusterDetailQuery = z.infer<typeof ClusterDetailQuerySchema>;

const ClusterSummarySchema = z.object({
  id: z.string().meta({ example: 'C000042' }),
  size: z.number(),
  risk: z.number(),
  flagged: z.boolean(),
  status: z.string(),
  lineage: z.string().meta({ example: 'grown' }),
  lineageFrom: z.array(z.string()),
  sizeBefore: z.number(),
  caseId: z.string().nullable().meta({ description: 'the case that follows this network (null: none yet)' }),
  caseStatus: z.string().nullable(),
});

/** A cluster in a list (the clusters page, a nightly report). */
export const ClusterListItemSchema = ClusterSummarySchema.extend({
  brands: z.array(z.string()).meta({ description: 'the brands its shops list, the most widely listed first' }),
});
export type ClusterListItem = z.infer<typeof ClusterListItemSchema>;

/** A cluster on the clusters page: also its top brands with their share, which tell networks apart better than the whole list. */
export const ClusterPageItemSchema = ClusterListItemSchema.extend({
  topBrands: z
    .array(
      z.object({
        brand: z.string(),
        share: z.number().nullable().meta({ description: 'share of its shops listing the brand, 0–1 (null: not kept by that run)' }),
      }),
    )
    .meta({ description: 'the most widely listed brands (up to 3), with their share' }),
});
export type ClusterPageItem = z.infer<typeof ClusterPageItemSchema>;

export const ClusterPageSchema = z.object({
  runId: z.string().nullable(),
  runStartedAt: z.string().nullable(),
  total: z.number(),
  items: z.array(ClusterPageItemSchema),
});
export type ClusterPage = z.infer<typeof ClusterPageSchema>;

export const ClusterDetailSchema = ClusterSummarySchema.extend({
  runId: z.string(),
  runStartedAt: z.string(),
  factors: z.array(z.object({ name: z.string(), value: z.number(), points: z.number(), explanation: z.string() })),
  verdict: z.string().nullable().meta({ description: 'why the cluster is or is not flagged, in words (null for runs before verdicts were kept)' }),
  members: z.array(
    z.object({ id: z.string(), name: z.string().nullable(), status: z.string().nullable(), openedAt: z.string().nullable(), confidence: z.number() }),
  ),
});
export type ClusterDetail = z.infer<typeof ClusterDetailSchema>;

export const ClusterGraphQuerySchema = z
  .object({
    run: z.string().uuid().optional(),
    limit: z.coerce.number().int().min(2).max(10_000).default(5_000),
  })
  .strict();
export type ClusterGraphQuery = z.infer<typeof ClusterGraphQuerySchema>;

export const ClusterGraphNodeSchema = NetworkNodeSchema.extend({ confidence: z.number().nullable() });
export type ClusterGraphNode = z.infer<typeof ClusterGraphNodeSchema>;

export const ClusterGraphSchema = z.object({
  clusterId: z.string(),
  runId: z.string(),
  truncated: z.boolean().meta({ description: 'true when nodes were left out to stay under the limit' }),
  nodes: z.array(ClusterGraphNodeSchema),
  edges: z.array(NetworkEdgeSchema),
});
export type ClusterGraph = z.infer<typeof ClusterGraphSchema>;

/** `GET /clusters/:id/dossier`: the format, and optionally the run the cluster was found in. */
export const DossierQuerySchema = z.object({ format: z.enum(['pdf', 'html', 'json', 'zip']).default('pdf'), run: z.string().uuid().optional() }).strict();
export type DossierQuery = z.infer<typeof DossierQuerySchema>;
