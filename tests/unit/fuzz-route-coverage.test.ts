/**
 * The fuzz suite covers every route: the routes Express actually serves (read from the app's
 * router stack, so a route added to any router counts), the routes of the OpenAPI document, and
 * the fuzz catalogue (tests/integration/fuzz-route-catalogue.ts) must be the same set, and each
 * catalogue group must have the fuzz file that runs it. A new route fails here until it is fuzzed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { GraphDatabase } from '../../server/db/neo4j-client.ts';
import {
  FUZZ_GROUPS,
  ROUTES,
  documentedRouteKeys,
  parametersOf,
  routeKey,
} from '../integration/fuzz-route-catalogue.ts';

interface Layer {
  rawPath?: string | string[];
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every `METHOD /path` the app serves, found by walking its routers. */
function servedRoutes(): string[] {
  // Building the app touches no database; the stub is never called.
  const app = createApp({} as GraphDatabase, { webDist: '/nonexistent', rateLimit: false });
  const routes: string[] = [];
  const join = (prefix: string, part: string) => (part === '/' ? prefix || '/' : prefix + part);
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = [layer.route.path].flat();
        for (const p of paths)
          for (const method of Object.keys(layer.route.methods))
            routes.push(`${method.toUpperCase()} ${join(prefix, p)}`);
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' ? layer.rawPath : '';
        walk(layer.handle.stack, join(prefix, mount === '/' ? '' : mount));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...new Set(routes)].sort();
}

describe('fuzz coverage', () => {
  const catalogue = ROUTES.map(routeKey);

  it('finds the routes by walking the app (the walk itself works)', () => {
    const served = servedRoutes();
    expect(served).toContain('GET /api/search');
    expect(served).toContain('POST /api/imports');
    expect(served).toContain('PATCH /api/curation/entities/:id');
    expect(served.length).toBeGreaterThan(30);
  });

  it('fuzzes every route the app serves, and no route it does not', () => {
    expect([...new Set(catalogue)].sort()).toEqual(servedRoutes());
  });

  it('fuzzes every route of the OpenAPI document', () => {
    const missing = documentedRouteKeys().filter((key) => !catalogue.includes(key));
    expect(missing).toEqual([]);
  });

  it('lists each route once', () => {
    expect(catalogue.filter((key, i) => catalogue.indexOf(key) !== i)).toEqual([]);
  });

  it.each(FUZZ_GROUPS)('has the fuzz file that runs the %s group', (group) => {
    const file = path.join(
      import.meta.dirname,
      '..',
      'integration',
      `fuzz-${group}-endpoints.test.ts`,
    );
    expect(existsSync(file), file).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain(`fuzzGroup('${group}',`);
  });

  it('knows the parameters of every documented route from the OpenAPI document', () => {
    const search = ROUTES.find((r) => routeKey(r) === 'GET /api/search')!;
    expect(parametersOf(search)).toEqual(
      expect.arrayContaining(['query.q', 'query.types', 'query.limit', 'query.offset']),
    );
    const create = ROUTES.find((r) => routeKey(r) === 'POST /api/curation/entities')!;
    expect(parametersOf(create)).toEqual(
      expect.arrayContaining(['body.type', 'body.id', 'body.properties']),
    );
  });
});
