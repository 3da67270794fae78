/**
 * Builds the Express app around one GraphDatabase: security headers, CORS for listed origins
 * only, per-client rate limits, body size limits, the JSON API under /api, and the built front
 * end (web/dist) for everything else. No state of its own but the rate-limit counters and a cache
 * of answers checked against the graph's revision on every request, so any number of instances
 * can serve one database.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import type { GraphDatabase } from './db/neo4j-client.ts';
import { apiRouter } from './api/api-router.ts';
import { errorHandler, optionsResponder } from './api/error-handler.ts';
import { redirectMovedEntities } from './api/moved-entities.ts';
import { openApiDocument } from './api/openapi.ts';
import { apiRoutes } from './api/route-table.ts';
import { importsRouter } from './api/imports-router.ts';
import { authRouter } from './api/auth-router.ts';
import { curationRouter } from './api/curation-router.ts';
import { authenticate, gateReads, type AuthOptions } from './auth/authenticate.ts';
import { insightsRouter } from './api/insights-router.ts';
import { consoleRouter } from './api/console-router.ts';
import type { ConsoleSettings } from './console/console-service.ts';
import { REPO_ROOT } from './config.ts';
import { corsPolicy } from './http/cors-policy.ts';
import { requireJsonBodies } from './http/json-bodies.ts';
import { refuseMalformedEscapes } from './api/malformed-escapes.ts';
import { refuseUnknownQueryParameters } from './api/unknown-parameters.ts';
import type { OutboundUrlPolicy } from './http/outbound-url-policy.ts';
import { DEFAULT_RATE_LIMITS, rateLimiters, type RateLimitSettings } from './http/rate-limits.ts';
import {
  AnswerCache,
  DEFAULT_ANSWER_CACHE,
  type AnswerCacheOptions,
} from './services/answer-cache.ts';

export const APP_VERSION = '0.1.0';
export const WEB_DIST = path.join(REPO_ROOT, 'web', 'dist');

export interface AppOptions {
  webDist?: string;
  /** A bootstrap credential that acts as an admin (scripts, the imports API). */
  adminToken?: string;
  /** Sessions, read gating and cookies (server/auth/authenticate.ts). */
  auth?: Omit<AuthOptions, 'adminToken'>;
  /** Origins allowed to call the API cross-origin (default: none, same-origin only). */
  corsOrigins?: readonly string[];
  /** Express's `trust proxy`: the proxies in front whose X-Forwarded-For counts (default: none). */
  trustProxy?: false | number | string;
  /**
   * Per-client rate limits; default DEFAULT_RATE_LIMITS, as in production. `false` turns them off:
   * for test and benchmark harnesses that send thousands of requests from one address.
   */
  rateLimit?: RateLimitSettings | false;
  /** The URLs `POST /api/imports` may fetch (default: public addresses only; see outbound-url-policy.ts). */
  importUrlPolicy?: OutboundUrlPolicy;
  /**
   * The answer cache of the expensive graph reads (server/services/answer-cache.ts); default
   * DEFAULT_ANSWER_CACHE. `{ maxMegabytes: 0 }` computes every answer (benchmarks of the cost of
   * an answer).
   */
  answerCache?: AnswerCacheOptions;
  /** The Cypher console's timeout and size cap (docs/console.md); default DEFAULT_CONSOLE_SETTINGS. */
  console?: ConsoleSettings;
}

export function createApp(db: GraphDatabase, options: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Client addresses (rate limits, req.secure) come from X-Forwarded-* only through these proxies.
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Cytoscape sets inline styles on its container; the app loads nothing from elsewhere.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          // helmet's default upgrade-insecure-requests breaks the app where it is served over
          // plain http (npm start, 127.0.0.1): Chromium upgrades a redirect the API answers (a
          // merged-away id's 308) to https, which fails as "Cannot reach the server". A
          // deployment behind TLS keeps HSTS, which helmet sends, for its https-only promise.
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  const cors = corsPolicy(options.corsOrigins ?? []);
  if (cors) app.use('/api', cors);
  // The API's routes as its OpenAPI document lists them: OPTIONS and 405 answers name their methods.
  const routes = apiRoutes(openApiDocument(APP_VERSION).paths ?? {});
  app.use('/api', optionsResponder(routes));
  // Before authentication, which reads the database: a flood stops here.
  if (options.rateLimit !== false) {
    const limits = rateLimiters(options.rateLimit ?? DEFAULT_RATE_LIMITS);
    if (limits.signIn) app.post('/api/auth/session', limits.signIn);
    if (limits.imports) app.post('/api/imports', limits.imports);
    if (limits.console) app.post('/api/console/query', limits.console);
    if (limits.api) app.use('/api', limits.api);
  }
  app.use('/api', refuseMalformedEscapes(routes), refuseUnknownQueryParameters(routes));
  // Graph answers are large and repetitive JSON (the full overview shrinks ~13x).
  app.use(compression());
  // API answers can depend on who asks and change with every import: browsers revalidate them
  // (the ETag keeps that cheap), shared caches keep none, and session answers are never stored.
  app.use('/api', (req, res, next) => {
    // The docs page's files keep their own day-long caching (api-docs.ts).
    if (!req.path.startsWith('/docs'))
      res.set('Cache-Control', req.path.startsWith('/auth/') ? 'no-store' : 'private, no-cache');
    next();
  });
  // Who is asking (token or session cookie, CSRF checked), and whether reads need an account.
  const auth: AuthOptions = { ...options.auth, adminToken: options.adminToken };
  app.use('/api', authenticate(db, auth), gateReads(auth.readsRequireSignIn ?? false));
  app.use('/api', requireJsonBodies());
  // Imports may carry a whole sheet or page; every other route takes small bodies.
  app.use(
    '/api/imports',
    express.json({ limit: '25mb' }),
    importsRouter(db, { urlPolicy: options.importUrlPolicy }),
  );
  app.use(express.json({ limit: '1mb' }));
  app.use('/api/auth', authRouter(db, auth));
  app.use('/api', curationRouter(db));
  app.use('/api/console', consoleRouter(db, options.console));
  const answers = new AnswerCache(db, options.answerCache ?? DEFAULT_ANSWER_CACHE);
  app.use('/api', insightsRouter(db, answers));
  app.use('/api', apiRouter(db, APP_VERSION, answers, routes));

  const webDist = options.webDist ?? WEB_DIST;
  if (existsSync(webDist)) {
    // Vite names every script and style by its content hash: those never change, and are kept a
    // year. The page that names them is asked again each time (revalidated by its ETag), or a
    // browser kept an hour-old app after a deploy (QA), asking for scripts no longer there.
    app.use(
      express.static(webDist, {
        index: 'index.html',
        setHeaders: (res, file) =>
          res.setHeader(
            'Cache-Control',
            path.relative(webDist, file).startsWith(`assets${path.sep}`)
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          ),
      }),
    );
    // Client-side routes: any other GET gets the app shell.
    app.get(/^(?!\/api\/).*/, (_req, res) =>
      res.sendFile(path.join(webDist, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } }),
    );
  }
  // Errors raised before a router (CORS, rate limits, body parsing, static files) and those of
  // the routers without an error handler of their own (curation): same JSON shape, and never
  // Express's default page with its stack trace. A merged-away entity id answers 308 there too.
  app.use(redirectMovedEntities(db), errorHandler);
  return app;
}
