/**
 * POST /api/console/query: the read-only Cypher console, for admins only (docs/console.md says
 * why: the accounts are in the same database).
 */
import { Router } from 'express';
import { requireRole } from '../auth/authenticate.ts';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import {
  DEFAULT_CONSOLE_SETTINGS,
  runConsoleQuery,
  type ConsoleSettings,
} from '../console/console-service.ts';
import { consoleRequestSchema } from './console-schemas.ts';
import { errorHandler } from './error-handler.ts';
import { parseInput } from './validate.ts';

export function consoleRouter(
  db: GraphDatabase,
  settings: ConsoleSettings = DEFAULT_CONSOLE_SETTINGS,
): Router {
  const router = Router();
  router.post('/query', requireRole('admin'), async (req, res) => {
    const body = parseInput(consoleRequestSchema, req.body ?? {}, 'body');
    res.set('Cache-Control', 'no-store').json(await runConsoleQuery(db, body, settings));
  });
  router.use(errorHandler);
  return router;
}
