/**
 * The OpenAPI 3.1 document of the API, generated from the same zod schemas the routes validate
 * with (schemas.ts) and the response schemas (response-schemas.ts): every route is registered
 * here once, with its parameters, their defaults and maxima, and its responses.
 */
import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { CURATION_TAGS, registerCurationPaths } from './curation-openapi.ts';
import { CONSOLE_TAG, registerConsolePaths } from './console-openapi.ts';
import { registerImportPaths } from './imports-openapi.ts';
import { INSIGHTS_TAG, registerInsightsPaths } from './insights-openapi.ts';
import { withRateLimitResponses } from '../http/rate-limit-docs.ts';
import {
  entityParamsSchema,
  entityQuerySchema,
  exportQuerySchema,
  facetsQuerySchema,
  neighbourhoodQuerySchema,
  overviewQuerySchema,
  pathsQuerySchema,
  searchQuerySchema,
  statsQuerySchema,
  subgraphBodySchema,
  relationshipDetailsBodySchema,
} from './schemas.ts';
import {
  entityResponseSchema,
  errorResponseSchema,
  facetsResponseSchema,
  movedEntityResponse,
  healthResponseSchema,
  neighbourhoodResponseSchema,
  overviewResponseSchema,
  pathsResponseSchema,
  searchResponseSchema,
  statsResponseSchema,
  subgraphResponseSchema,
  relationshipDetailsResponseSchema,
} from './response-schemas.ts';

type Responses = RouteConfig['responses'];

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The error responses every data route can give; a 404 for an entity id comes with its 308. */
function errors(...statuses: (400 | 404)[]): Responses {
  const out: Responses = {
    503: {
      ...json(
        errorResponseSchema,
        'The database is unreachable; try again after Retry-After seconds',
      ),
      headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
    },
  };
  if (statuses.includes(400))
    out[400] = json(errorResponseSchema, 'Invalid input; `details` names each bad parameter');
  if (statuses.includes(404)) {
    out[404] = json(errorResponseSchema, 'No entity has that id');
    out[308] = movedEntityResponse;
  }
  return out;
}

function buildRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();

  registry.registerPath({
    method: 'get',
    path: '/api/health',
    tags: ['meta'],
    summary: 'App and database status',
    responses: {
      200: json(healthResponseSchema, 'The database is up'),
      503: json(healthResponseSchema, 'The database is down'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/search',
    tags: ['entities'],
    summary: 'Full-text search: typeahead (prefix) and fuzzy, ranked, paged, with a snippet',
    description:
      'Ranked: the entity named exactly what was typed first, then entities whose name or an alias ' +
      'matches (closest first, the better connected higher: half the score again per tenfold ' +
      'relationships; a typo weighs half a prefix; among equal matches the shorter name), then ' +
      'those whose description mentions the words. The words run together match too ("open ' +
      'crvs": OpenCRVS), a word typed with accents matches it written without ("São Tomé") and a name or ' +
      'alias written with accents matches them typed without ("sante": SantéMPI), ' +
      'letters then digits match as two words ("sdg3": SDG 3), and an entity id ("org:unicef") ' +
      "finds its entity first. Words that are an entity's whole name or alias also find what is " +
      'related to that entity and matches the other words ("unicef ai": the Community of ' +
      'Practice on AI that UNICEF leads; "health kenya": health DPGs deployed in Kenya), with ' +
      'the relationship as the snippet, then that entity itself (Kenya) with a score of 1e-6, where ' +
      'something was found through it: after it, but within the first 10 results whatever the ' +
      'page asked for. Every word must match; when no entity matches them all, the ' +
      'results are those matching any of them, and `words` says "some".',
    request: { query: searchQuerySchema },
    responses: { 200: json(searchResponseSchema, 'Ranked matches'), ...errors(400) },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/entities/{id}',
    tags: ['entities'],
    summary:
      'One entity: properties, degree by relationship, neighbours and their summary, sources',
    request: { params: entityParamsSchema, query: entityQuerySchema },
    responses: { 200: json(entityResponseSchema, 'The entity'), ...errors(400, 404) },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/overview',
    tags: ['graph'],
    summary: 'The whole graph when small, its best-connected part or a summary by type when large',
    request: { query: overviewQuerySchema },
    responses: { 200: json(overviewResponseSchema, 'Cytoscape elements'), ...errors(400) },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/graph/neighbourhood',
    tags: ['graph'],
    summary: 'An entity and what lies within 1–3 hops, capped, with what was left out by type',
    request: { query: neighbourhoodQuerySchema },
    responses: {
      200: json(neighbourhoodResponseSchema, 'Cytoscape elements'),
      ...errors(400, 404),
    },
  });

  registry.registerPath({
    method: 'post',
    path: '/api/graph/subgraph',
    tags: ['graph'],
    summary: 'The entities with the given ids and the relationships among them (a saved view)',
    request: {
      body: { content: { 'application/json': { schema: subgraphBodySchema } }, required: true },
    },
    responses: { 200: json(subgraphResponseSchema, 'Cytoscape elements'), ...errors(400) },
  });

  registry.registerPath({
    method: 'post',
    path: '/api/graph/relationship-details',
    tags: ['graph'],
    summary:
      'What the relationships among the given entities state (evidence, role, dates, board seat, notes, cited page), and the sources they cite',
    description:
      'The graph endpoints answer with ends, types and sources only; the explorer asks for this when it exports what it shows.',
    request: {
      body: {
        content: { 'application/json': { schema: relationshipDetailsBodySchema } },
        required: true,
      },
    },
    responses: {
      200: json(
        relationshipDetailsResponseSchema,
        'The relationships, ordered by source, type, target',
      ),
      ...errors(400),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/graph/paths',
    tags: ['graph'],
    summary: 'Shortest paths between two entities, k alternatives, each with a sentence',
    request: { query: pathsQuerySchema },
    responses: {
      200: json(
        pathsResponseSchema,
        'Paths, shortest first; of equal length, those through fewer SDGs and countries first (none when not connected). The same paths either way round, each read from `from` to `to`',
      ),
      ...errors(400, 404),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/stats',
    tags: ['graph'],
    summary: 'Counts by type, best-connected entities and coverage questions',
    request: { query: statsQuerySchema },
    responses: { 200: json(statsResponseSchema, 'Statistics'), ...errors(400) },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/facets',
    tags: ['graph'],
    summary: 'Values and counts for the filters',
    request: { query: facetsQuerySchema },
    responses: { 200: json(facetsResponseSchema, 'Facets'), ...errors(400) },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/export',
    tags: ['graph'],
    summary:
      'The graph, or a neighbourhood, as a file for Gephi, Cytoscape desktop or a spreadsheet',
    description:
      'Served as an attachment (Content-Disposition) named `dpg-explorer-<scope>.<ext>`. CSV tables: nodes `id,label,type,kind,degree,description,sources`; edges `source,target,type,label,role,startDate,endDate,board,notes,sourceUrl,sources,evidence`; list values joined with "; ", evidence (what each source quotes, in the order of sources) a line each (in GEXF, whose values are attributes, joined with " | "). Every format carries what each relationship states.',
    request: { query: exportQuerySchema },
    responses: {
      200: {
        description: 'The file',
        content: {
          'application/json': { schema: { type: 'object', description: 'Cytoscape.js JSON' } },
          'application/graphml+xml': { schema: { type: 'string' } },
          'application/gexf+xml': { schema: { type: 'string' } },
          'text/csv': { schema: { type: 'string' } },
        },
      },
      ...errors(400, 404),
    },
  });

  registerImportPaths(registry);
  registerInsightsPaths(registry);
  registerCurationPaths(registry);
  registerConsolePaths(registry);

  registry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    tags: ['meta'],
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1' } },
  });

  return registry;
}

let cached: ReturnType<OpenApiGeneratorV31['generateDocument']> | undefined;

/** The OpenAPI document (generated once per process). */
export function openApiDocument(version: string) {
  cached ??= new OpenApiGeneratorV31(buildRegistry().definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'DPG Explorer API',
      version,
      description:
        'Explore the digital public goods ecosystem as a graph. Graph endpoints answer Cytoscape elements (`{ data: { … } }`) with provenance (`sources`) on each. Errors are `{ error: { code, message, details } }`.',
    },
    tags: [
      { name: 'entities', description: 'Finding and reading entities' },
      { name: 'graph', description: 'Graph views, statistics and exports' },
      INSIGHTS_TAG,
      { name: 'imports', description: 'Importing sources (editor or admin)' },
      ...CURATION_TAGS,
      CONSOLE_TAG,
      { name: 'meta', description: 'Status and documentation' },
    ],
  });
  // Any route can be answered 429 by the per-client rate limits.
  return withRateLimitResponses(cached);
}
