import { z } from 'zod';

/** One bad field of a rejected request (a 400's `details`). */
export const FieldProblemSchema = z.object({ field: z.string(), reason: z.string() });
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

/** The body of every failure, whatever threw it. */
export const ErrorBodySchema = z.object({
  error: z.object({
    status: z.number(),
    code: z.string().meta({ example: 'bad_request' }),
    message: z.string(),
    details: z.unknown().optional().meta({ description: 'for invalid input, the bad fields: [{ field, reason }]' }),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
