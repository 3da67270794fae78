// Unit tests of server/api/route-table.ts: why no route answered a request.
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../server/api/openapi.ts';
import { apiRoutes, explainUnrouted } from '../../server/api/route-table.ts';

describe('explainUnrouted', () => {
  const routes = apiRoutes(openApiDocument('test').paths ?? {});

  it('reads every route of the OpenAPI document with its methods', () => {
    expect(routes.find((r) => r.template === '/api/curation/entities/{id}')?.methods).toEqual([
      'GET',
      'PATCH',
      'DELETE',
    ]);
    expect(routes.find((r) => r.template === '/api/graph/subgraph')?.methods).toEqual(['POST']);
  });

  it('names the methods of a path asked with another one, HEAD wherever GET is', () => {
    expect(explainUnrouted(routes, '/api/graph/subgraph')).toEqual({
      kind: 'method',
      allow: ['POST'],
    });
    expect(explainUnrouted(routes, '/api/entities/org:unicef')).toEqual({
      kind: 'method',
      allow: ['GET', 'HEAD'],
    });
    // An encoded slash stays inside its segment.
    expect(explainUnrouted(routes, '/api/entities/activity:unicef%2Fai-cop').kind).toBe('method');
  });

  it('recognises an id whose "/" was not encoded', () => {
    expect(explainUnrouted(routes, '/api/entities/activity:unicef/ai-cop')).toEqual({
      kind: 'unencoded-slash',
      template: '/api/entities/{id}',
    });
    expect(explainUnrouted(routes, '/api/dpgs/activity:a/b/collaborators')).toEqual({
      kind: 'unencoded-slash',
      template: '/api/dpgs/{id}/collaborators',
    });
  });

  it('knows a path that exists for no method', () => {
    expect(explainUnrouted(routes, '/api/nope')).toEqual({ kind: 'unknown' });
    expect(explainUnrouted(routes, '/api/graph/neighbourhood/extra')).toEqual({ kind: 'unknown' });
    // A template's dots are dots, not any character.
    expect(explainUnrouted(routes, '/api/openapi.json').kind).toBe('method');
    expect(explainUnrouted(routes, '/api/openapiXjson')).toEqual({ kind: 'unknown' });
  });
});
