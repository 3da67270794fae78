/**
 * Request and response schemas of the API, defined once: validation, TypeScript types and (with
 * the query API issue) the OpenAPI document derive from them.
 */
import { z } from 'zod';
import { ENTITY_TYPES, entityTypeSchema } from '../model/graph-model.ts';

export const ENTITY_ID_PATTERN = /^[a-z]+:[\p{L}\p{N}._\-/]+$/u;

export const entityIdSchema = z
  .string()
  .min(3)
  .max(300)
  .regex(ENTITY_ID_PATTERN, 'must look like "org:unicef" or "activity:unicef/some-title"');

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(200, 'q is at most 200 characters'),
  types: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(entityTypeSchema)),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const overviewQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export const entityParamsSchema = z.object({ id: entityIdSchema });

export const entityQuerySchema = z.object({
  neighbours: z.coerce.number().int().min(0).max(500).default(100),
});

export const entityTypes = ENTITY_TYPES;
