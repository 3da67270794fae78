/** The imports API's part of the OpenAPI document. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  importJobListQuerySchema,
  importJobParamsSchema,
  importJobSchema,
  importRequestSchema,
} from './import-schemas.ts';
import { errorResponseSchema } from './response-schemas.ts';

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const denied = {
  401: json(
    errorResponseSchema,
    'No or an unknown token / session (UNAUTHENTICATED, INVALID_CREDENTIALS)',
  ),
  403: json(errorResponseSchema, 'FORBIDDEN (needs editor or admin) or CSRF_REJECTED'),
};

export function registerImportPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/imports',
    tags: ['imports'],
    summary:
      'Start an import (member page, DPG Registry, DPGA members, activities sheet) as a background job',
    description:
      'Send the document itself (`content` with a file `name`, up to 20 MB) or a `url` to fetch; the DPG Registry takes its API base URL. Server paths are never read, and URLs (with every redirect) only on public addresses unless the operator allows more. Poll the job for progress and the report.',
    request: { body: { content: { 'application/json': { schema: importRequestSchema } } } },
    responses: {
      202: json(importJobSchema, 'The job, queued; Location names it'),
      400: json(
        errorResponseSchema,
        'Invalid request; `details` names each bad field — also a `url` the server will not fetch (not http(s), or a loopback, private, link-local or other non-public address unless IMPORT_URL_ALLOW_HOSTS / IMPORT_ALLOW_PRIVATE_URLS allow it)',
      ),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/imports',
    tags: ['imports'],
    summary: 'Recent import jobs, newest first',
    request: { query: importJobListQuerySchema },
    responses: { 200: json(z.object({ jobs: z.array(importJobSchema) }), 'The jobs'), ...denied },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/imports/{id}',
    tags: ['imports'],
    summary: 'One import job: status, progress, report or error',
    request: { params: importJobParamsSchema },
    responses: {
      200: json(importJobSchema, 'The job'),
      404: json(errorResponseSchema, 'No job has that id'),
      ...denied,
    },
  });
}
