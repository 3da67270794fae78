/**
 * Builds the Express app around one GraphDatabase: security headers, the JSON API under /api,
 * and the built front end (web/dist) for everything else. No state of its own, so any number of
 * instances can serve one database.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import type { GraphDatabase } from './db/neo4j-client.ts';
import { apiRouter } from './api/api-router.ts';
import { errorHandler } from './api/error-handler.ts';
import { importsRouter } from './api/imports-router.ts';
import { insightsRouter } from './api/insights-router.ts';
import { REPO_ROOT } from './config.ts';

export const APP_VERSION = '0.1.0';
export const WEB_DIST = path.join(REPO_ROOT, 'web', 'dist');

export interface AppOptions {
  webDist?: string;
  /** Enables the imports API for callers that present it (until accounts exist). */
  adminToken?: string;
}

export function createApp(db: GraphDatabase, options: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Cytoscape sets inline styles on its container; the app loads nothing from elsewhere.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  // Imports may carry a whole sheet or page; every other route takes small bodies.
  app.use('/api/imports', express.json({ limit: '25mb' }), importsRouter(db, options.adminToken));
  app.use(express.json({ limit: '1mb' }));
  app.use('/api', insightsRouter(db));
  app.use('/api', apiRouter(db, APP_VERSION));
  // Body-parser errors (malformed JSON, too large) arise before the router: same JSON shape.
  app.use('/api', errorHandler);

  const webDist = options.webDist ?? WEB_DIST;
  if (existsSync(webDist)) {
    app.use(express.static(webDist, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes: any other GET gets the app shell.
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(path.join(webDist, 'index.html')));
  }
  return app;
}
