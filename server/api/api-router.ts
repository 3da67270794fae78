/** The /api routes: each handler parses input, calls one service, shapes the output. */
import { Router } from 'express';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { getEntity } from '../services/entity-service.ts';
import { getHealth } from '../services/health-service.ts';
import { getOverview } from '../services/overview-service.ts';
import { search } from '../services/search-service.ts';
import { parseInput } from './validate.ts';
import {
  entityParamsSchema,
  entityQuerySchema,
  overviewQuerySchema,
  searchQuerySchema,
} from './schemas.ts';
import { errorHandler, notFoundHandler } from './error-handler.ts';

export function apiRouter(db: GraphDatabase, appVersion: string): Router {
  const router = Router();

  router.get('/health', async (_req, res) => {
    const health = await getHealth(db, appVersion);
    res.status(health.database.status === 'up' ? 200 : 503).json(health);
  });

  router.get('/search', async (req, res) => {
    const params = parseInput(searchQuerySchema, req.query, 'query');
    res.json({ query: params.q, results: await search(db, params) });
  });

  router.get('/entities/:id', async (req, res) => {
    const { id } = parseInput(entityParamsSchema, req.params, 'path');
    const { neighbours } = parseInput(entityQuerySchema, req.query, 'query');
    res.json(await getEntity(db, id, neighbours));
  });

  router.get('/overview', async (req, res) => {
    const { limit } = parseInput(overviewQuerySchema, req.query, 'query');
    res.json(await getOverview(db, limit));
  });

  router.use(notFoundHandler);
  router.use(errorHandler);
  return router;
}
