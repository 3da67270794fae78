/**
 * POST /api/imports starts an import job; GET /api/imports[/:id] reports on jobs. Editors and
 * admins only (an API token, a session, or the ADMIN_TOKEN bootstrap credential).
 */
import { Router } from 'express';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { getImportJob, listImportJobs, startImportJob } from '../services/import-jobs.ts';
import { requireRole } from '../auth/authenticate.ts';
import { errorHandler } from './error-handler.ts';
import {
  importJobListQuerySchema,
  importJobParamsSchema,
  importRequestSchema,
} from './import-schemas.ts';
import { parseInput } from './validate.ts';

export function importsRouter(db: GraphDatabase): Router {
  const router = Router();
  router.use(requireRole('editor'));

  router.post('/', async (req, res) => {
    const body = parseInput(importRequestSchema, req.body, 'body');
    const job = await startImportJob(db, {
      kind: body.kind,
      location: body.url ?? body.name!,
      content: body.content,
      dryRun: body.dryRun,
      columns: body.columns,
      sourceId: body.sourceId,
    });
    res.status(202).location(`/api/imports/${job.id}`).json(job);
  });

  router.get('/', async (req, res) => {
    const { limit } = parseInput(importJobListQuerySchema, req.query, 'query');
    res.json({ jobs: await listImportJobs(db, limit) });
  });

  router.get('/:id', async (req, res) => {
    const { id } = parseInput(importJobParamsSchema, req.params, 'path');
    res.json(await getImportJob(db, id));
  });
  router.use(errorHandler);
  return router;
}
