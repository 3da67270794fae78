/**
 * POST /api/imports starts an import job; GET /api/imports[/:id] reports on jobs. Editors and
 * admins only (an API token, a session, or the ADMIN_TOKEN bootstrap credential). A `url` is
 * fetched only when the server's outbound URL policy allows it (no loopback, private or metadata
 * addresses by default): checked here, so the caller hears at once, and again on every fetch and
 * redirect the job makes.
 */
import { Router } from 'express';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { ValidationError } from '../errors.ts';
import {
  checkOutboundUrl,
  PUBLIC_ONLY_URL_POLICY,
  type OutboundUrlPolicy,
} from '../http/outbound-url-policy.ts';
import { getImportJob, listImportJobs, startImportJob } from '../services/import-jobs.ts';
import { requireRole } from '../auth/authenticate.ts';
import { errorHandler } from './error-handler.ts';
import {
  importJobListQuerySchema,
  importJobParamsSchema,
  importRequestSchema,
} from './import-schemas.ts';
import { parseInput } from './validate.ts';

export interface ImportsRouterOptions {
  /** The URLs an import may fetch; default: public addresses only. */
  urlPolicy?: OutboundUrlPolicy;
}

/** A 400 naming `body.url` when the policy refuses the URL, as a schema violation would. */
async function assertUrlAllowed(url: string, policy: OutboundUrlPolicy): Promise<void> {
  const verdict = await checkOutboundUrl(url, policy);
  if (verdict.allowed) return;
  const message = `url is not fetched: ${verdict.reason}`;
  throw ValidationError.of('body', [{ path: 'body.url', message }]);
}

export function importsRouter(db: GraphDatabase, options: ImportsRouterOptions = {}): Router {
  const urlPolicy = options.urlPolicy ?? PUBLIC_ONLY_URL_POLICY;
  const router = Router();
  router.use(requireRole('editor'));

  router.post('/', async (req, res) => {
    const body = parseInput(importRequestSchema, req.body, 'body');
    if (body.url !== undefined) await assertUrlAllowed(body.url, urlPolicy);
    const job = await startImportJob(db, {
      kind: body.kind,
      location: body.url ?? body.name!,
      content: body.content,
      dryRun: body.dryRun,
      columns: body.columns,
      sourceId: body.sourceId,
      urlPolicy,
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
