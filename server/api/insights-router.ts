/**
 * The insights routes under /api: collaborators for a DPG, stakeholder maps, an organisation's
 * partnership network, gaps for advocacy, and the network measures. Each handler parses its
 * input, calls one service and answers its result. Mounted before the main API router, whose
 * last handler answers 404 for unknown routes.
 */
import { Router } from 'express';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import type { AnswerCache } from '../services/answer-cache.ts';
import { getCollaborators } from '../insights/collaborator-service.ts';
import { getGaps } from '../insights/gaps-service.ts';
import { getMetricsSummary } from '../insights/metrics-service.ts';
import { getOrganisationNetwork } from '../insights/organisation-network-service.ts';
import { getStakeholders } from '../insights/stakeholder-service.ts';
import { sendCached } from './cached-answer.ts';
import { errorHandler } from './error-handler.ts';
import { redirectMovedEntities } from './moved-entities.ts';
import {
  collaboratorsParamsSchema,
  collaboratorsQuerySchema,
  gapsQuerySchema,
  metricsQuerySchema,
  networkParamsSchema,
  networkQuerySchema,
  stakeholdersQuerySchema,
} from './insights-schemas.ts';
import { parseInput } from './validate.ts';

export function insightsRouter(db: GraphDatabase, answers: AnswerCache): Router {
  const router = Router();

  router.get('/dpgs/:id/collaborators', async (req, res) => {
    const { id } = parseInput(collaboratorsParamsSchema, req.params, 'path');
    const query = parseInput(collaboratorsQuerySchema, req.query, 'query');
    const request = { id, ...query };
    await sendCached(req, res, answers, 'collaborators', request, () =>
      getCollaborators(db, request),
    );
  });

  router.get('/stakeholders', async (req, res) => {
    const query = parseInput(stakeholdersQuerySchema, req.query, 'query');
    await sendCached(req, res, answers, 'stakeholders', query, () => getStakeholders(db, query));
  });

  router.get('/organisations/:id/network', async (req, res) => {
    const { id } = parseInput(networkParamsSchema, req.params, 'path');
    const query = parseInput(networkQuerySchema, req.query, 'query');
    const request = { id, ...query };
    await sendCached(req, res, answers, 'organisation-network', request, () =>
      getOrganisationNetwork(db, request),
    );
  });

  router.get('/gaps', async (req, res) => {
    const query = parseInput(gapsQuerySchema, req.query, 'query');
    res.json(await getGaps(db, query));
  });

  router.get('/insights/metrics', async (req, res) => {
    const { top } = parseInput(metricsQuerySchema, req.query, 'query');
    res.json(await getMetricsSummary(db, top));
  });

  // Errors of these routes get the one JSON error shape; other paths fall through. An entity id
  // a merge moved answers 308 to where it lives now (GET only).
  router.use(redirectMovedEntities(db), errorHandler);
  return router;
}
