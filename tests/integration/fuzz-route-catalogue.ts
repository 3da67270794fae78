/**
 * Every API route the fuzz suite covers, with a request each route accepts on the fuzz fixture
 * graph (fuzz-fixture.ts) and, where random text would never reach past validation, values of
 * the right shape. The parameters to mutate come from the OpenAPI document, so a new parameter is
 * fuzzed without an edit here; a new route fails tests/unit/fuzz-route-coverage.test.ts until it
 * is added below. Pure data: no database, so the coverage test can read it.
 */
import fc from 'fast-check';
import { openApiDocument } from '../../server/api/openapi.ts';
import { RELATIONSHIP_TYPES } from '../../server/model/graph-model.ts';
import { hostileString, unknownEntityId, unknownUuid } from '../support/hostile-input.ts';

/** The fuzz test file that runs a route: tests/integration/fuzz-<group>-endpoints.test.ts. */
export const FUZZ_GROUPS = ['query', 'insights', 'curation', 'auth-imports'] as const;
export type FuzzGroup = (typeof FUZZ_GROUPS)[number];
export type Where = 'path' | 'query' | 'body';
export type Credential = 'none' | 'viewer' | 'editor' | 'admin';

/** A request: path parameters, query parameters and a JSON body. */
export interface Baseline {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/** Ids of the fuzz fixture graph, and the current versions an edit must quote. */
export interface FuzzContext {
  ids: typeof FUZZ_IDS;
  entityVersion(id: string): Promise<number>;
  relationshipVersion(from: string, type: string, to: string): Promise<number>;
  annotation(): Promise<{ id: string; version: number }>;
  view(): Promise<{ id: string; version: number }>;
  /** The audit id of the fixture's merge, not undone yet. */
  mergeAudit(): Promise<string>;
  /** The audit id of the fixture's entity delete, not undone yet. */
  deleteAudit(): Promise<string>;
  importJob(): Promise<string>;
  /** A small, valid members document for import requests. */
  membersDocument: string;
  account: { name: string; password: string };
}

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The Express path, e.g. `/api/entities/:id`. */
  path: string;
  group: FuzzGroup;
  credential: Credential;
  /** Changes data when accepted: rejected requests must leave the database as it was. */
  writes: boolean;
  /** A request the route accepts (2xx) on the fixture. */
  baseline(ctx: FuzzContext): Baseline | Promise<Baseline>;
  /** Values of the right shape for `where.name`, so cases get past the first check. */
  shaped?: Record<string, fc.Arbitrary<unknown>>;
  /** Fields a cross-field rule may name instead of the one a case changed. */
  coupled?: string[][];
  /** Runs relative to FUZZ_RUNS (a static file of 1.5 MB costs more than a count). */
  weight?: number;
}

export const FUZZ_IDS = {
  unicef: 'org:unicef',
  giz: 'org:giz',
  google: 'org:google',
  spare: 'org:fuzz-spare',
  duplicate: 'org:fuzz-duplicate',
  dpga: 'org:dpga',
  board: 'group:dpga-board',
  activity: 'activity:unicef/fuzz-ai-community',
  dhis2: 'dpg:dhis2',
  mosip: 'dpg:mosip',
  sierraLeone: 'country:SL',
  norway: 'country:NO',
  sdg3: 'sdg:3',
  fund: 'initiative:fuzz-venture-fund',
} as const;

const ID = FUZZ_IDS;
const entityIdArb = fc.oneof(unknownEntityId, fc.constantFrom(...Object.values(FUZZ_IDS)));
const relType = fc.constantFrom(...RELATIONSHIP_TYPES);
const smallInt = fc.integer({ min: -3, max: 30_000 }).map(String);

const get = (
  path: string,
  group: FuzzGroup,
  baseline: RouteSpec['baseline'] = () => ({}),
  extra: Partial<RouteSpec> = {},
): RouteSpec => ({
  method: 'GET',
  path,
  group,
  credential: 'none',
  writes: false,
  baseline,
  ...extra,
});

export const ROUTES: RouteSpec[] = [
  // ---- query: the explorer's reads, the documentation ----
  get('/api/health', 'query'),
  get('/api/openapi.json', 'query'),
  get('/api/docs', 'query'),
  get('/api/docs/', 'query'),
  get('/api/docs/docs-init.js', 'query'),
  get('/api/docs/swagger-ui.css', 'query', undefined, { weight: 0.25 }),
  get('/api/docs/swagger-ui-bundle.js', 'query', undefined, { weight: 0.1 }),
  get('/api/search', 'query', () => ({ query: { q: 'unicef' } }), {
    shaped: { 'query.q': fc.constantFrom('unicef', 'dhis', 'giz~', 'a*', 'AND', '"x') },
  }),
  get('/api/entities/:id', 'query', () => ({ params: { id: ID.unicef } }), {
    shaped: { 'path.id': entityIdArb, 'query.neighbours': smallInt },
  }),
  get('/api/overview', 'query', () => ({ query: { mode: 'auto' } })),
  get('/api/graph/neighbourhood', 'query', () => ({ query: { id: ID.unicef, depth: '2' } }), {
    shaped: { 'query.id': entityIdArb, 'query.rels': relType, 'query.prefer': fc.constant('DPG') },
  }),
  {
    method: 'POST',
    path: '/api/graph/subgraph',
    group: 'query',
    credential: 'none',
    writes: false,
    baseline: () => ({ body: { ids: [ID.unicef, ID.giz, ID.activity], rels: ['LEADS'] } }),
    shaped: {
      'body.ids': fc.array(entityIdArb, { maxLength: 600 }),
      'body.rels': fc.array(fc.oneof(relType, hostileString), { maxLength: 20 }),
    },
  },
  {
    method: 'POST',
    path: '/api/graph/relationship-details',
    group: 'query',
    credential: 'none',
    writes: false,
    baseline: () => ({ body: { ids: [ID.unicef, ID.giz, ID.activity] } }),
    shaped: {
      'body.ids': fc.array(entityIdArb, { maxLength: 600 }),
      'body.rels': fc.array(fc.oneof(relType, hostileString), { maxLength: 20 }),
    },
  },
  get('/api/graph/paths', 'query', () => ({ query: { from: ID.giz, to: ID.unicef } }), {
    shaped: { 'query.from': entityIdArb, 'query.to': entityIdArb },
    coupled: [['query.from', 'query.to']],
  }),
  get('/api/stats', 'query', () => ({ query: { top: '5' } })),
  get('/api/facets', 'query', () => ({ query: { limit: '10' } })),
  get('/api/export', 'query', () => ({ query: { format: 'graphml', id: ID.unicef } }), {
    shaped: {
      'query.format': fc.constantFrom('json', 'graphml', 'gexf', 'csv'),
      'query.id': entityIdArb,
    },
  }),

  // ---- insights ----
  get('/api/dpgs/:id/collaborators', 'insights', () => ({ params: { id: ID.dhis2 } }), {
    shaped: {
      'path.id': entityIdArb,
      'query.country': fc.constantFrom('SL', 'country:NO', 'sl', 'XX', 'country:'),
      'query.kind': fc.constantFrom('un-agency', 'foundation', 'NGO'),
    },
  }),
  get('/api/stakeholders', 'insights', () => ({ query: { activity: ID.activity } }), {
    shaped: {
      'query.activity': entityIdArb,
      'query.dpg': entityIdArb,
      'query.country': fc.constantFrom('SL', 'country:NO', 'XX', 'KE', 'country:ke'),
      'query.sdg': fc.constantFrom('3', 'sdg:17', '0', '18', 'sdg:'),
      'query.kind': fc.constantFrom('un-agency', 'government', 'NGO'),
      'query.membersOnly': fc.constantFrom('true', '0', 'yes'),
      'query.sector': fc.constantFrom(
        'Health',
        'HEALTH',
        'sector:Health',
        'sector:',
        ' ',
        'x'.repeat(101),
      ),
    },
    coupled: [['query.activity', 'query.dpg', 'query.country', 'query.sdg', 'query.sector']],
  }),
  get('/api/organisations/:id/network', 'insights', () => ({ params: { id: ID.unicef } }), {
    shaped: { 'path.id': entityIdArb },
  }),
  get('/api/gaps', 'insights', () => ({ query: { sdg: '3' } })),
  get('/api/insights/metrics', 'insights', () => ({ query: { top: '3' } })),

  // ---- curation: entities, relationships, annotations, audit, saved views ----
  {
    method: 'POST',
    path: '/api/curation/entities',
    group: 'curation',
    credential: 'editor',
    writes: true,
    baseline: () => ({ body: { type: 'Organisation', properties: { name: 'Fuzz New Org' } } }),
    shaped: {
      'body.type': fc.constantFrom('Organisation', 'Activity', 'DPG', 'Group', 'Initiative', 'SDG'),
      'body.properties': fc.record(
        {
          name: hostileString,
          description: hostileString,
          aliases: fc.array(hostileString, { maxLength: 3 }),
          kind: fc.constantFrom('ngo', 'company', 'x'),
          website: fc.constantFrom('https://example.org', 'javascript:alert(1)', 'ftp://x'),
          memberCount: fc.integer(),
        },
        { requiredKeys: [] },
      ),
      'body.id': entityIdArb,
    },
  },
  get('/api/curation/entities/:id', 'curation', () => ({ params: { id: ID.unicef } }), {
    shaped: { 'path.id': entityIdArb },
  }),
  {
    method: 'PATCH',
    path: '/api/curation/entities/:id',
    group: 'curation',
    credential: 'editor',
    writes: true,
    baseline: async (ctx) => ({
      params: { id: ID.giz },
      body: {
        version: await ctx.entityVersion(ID.giz),
        properties: { description: 'Edited by the fuzzer' },
      },
    }),
    shaped: {
      'path.id': entityIdArb,
      'body.version': fc.integer({ min: -1, max: 3 }),
      'body.properties': fc.dictionary(
        fc.constantFrom('name', 'description', 'aliases', 'kind', 'website', 'sources', 'id'),
        fc.oneof(hostileString, fc.constant(null), fc.array(hostileString, { maxLength: 3 })),
      ),
    },
  },
  {
    method: 'DELETE',
    path: '/api/curation/entities/:id',
    group: 'curation',
    credential: 'editor',
    writes: true,
    baseline: async (ctx) => ({
      params: { id: ID.spare },
      query: { version: String(await ctx.entityVersion(ID.spare)) },
    }),
    shaped: { 'path.id': entityIdArb, 'query.version': fc.constantFrom('0', '1', '-1', '1.5') },
  },
  {
    method: 'POST',
    path: '/api/curation/merge',
    group: 'curation',
    credential: 'editor',
    writes: true,
    baseline: async (ctx) => ({
      body: {
        keep: ID.google,
        remove: ID.duplicate,
        keepVersion: await ctx.entityVersion(ID.google),
        removeVersion: await ctx.entityVersion(ID.duplicate),
      },
    }),
    shaped: {
      'body.keep': entityIdArb,
      'body.remove': entityIdArb,
      'body.keepVersion': fc.integer({ min: -1, max: 2 }),
    },
    coupled: [['body.keep', 'body.remove']],
  },
  {
    method: 'POST',
    path: '/api/curation/merge/undo',
    group: 'curation',
    credential: 'editor',
    writes: true,
    baseline: async (ctx) => ({ body: { auditId: await ctx.mergeAudit() } }),
    shaped: { 'body.auditId': fc.oneof(unknownUuid, fc.constant('not-a-uuid')) },
  },
  {
    method: 'POST',
    path: '/api/curation/delete/undo',
    group: 'curation',
    credential: 'editor',
    writes: true,
    baseline: async (ctx) => ({ body: { auditId: await ctx.deleteAudit() } }),
    shaped: {
      // Unknown and malformed: 404 and 400 (another kind of event is the integration test's).
      'body.auditId': fc.oneof(unknownUuid, fc.constant('not-a-uuid')),
    },
  },
  {
    method: 'POST',
    path: '/api/curation/relationships',
    group: 'curation',
    credential: 'editor',
    writes: true,
    baseline: () => ({
      body: { from: ID.google, type: 'PARTICIPATES_IN', to: ID.activity, properties: {} },
    }),
    shaped: {
      'body.from': entityIdArb,
      'body.to': entityIdArb,
      'body.type': relType,
      'body.properties': fc.record(
        {
          role: hostileString,
          startDate: fc.constantFrom('2024', '2024-02-30', '2024-13', 'x'),
          endDate: fc.constantFrom('2023', '2025-01-01'),
          notes: fc.constantFrom('call +44 20 7946 0958', 'mail a@b.org', 'fine'),
          board: fc.oneof(fc.boolean(), fc.constant('true')),
        },
        { requiredKeys: [] },
      ),
    },
    coupled: [['body.from', 'body.type', 'body.to', 'body.properties']],
  },
  get(
    '/api/curation/relationships',
    'curation',
    () => ({ query: { from: ID.unicef, type: 'LEADS', to: ID.activity } }),
    { shaped: { 'query.from': entityIdArb, 'query.to': entityIdArb, 'query.type': relType } },
  ),
  {
    method: 'PATCH',
    path: '/api/curation/relationships',
    group: 'curation',
    credential: 'editor',
    writes: true,
    baseline: async (ctx) => ({
      query: { from: ID.unicef, type: 'LEADS', to: ID.activity },
      body: {
        version: await ctx.relationshipVersion(ID.unicef, 'LEADS', ID.activity),
        properties: { role: 'convenor' },
      },
    }),
    shaped: {
      'query.from': entityIdArb,
      'query.to': entityIdArb,
      'query.type': relType,
      'body.version': fc.integer({ min: -1, max: 2 }),
      'body.properties': fc.record(
        {
          role: fc.oneof(hostileString, fc.constant(null)),
          startDate: fc.constantFrom('2024', '2024-02-30', null),
          endDate: fc.constantFrom('2023', '2025-01-01', null),
          board: fc.oneof(fc.boolean(), fc.constant(null)),
        },
        { requiredKeys: [] },
      ),
    },
    coupled: [['body.properties', 'query.type']],
  },
  {
    method: 'DELETE',
    path: '/api/curation/relationships',
    group: 'curation',
    credential: 'editor',
    writes: true,
    baseline: () => ({ query: { from: ID.giz, type: 'CO_LEADS', to: ID.activity } }),
    shaped: { 'query.from': entityIdArb, 'query.to': entityIdArb, 'query.type': relType },
  },
  get('/api/curation/annotations', 'curation', () => ({ query: { topic: ID.activity } }), {
    shaped: { 'query.topic': entityIdArb, 'query.subject': entityIdArb },
  }),
  {
    method: 'POST',
    path: '/api/curation/annotations',
    group: 'curation',
    credential: 'editor',
    writes: true,
    baseline: () => ({
      body: { topic: ID.dhis2, subject: ID.google, stance: 'supportive', tags: ['fuzz'] },
    }),
    shaped: {
      'body.topic': entityIdArb,
      'body.subject': entityIdArb,
      'body.stance': fc.constantFrom('supportive', 'neutral', 'opposed', 'unknown', 'hostile'),
      'body.notes': fc.constantFrom('call +44 20 7946 0958', 'a@b.org', 'plain'),
      'body.tags': fc.array(hostileString, { maxLength: 25 }),
    },
    coupled: [['body.topic', 'body.subject']],
  },
  {
    method: 'PATCH',
    path: '/api/curation/annotations/:id',
    group: 'curation',
    credential: 'editor',
    writes: true,
    baseline: async (ctx) => {
      const { id, version } = await ctx.annotation();
      return { params: { id }, body: { version, notes: 'Edited by the fuzzer' } };
    },
    shaped: { 'path.id': unknownUuid, 'body.version': fc.integer({ min: -1, max: 2 }) },
  },
  {
    method: 'DELETE',
    path: '/api/curation/annotations/:id',
    group: 'curation',
    credential: 'editor',
    writes: true,
    baseline: async (ctx) => {
      const { id, version } = await ctx.annotation();
      return { params: { id }, query: { version: String(version) } };
    },
    shaped: { 'path.id': unknownUuid },
  },
  get('/api/audit', 'curation', () => ({ query: { limit: '5' } }), {
    credential: 'viewer',
    shaped: {
      'query.before': fc.constantFrom('2024-01-01T00:00:00Z', '2024-13-01T00:00:00Z', 'yesterday'),
      'query.entity': entityIdArb,
    },
  }),
  get('/api/views', 'curation', () => ({ query: { owner: 'me' } }), { credential: 'viewer' }),
  {
    method: 'POST',
    path: '/api/views',
    group: 'curation',
    credential: 'viewer',
    writes: true,
    baseline: () => ({
      body: {
        name: 'Fuzz view',
        state: {
          entities: [ID.unicef],
          filters: { types: ['Organisation'] },
          positions: { [ID.unicef]: { x: 1, y: 2 } },
        },
      },
    }),
    shaped: {
      'body.state': fc.record(
        {
          entities: fc.array(entityIdArb, { maxLength: 600 }),
          filters: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
          layout: hostileString,
          positions: fc.dictionary(
            entityIdArb,
            fc.record({ x: fc.double(), y: fc.oneof(fc.double(), fc.constant('1')) }),
          ),
        },
        { requiredKeys: [] },
      ),
    },
  },
  get('/api/views/:id', 'curation', async (ctx) => ({ params: { id: (await ctx.view()).id } }), {
    shaped: { 'path.id': unknownUuid },
  }),
  {
    method: 'PATCH',
    path: '/api/views/:id',
    group: 'curation',
    credential: 'viewer',
    writes: true,
    baseline: async (ctx) => {
      const { id, version } = await ctx.view();
      return {
        params: { id },
        body: {
          version,
          name: 'Renamed by the fuzzer',
          state: { entities: [ID.giz], filters: { url: '#x' }, positions: {} },
        },
      };
    },
    shaped: { 'path.id': unknownUuid, 'body.version': fc.integer({ min: -1, max: 2 }) },
  },
  {
    method: 'DELETE',
    path: '/api/views/:id',
    group: 'curation',
    credential: 'viewer',
    writes: true,
    baseline: async (ctx) => {
      const { id, version } = await ctx.view();
      return { params: { id }, query: { version: String(version) } };
    },
    shaped: { 'path.id': unknownUuid },
  },

  // ---- accounts and imports ----
  {
    method: 'POST',
    path: '/api/auth/session',
    group: 'auth-imports',
    credential: 'none',
    writes: true,
    baseline: (ctx) => ({ body: { name: ctx.account.name, password: ctx.account.password } }),
    shaped: { 'body.name': fc.constantFrom('fuzz-viewer', 'nobody', 'FUZZ-VIEWER') },
  },
  {
    method: 'DELETE',
    path: '/api/auth/session',
    group: 'auth-imports',
    credential: 'viewer',
    writes: true,
    baseline: () => ({}),
  },
  get('/api/auth/me', 'auth-imports'),
  {
    method: 'POST',
    path: '/api/imports',
    group: 'auth-imports',
    credential: 'admin',
    writes: true,
    baseline: (ctx) => ({
      body: { kind: 'members', content: ctx.membersDocument, name: 'members.json', dryRun: true },
    }),
    shaped: {
      'body.kind': fc.constantFrom('member-page', 'dpg-registry', 'members', 'activities-csv'),
      'body.url': fc.constantFrom(
        'http://127.0.0.1:1/nothing',
        'file:///etc/passwd',
        'javascript:alert(1)',
        'http://',
      ),
      'body.name': fc.constantFrom('../../etc/passwd', 'a/b.json', 'x.csv', '.'),
      'body.columns': fc.constantFrom('organisation=Org', 'x=y', '=', 'activity=A,link='),
      'body.sourceId': fc.constantFrom('roadmap', 'Roadmap', '-', 'a'.repeat(81)),
    },
    coupled: [['body.kind', 'body.url', 'body.content', 'body.name']],
  },
  get('/api/imports', 'auth-imports', () => ({ query: { limit: '5' } }), { credential: 'admin' }),
  get(
    '/api/imports/:id',
    'auth-imports',
    async (ctx) => ({ params: { id: await ctx.importJob() } }),
    {
      credential: 'admin',
      shaped: { 'path.id': unknownUuid },
    },
  ),
  {
    method: 'POST',
    path: '/api/console/query',
    group: 'auth-imports',
    credential: 'admin',
    writes: false,
    baseline: () => ({ body: { query: 'MATCH (n:Entity) RETURN n.id AS id LIMIT 5' } }),
    shaped: {
      'body.query': fc.constantFrom(
        'MATCH (n) DETACH DELETE n',
        "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
        'CALL db.labels()',
        'RETURN 1; MATCH (n) DELETE n',
        'MATC (n) RETURN n',
        'RETURN $missing',
        'MATCH (n) RETURN n',
      ),
      'body.params': fc.constantFrom({ x: 1 }, { x: { y: [1, 'a', null] } }, {}),
    },
  },
];

/** `GET /api/entities/:id`: the key that identifies a route in coverage checks. */
export const routeKey = (spec: Pick<RouteSpec, 'method' | 'path'>) => `${spec.method} ${spec.path}`;

export function routesOf(group: FuzzGroup): RouteSpec[] {
  return ROUTES.filter((r) => r.group === group);
}

// ---------------------------------------------------------------------------------------------
// Parameters, from the OpenAPI document
// ---------------------------------------------------------------------------------------------

interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}
interface SchemaObject {
  $ref?: string;
  properties?: Record<string, unknown>;
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  allOf?: SchemaObject[];
}

const DOCUMENT = openApiDocument('fuzz') as unknown as {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, SchemaObject> };
};

/** The OpenAPI path of an Express path: `/api/entities/:id` → `/api/entities/{id}`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

function propertyNames(schema: SchemaObject | undefined, seen = new Set<string>()): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    if (seen.has(name)) return [];
    seen.add(name);
    return propertyNames(DOCUMENT.components.schemas[name], seen);
  }
  const variants = [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])];
  return [
    ...new Set([
      ...Object.keys(schema.properties ?? {}),
      ...variants.flatMap((v) => propertyNames(v, seen)),
    ]),
  ];
}

/** Every parameter of a route as `where.name`: path, query and top-level body fields. */
export function parametersOf(spec: RouteSpec): string[] {
  const operation = DOCUMENT.paths[openApiPath(spec.path)]?.[spec.method.toLowerCase()];
  const fromPath = [...spec.path.matchAll(/:(\w+)/g)].map((m) => `path.${m[1]}`);
  const declared = (operation?.parameters ?? []).map((p) => `${p.in}.${p.name}`);
  const body = propertyNames(operation?.requestBody?.content?.['application/json']?.schema).map(
    (name) => `body.${name}`,
  );
  return [...new Set([...fromPath, ...declared, ...body, ...Object.keys(spec.shaped ?? {})])];
}

/** True when the OpenAPI document describes the route (the docs pages are not API routes). */
export const documented = (spec: RouteSpec) =>
  DOCUMENT.paths[openApiPath(spec.path)]?.[spec.method.toLowerCase()] !== undefined;

/** Every route of the OpenAPI document, as route keys. */
export function documentedRouteKeys(): string[] {
  return Object.entries(DOCUMENT.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) =>
      routeKey({
        method: method.toUpperCase() as RouteSpec['method'],
        path: path.replace(/\{(\w+)\}/g, ':$1'),
      }),
    ),
  );
}
