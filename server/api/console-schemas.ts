/**
 * The Cypher console's request and answer (docs/console.md), defined once: validation, types and
 * the OpenAPI document derive from them.
 */
import { z } from 'zod';

export const CONSOLE_LIMITS = {
  maxQueryChars: 5_000,
  defaultRows: 200,
  maxRows: 1_000,
  maxParamDepth: 32,
} as const;

/**
 * Whether `value` nests lists and maps at most `depth` deep. The parameters are converted
 * recursively (console-service.ts, then the driver): a 1 MB body of `[[[…]]]` would overflow the
 * stack there and answer 500 rather than 400. Recursion here stops at the limit.
 */
function nestsAtMost(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth === 0) return false;
  return Object.values(value).every((item) => nestsAtMost(item, depth - 1));
}

export const consoleRequestSchema = z
  .strictObject({
    query: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(CONSOLE_LIMITS.maxQueryChars, `is at most ${CONSOLE_LIMITS.maxQueryChars} characters`)
      .meta({
        description:
          'One read-only Cypher statement. Writes, schema and administration commands, procedure calls (`CALL name(…)`; `CALL { … }` subqueries are fine), LOAD CSV, USE, several statements and `\\u` escapes (Neo4j decodes them before it reads the query) are refused.',
        example: 'MATCH (o:Organisation)-[r:LEADS]->(a:Activity) RETURN o, r, a',
      }),
    params: z
      .record(z.string(), z.unknown())
      .refine((params) => nestsAtMost(params, CONSOLE_LIMITS.maxParamDepth + 1), {
        message: `params nest lists and maps at most ${CONSOLE_LIMITS.maxParamDepth} deep`,
      })
      .default({})
      .meta({
        description: 'Query parameters (`$name`), JSON values; whole numbers are sent as integers',
        example: { id: 'org:unicef' },
      }),
    limit: z
      .number()
      .int()
      .min(1)
      .max(CONSOLE_LIMITS.maxRows)
      .default(CONSOLE_LIMITS.defaultRows)
      .meta({
        description: `The most rows returned (1–${CONSOLE_LIMITS.maxRows}, default ${CONSOLE_LIMITS.defaultRows}); reading stops there`,
      }),
  })
  .strict();

export type ConsoleRequestBody = z.infer<typeof consoleRequestSchema>;

export const consoleAnswerSchema = z
  .object({
    columns: z.array(z.string()),
    rows: z.array(z.array(z.unknown())).meta({
      description:
        'One array per row, a value per column, as plain JSON: nodes `{ kind: "node", id?, elementId, labels, properties }` (`id`: the entity id), relationships `{ kind: "relationship", elementId, type, start, end, properties }` (`start`/`end`: element ids), paths `{ kind: "path", nodes, relationships }`, integers as numbers (strings beyond ±2^53), temporal values as ISO strings, points `{ srid, x, y, z? }`, bytes as base64',
    }),
    truncated: z.boolean().meta({ description: 'More rows existed than were returned' }),
    truncatedBy: z
      .enum(['rows', 'bytes'])
      .nullable()
      .meta({ description: 'The cap that cut the rows off: the row limit or the size cap' }),
    elapsedMs: z.number().int(),
    graph: z
      .object({
        nodes: z.array(z.string()).meta({ description: 'Entity ids in the result' }),
        edges: z.array(z.object({ source: z.string(), target: z.string(), type: z.string() })),
      })
      .meta({
        description:
          'The entities in the result (with the ends of its relationships) and the relationships among them, for drawing in the explorer',
      }),
  })
  .meta({ id: 'ConsoleAnswer' });
