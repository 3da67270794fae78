import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../server/api/openapi.ts';
import { LIMITS } from '../../server/api/schemas.ts';
import { ORGANISATION_KINDS } from '../../server/model/graph-model.ts';

const doc = openApiDocument('test') as unknown as {
  openapi: string;
  paths: Record<
    string,
    Record<string, { parameters?: Param[]; responses: Record<string, unknown> }>
  >;
  components: { schemas: Record<string, unknown> };
};
interface Param {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: { default?: unknown; maximum?: number; minimum?: number; pattern?: string };
}

const param = (path: string, name: string, method = 'get') =>
  doc.paths[path]![method]!.parameters!.find((p) => p.name === name)!;

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes every route', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/dpgs/{id}/collaborators',
        '/api/entities/{id}',
        '/api/export',
        '/api/facets',
        '/api/graph/neighbourhood',
        '/api/graph/paths',
        '/api/graph/relationship-details',
        '/api/graph/subgraph',
        '/api/health',
        '/api/imports',
        '/api/gaps',
        '/api/imports/{id}',
        '/api/insights/metrics',
        '/api/openapi.json',
        '/api/organisations/{id}/network',
        '/api/overview',
        '/api/search',
        '/api/stakeholders',
        '/api/stats',
        '/api/auth/session',
        '/api/auth/me',
        '/api/console/query',
        '/api/curation/entities',
        '/api/curation/entities/{id}',
        '/api/curation/merge',
        '/api/curation/merge/undo',
        '/api/curation/delete/undo',
        '/api/curation/relationships',
        '/api/curation/annotations',
        '/api/curation/annotations/{id}',
        '/api/audit',
        '/api/views',
        '/api/views/{id}',
      ].sort(),
    );
  });

  it('documents defaults and maxima of the limits from the same constants the routes use', () => {
    expect(param('/api/graph/neighbourhood', 'limit').schema).toMatchObject({
      default: LIMITS.neighbourhood.default,
      maximum: LIMITS.neighbourhood.max,
    });
    expect(param('/api/graph/neighbourhood', 'depth').schema).toMatchObject({
      minimum: 1,
      maximum: 3,
    });
    expect(param('/api/graph/paths', 'k').schema).toMatchObject({ default: 3, maximum: 10 });
    expect(param('/api/search', 'offset').schema).toMatchObject({ default: 0 });
    expect(param('/api/export', 'limit').schema).toMatchObject({ maximum: LIMITS.export.max });
    expect(param('/api/entities/{id}', 'id')).toMatchObject({ in: 'path', required: true });
  });

  it('documents the organisation kinds paths can avoid, beside the entity types', () => {
    for (const name of ['avoid', 'avoidKinds']) {
      expect(param('/api/graph/paths', name), name).toMatchObject({ in: 'query', required: false });
    }
    expect(param('/api/graph/paths', 'avoidKinds').description).toContain(
      ORGANISATION_KINDS.join(', '),
    );
  });

  it('gives entity ids a pattern a JSON Schema validator can use', () => {
    const { pattern } = param('/api/graph/paths', 'from').schema;
    expect(pattern).toBeDefined();
    expect(new RegExp(pattern!, 'u').test('activity:unicef/co-leading')).toBe(true);
    expect(pattern).not.toMatch(/\/u$/);
  });

  it('documents the error responses, and every reference resolves', () => {
    expect(doc.paths['/api/graph/paths']!.get!.responses).toHaveProperty('404');
    expect(doc.paths['/api/stats']!.get!.responses).toHaveProperty('503');
    // A GET naming an entity id a merge moved answers 308 (server/api/moved-entities.ts).
    for (const path of ['/api/graph/paths', '/api/dpgs/{id}/collaborators', '/api/entities/{id}'])
      expect(doc.paths[path]!.get!.responses, path).toHaveProperty('308');
    expect(doc.paths['/api/stats']!.get!.responses).not.toHaveProperty('308');
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref);
  });

  it('lets a nullable field be null: a reference and null as alternatives, never both at once', () => {
    // The generator writes `.nullable()` on a registered schema as an allOf of the reference and
    // {type: [object, null]}, which null cannot meet; the schemas use a union instead.
    expect(JSON.stringify(doc)).not.toContain('"allOf"');
    expect(doc.components.schemas.MeResponse).toMatchObject({
      properties: { user: { anyOf: [{ $ref: '#/components/schemas/User' }, { type: 'null' }] } },
    });
  });
});
