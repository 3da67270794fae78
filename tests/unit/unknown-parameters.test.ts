// Unit tests of server/api/unknown-parameters.ts: query parameters a route does not take are
// named, with what was likely meant, against the routes of the real OpenAPI document.
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../server/api/openapi.ts';
import { apiRoutes, routeOf } from '../../server/api/route-table.ts';
import { likelyMeant, unknownParameters } from '../../server/api/unknown-parameters.ts';

const routes = apiRoutes(openApiDocument('test').paths ?? {});

function route(method: string, path: string) {
  const found = routeOf(routes, method, path);
  if (!found) throw new Error(`no route ${method} ${path}`);
  return found;
}

describe('the query parameters of each route', () => {
  it('are read from the OpenAPI document, per method', () => {
    expect(route('GET', '/api/search').query.GET).toEqual(['q', 'types', 'limit', 'offset']);
    expect(route('POST', '/api/graph/subgraph').query).toEqual({ POST: [] });
    expect(route('DELETE', '/api/views/abc').query.DELETE).toEqual(['version']);
    expect(route('GET', '/api/views/abc').query.GET).toEqual([]);
  });

  it('find the route of a path by its method, HEAD as GET', () => {
    expect(routeOf(routes, 'HEAD', '/api/entities/org:unicef')?.template).toBe(
      '/api/entities/{id}',
    );
    expect(routeOf(routes, 'POST', '/api/search')).toBeUndefined();
    // In any case, as Express routes a path.
    expect(routeOf(routes, 'GET', '/api/Search')?.template).toBe('/api/search');
    expect(routeOf(routes, 'GET', '/api/nowhere')).toBeUndefined();
  });
});

describe('unknownParameters', () => {
  it('names each parameter the route does not take, what was meant and what it takes', () => {
    expect(unknownParameters(route('GET', '/api/search'), 'GET', ['q', 'lmit', 'colour'])).toEqual([
      {
        path: 'query.lmit',
        message:
          'is not a parameter of GET /api/search (did you mean limit?); it takes q, types, limit, offset',
      },
      {
        path: 'query.colour',
        message: 'is not a parameter of GET /api/search; it takes q, types, limit, offset',
      },
    ]);
  });

  it('cuts a long name short, and names HEAD as the GET it is answered as', () => {
    const [long] = unknownParameters(route('HEAD', '/api/search'), 'HEAD', ['a'.repeat(10_000)]);
    expect(long!.path).toBe(`query.${'a'.repeat(59)}…`);
    expect(long!.message).toMatch(/^is not a parameter of GET \/api\/search;/);
  });

  it('says when a route takes none', () => {
    expect(unknownParameters(route('GET', '/api/health'), 'GET', ['verbose'])).toEqual([
      {
        path: 'query.verbose',
        message: 'is not a parameter of GET /api/health; it takes no query parameters',
      },
    ]);
  });

  it('passes the parameters the route takes', () => {
    const paths = route('GET', '/api/graph/paths');
    expect(
      unknownParameters(paths, 'GET', ['from', 'to', 'maxHops', 'avoid', 'avoidKinds']),
    ).toEqual([]);
  });
});

describe('likelyMeant', () => {
  const paths = ['from', 'to', 'maxHops', 'k', 'rels', 'avoid', 'avoidKinds'];

  it('reads a name written in another case, a typo or a plural as the parameter', () => {
    expect(likelyMeant('MAXHOPS', paths)).toBe('maxHops');
    expect(likelyMeant('maxhop', paths)).toBe('maxHops');
    expect(likelyMeant('avoidkind', paths)).toBe('avoidKinds');
    expect(likelyMeant('type', ['id', 'depth', 'types', 'rels', 'limit', 'prefer'])).toBe('types');
    expect(likelyMeant('lmit', ['q', 'types', 'limit', 'offset'])).toBe('limit');
  });

  it('guesses nothing for a name far from all of them, or short ones a letter apart', () => {
    expect(likelyMeant('id', ['q', 'types', 'limit', 'offset'])).toBeUndefined();
    expect(likelyMeant('x', paths)).toBeUndefined();
    expect(likelyMeant('colour', paths)).toBeUndefined();
    expect(likelyMeant('anything', [])).toBeUndefined();
  });
});
