import type { ApiResponseSchemaHost } from '@nestjs/swagger';
import { z } from 'zod';

type SchemaObject = ApiResponseSchemaHost['schema'];

/**
 * Response and request shapes are zod schemas: one definition validates at the edge and documents the
 * API, instead of classes whose OpenAPI types depend on emitted decorator metadata.
 */
export function openApiSchema(schema: z.ZodType): SchemaObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest as SchemaObject;
}
