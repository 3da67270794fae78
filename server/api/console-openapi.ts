/** The Cypher console in the OpenAPI document (docs/console.md). */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { consoleAnswerSchema, consoleRequestSchema } from './console-schemas.ts';
import { errorResponseSchema } from './response-schemas.ts';

export const CONSOLE_TAG = {
  name: 'console',
  description: 'Read-only Cypher for admins (see docs/console.md)',
};

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export function registerConsolePaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/console/query',
    tags: [CONSOLE_TAG.name],
    summary: 'Run one read-only Cypher statement (admins only)',
    description:
      'Admins only: accounts, sessions and tokens live in the same database, and Neo4j Community cannot hide labels from a query. The text is checked first (no writes, schema or administration commands, procedures, LOAD CSV, USE, several statements), then runs in a READ access-mode transaction with a timeout (CONSOLE_TIMEOUT_MS); rows stop at `limit` and at CONSOLE_MAX_RESULT_BYTES of JSON. Its own rate limit (CONSOLE_LIMIT_PER_MINUTE).',
    request: {
      body: { content: { 'application/json': { schema: consoleRequestSchema } }, required: true },
    },
    responses: {
      200: json(consoleAnswerSchema, 'The rows, and the graph in them'),
      400: json(
        errorResponseSchema,
        'VALIDATION_ERROR (the body); CONSOLE_QUERY_REFUSED (a refused clause: `details` gives `clause`, `reason`, `line`, `column`; or a write the READ transaction refused); CYPHER_ERROR (Neo4j refused the query: its message, and `details.neo4jError`, e.g. `SyntaxError`)',
      ),
      401: json(errorResponseSchema, 'UNAUTHENTICATED or INVALID_CREDENTIALS'),
      403: json(errorResponseSchema, 'FORBIDDEN (needs admin) or CSRF_REJECTED'),
      503: json(errorResponseSchema, 'DATABASE_UNAVAILABLE or DATABASE_BUSY, with Retry-After'),
      504: json(
        errorResponseSchema,
        'QUERY_TIMEOUT: the database stopped the query at the console timeout (`details.timeoutMs`), or did not answer 2 s after it',
      ),
    },
  });
}
