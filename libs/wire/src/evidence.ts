import { IDENTIFIER_KINDS } from '@ringwatch/kinds';
import { z } from 'zod';
import { ShopIdSchema } from './shops';

/** An identifier two or more of the asked-about shops share, weighed as the detection projection weighs it. */
export const SharedIdentifierSchema = z.object({
  kind: z.enum(IDENTIFIER_KINDS).meta({ example: 'account' }),
  key: z.string().meta({
    description:
      'the identifier node’s unique key (a fingerprint for accounts and identity documents); an opaque stable id (`~…`) for callers without identities.read',
  }),
  label: z.string(),
  shopCount: z.number(),
  shops: z.array(z.string()),
  strong: z.boolean(),
  hub: z.boolean().meta({ description: 'shared by more shops than the hub threshold: shown for context, never counted as evidence' }),
  weight: z.number().meta({ description: 'what one pair of these shops gets from this identifier in the detection projection' }),
});
export type SharedIdentifier = z.infer<typeof SharedIdentifierSchema>;

export const EvidencePairSchema = z.object({ a: z.string(), b: z.string(), weight: z.number(), identifiers: z.number() });
export type EvidencePair = z.infer<typeof EvidencePairSchema>;

/** Why shops are linked: what they share, and each pair's summed weight, heaviest first. */
export const EvidenceSchema = z.object({
  shops: z.array(z.string()),
  identifiers: z.array(SharedIdentifierSchema),
  pairs: z.array(EvidencePairSchema),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** `GET /evidence?shops=a,b`: two to fifty shop ids, comma-separated (duplicates ignored). */
export const EvidenceQuerySchema = z
  .object({
    shops: z
      .string()
      .transform((v) => [
        ...new Set(
          v
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        ),
      ])
      .pipe(z.array(ShopIdSchema).min(2, 'name at least two shops').max(50, 'name at most 50 shops')),
  })
  .strict();
export type EvidenceQuery = z.infer<typeof EvidenceQuerySchema>;
