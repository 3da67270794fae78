/**
 * The browsable API documentation at /api/docs: Swagger UI, served from the swagger-ui-dist
 * package (no CDN, so the strict Content-Security-Policy holds), reading /api/openapi.json.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Router } from 'express';

/** Where the swagger-ui-dist package keeps its built files. */
const SWAGGER_UI_DIR = path.dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);
/** The files the page loads; the package's own index.html and initializer are not served. */
const SWAGGER_UI_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js'] as const;

const page = (base: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>DPG Explorer API</title>
    <link rel="stylesheet" href="${base}/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${base}/docs/swagger-ui-bundle.js"></script>
    <script src="${base}/docs/docs-init.js"></script>
  </body>
</html>
`;

const init = (base: string) => `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '${base}/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;

/** Routes under the API router: /docs (the page) and /docs/* (Swagger UI's files). */
export function apiDocsRouter(): Router {
  const router = Router();
  router.get(['/docs', '/docs/'], (req, res) => {
    res.type('html').send(page(req.baseUrl));
  });
  router.get('/docs/docs-init.js', (req, res) => {
    res.type('js').send(init(req.baseUrl));
  });
  for (const file of SWAGGER_UI_FILES) {
    router.get(`/docs/${file}`, (_req, res) => {
      res.sendFile(path.join(SWAGGER_UI_DIR, file), { maxAge: '1d' });
    });
  }
  return router;
}
