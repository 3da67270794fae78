/** The /api routes: each handler parses input, calls one service, shapes the output. */
import { Router } from 'express';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import type { AnswerCache } from '../services/answer-cache.ts';
import { getEntity } from '../services/entity-service.ts';
import { exportGraph } from '../services/export-service.ts';
import { getFacets } from '../services/facets-service.ts';
import { getHealth } from '../services/health-service.ts';
import { getNeighbourhood } from '../services/neighbourhood-service.ts';
import { getOverview } from '../services/overview-service.ts';
import { findPaths } from '../services/path-service.ts';
import { search } from '../services/search-service.ts';
import { getMetricsSummary } from '../insights/metrics-service.ts';
import { getStats } from '../services/stats-service.ts';
import { getSubgraph } from '../services/subgraph-service.ts';
import { getRelationshipDetails } from '../services/relationship-details-service.ts';
import { apiDocsRouter } from './api-docs.ts';
import { etagFor, sendCached } from './cached-answer.ts';
import { openApiDocument } from './openapi.ts';
import { parseInput } from './validate.ts';
import {
  entityParamsSchema,
  entityQuerySchema,
  exportQuerySchema,
  facetsQuerySchema,
  neighbourhoodQuerySchema,
  overviewQuerySchema,
  pathsQuerySchema,
  relationshipDetailsBodySchema,
  searchQuerySchema,
  statsQuerySchema,
  subgraphBodySchema,
} from './schemas.ts';
import { errorHandler, notFoundHandler } from './error-handler.ts';
import { redirectMovedEntities } from './moved-entities.ts';
import type { ApiRoute } from './route-table.ts';

export function apiRouter(
  db: GraphDatabase,
  appVersion: string,
  answers: AnswerCache,
  routes: readonly ApiRoute[],
): Router {
  const router = Router();

  router.get('/health', async (_req, res) => {
    const health = await getHealth(db, appVersion);
    res.status(health.database.status === 'up' ? 200 : 503).json(health);
  });

  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument(appVersion));
  });
  router.use(apiDocsRouter());

  router.get('/search', async (req, res) => {
    const params = parseInput(searchQuerySchema, req.query, 'query');
    const page = await search(db, params);
    res.json({ query: params.q, offset: params.offset, limit: params.limit, ...page });
  });

  router.get('/entities/:id', async (req, res) => {
    const { id } = parseInput(entityParamsSchema, req.params, 'path');
    const { neighbours } = parseInput(entityQuerySchema, req.query, 'query');
    res.json(await getEntity(db, id, neighbours));
  });

  router.get('/overview', async (req, res) => {
    const { limit, mode } = parseInput(overviewQuerySchema, req.query, 'query');
    await sendCached(req, res, answers, 'overview', { limit, mode }, () =>
      getOverview(db, limit, mode),
    );
  });

  router.get('/graph/neighbourhood', async (req, res) => {
    const params = parseInput(neighbourhoodQuerySchema, req.query, 'query');
    await sendCached(req, res, answers, 'neighbourhood', params, () =>
      getNeighbourhood(db, params),
    );
  });

  router.post('/graph/subgraph', async (req, res) => {
    const { ids, rels } = parseInput(subgraphBodySchema, req.body ?? {}, 'body');
    res.json(await getSubgraph(db, ids, rels));
  });

  router.post('/graph/relationship-details', async (req, res) => {
    const { ids, rels } = parseInput(relationshipDetailsBodySchema, req.body ?? {}, 'body');
    res.json(await getRelationshipDetails(db, ids, rels));
  });

  router.get('/graph/paths', async (req, res) => {
    const params = parseInput(pathsQuerySchema, req.query, 'query');
    await sendCached(req, res, answers, 'paths', params, () => findPaths(db, params));
  });

  router.get('/stats', async (req, res) => {
    const params = parseInput(statsQuerySchema, req.query, 'query');
    // The network measures (computed after each import) belong with the other statistics.
    const [stats, metrics] = await Promise.all([
      getStats(db, params),
      getMetricsSummary(db, params.top),
    ]);
    res.json({ ...stats, metrics });
  });

  router.get('/facets', async (req, res) => {
    const { limit } = parseInput(facetsQuerySchema, req.query, 'query');
    res.json(await getFacets(db, limit));
  });

  router.get('/export', async (req, res) => {
    const params = parseInput(exportQuerySchema, req.query, 'query');
    const file = await exportGraph(db, params);
    // The body says when it was exported, which alone must not make an unchanged graph's file
    // new to a revalidation: its ETag is of the rest (a weak ETag: equivalent, not identical).
    const etag = etagFor(req, file.body.replaceAll(file.exportedAt, ''));
    if (etag) res.set('ETag', etag);
    res.attachment(file.fileName).type(file.contentType).send(file.body);
  });

  router.use(notFoundHandler(routes));
  // An entity id a merge moved answers 308 to where it lives now (GET only).
  router.use(redirectMovedEntities(db));
  router.use(errorHandler);
  return router;
}
