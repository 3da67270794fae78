// Unit tests of how query parameters are read (server/api/schemas.ts intParam, requiredIntParam;
// server/api/validate.ts parseInput; server/api/zod-messages.ts): as a person or a form writes
// them, and refused in words that name the value.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../server/errors.ts';
import {
  createEntityBodySchema,
  relationshipBodySchema,
  uuidParamsSchema,
  versionQuerySchema,
} from '../../server/api/curation-schemas.ts';
import {
  searchQuerySchema,
  entityQuerySchema,
  LIMITS,
  pathsQuerySchema,
  subgraphBodySchema,
  exportQuerySchema,
  overviewQuerySchema,
} from '../../server/api/schemas.ts';
import { collaboratorsQuerySchema } from '../../server/api/insights-schemas.ts';
import { parseInput } from '../../server/api/validate.ts';

function refusal(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('whole-number query parameters', () => {
  it('take the default for an empty value, not 0', () => {
    expect(entityQuerySchema.parse({ neighbours: '' }).neighbours).toBe(
      LIMITS.entityNeighbours.default,
    );
    expect(entityQuerySchema.parse({ neighbours: '  ' }).neighbours).toBe(
      LIMITS.entityNeighbours.default,
    );
    expect(searchQuerySchema.parse({ q: 'dhis', limit: '' }).limit).toBe(LIMITS.search.default);
    expect(searchQuerySchema.parse({ q: 'dhis', limit: ' 7 ' }).limit).toBe(7);
  });

  it('say once what the limit is for a number past the safe range', () => {
    const error = refusal(() =>
      parseInput(searchQuerySchema, { q: 'a', limit: '99999999999999999999999' }, 'query'),
    );
    expect(error.details).toEqual([
      { path: 'query.limit', message: `must be at most ${LIMITS.search.max}` },
    ]);
    expect(versionQuerySchema.safeParse({ version: '99999999999999999999' }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: 'a', limit: '-99999999999999999999' }).success).toBe(
      false,
    );
  });

  it('read decimal digits only', () => {
    for (const odd of ['0x10', '1e1', '1.5', '1.0', '10abc', 'Infinity']) {
      const result = searchQuerySchema.safeParse({ q: 'dhis', limit: odd });
      expect(result.success, odd).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual([
        'must be a whole number written in digits',
      ]);
    }
    expect(searchQuerySchema.safeParse({ q: 'dhis', limit: '-1' }).error?.issues[0]?.path).toEqual([
      'limit',
    ]);
  });

  it('refuse an empty value where the request must give one', () => {
    expect(versionQuerySchema.safeParse({ version: '' }).success).toBe(false);
    expect(versionQuerySchema.safeParse({}).success).toBe(false);
    expect(versionQuerySchema.parse({ version: '0' }).version).toBe(0);
  });
});

describe('parseInput', () => {
  it('names the kind a request gave that no variant has, and the kinds there are', () => {
    const kinds = 'Organisation, Activity, DPG, Group, Initiative';
    expect(
      refusal(() =>
        parseInput(createEntityBodySchema, { type: 'SDG', properties: { name: 'x' } }, 'body'),
      ).details,
    ).toEqual([{ path: 'body.type', message: `"SDG" is not one of ${kinds}` }]);
    expect(
      refusal(() => parseInput(createEntityBodySchema, { properties: { name: 'x' } }, 'body'))
        .details,
    ).toEqual([{ path: 'body.type', message: `is required: one of ${kinds}` }]);
  });

  it('names a query parameter given twice', () => {
    const error = refusal(() =>
      parseInput(searchQuerySchema, { q: 'dhis', limit: ['5', '6'] }, 'query'),
    );
    expect(error.details).toEqual([
      {
        path: 'query.limit',
        message: 'is given more than once; give it once (a list goes comma-separated)',
      },
    ]);
  });

  it('says a parameter that is not there is required, and a body that is not there is missing', () => {
    expect(refusal(() => parseInput(searchQuerySchema, {}, 'query')).details).toEqual([
      { path: 'query.q', message: 'is required (string)' },
    ]);
    // A wrong value is said to be wrong, not missing.
    expect(refusal(() => parseInput(subgraphBodySchema, { ids: 'org:a' }, 'body')).details).toEqual(
      [{ path: 'body.ids', message: 'must be a list (a JSON array), not the text "org:a"' }],
    );
    expect(refusal(() => parseInput(subgraphBodySchema, undefined, 'body')).details).toEqual([
      { path: 'body', message: 'is missing: send it as JSON' },
    ]);
    expect(refusal(() => parseInput(subgraphBodySchema, {}, 'body')).details).toEqual([
      { path: 'body.ids', message: 'is required (array)' },
    ]);
    // A missing choice as well, with its options.
    const relationship = refusal(() =>
      parseInput(relationshipBodySchema, { from: 'org:a', to: 'dpg:b' }, 'body'),
    );
    expect(relationship.details).toMatchObject([
      { path: 'body.type', message: expect.stringMatching(/^is required: one of LEADS, /) },
    ]);
  });

  it('reads entity and relationship types in any case, and names one that is none', () => {
    expect(searchQuerySchema.parse({ q: 'a', types: 'organisation, DPG,dpg' }).types).toEqual([
      'Organisation',
      'DPG',
      'DPG',
    ]);
    const error = refusal(() =>
      parseInput(searchQuerySchema, { q: 'a', types: 'organisation,people' }, 'query'),
    );
    expect(error.details).toMatchObject([{ path: 'query.types.1' }]);
    expect(subgraphBodySchema.parse({ ids: ['org:a'], rels: ['funds', ' Leads '] }).rels).toEqual([
      'FUNDS',
      'LEADS',
    ]);
    expect(subgraphBodySchema.safeParse({ ids: ['org:a'], rels: ['fund'] }).success).toBe(false);
  });

  it('reads the organisation kinds paths avoid in any case, and names one that is none', () => {
    const ends = { from: 'org:a', to: 'org:b' };
    expect(parseInput(pathsQuerySchema, ends, 'query').avoidKinds).toEqual([]);
    expect(
      parseInput(pathsQuerySchema, { ...ends, avoidKinds: 'Company, un-agency,,NGO' }, 'query')
        .avoidKinds,
    ).toEqual(['company', 'un-agency', 'ngo']);
    // A 400 (ValidationError) that says which of the items is not a kind, and what kinds are.
    const error = refusal(() =>
      parseInput(pathsQuerySchema, { ...ends, avoidKinds: 'company,startup' }, 'query'),
    );
    expect(error.status).toBe(400);
    expect(error.details).toMatchObject([
      { path: 'query.avoidKinds.1', message: expect.stringContaining('"startup"') },
    ]);
    expect((error.details as { message: string }[])[0]!.message).toContain('multilateral-bank');
    // An entity type is not a kind.
    expect(pathsQuerySchema.safeParse({ ...ends, avoidKinds: 'Organisation' }).success).toBe(false);
  });

  // Parameters a route does not take are refused before it (unknown-parameters.ts); the schema
  // itself only reads its own.
  it('leaves a parameter the schema does not read to the guard, repeated or not', () => {
    expect(parseInput(searchQuerySchema, { q: 'dhis', _: ['1', '2'] }, 'query').q).toBe('dhis');
  });

  it('names a value that is not one of the choices, and the choices', () => {
    const error = refusal(() => parseInput(exportQuerySchema, { format: 'xlsx' }, 'query'));
    expect(error.details).toEqual([
      { path: 'query.format', message: '"xlsx" is not one of json, graphml, gexf, csv' },
    ]);
    expect(error.message).toBe(
      'Invalid query: query.format "xlsx" is not one of json, graphml, gexf, csv',
    );
    const kind = refusal(() => parseInput(collaboratorsQuerySchema, { kind: 'martian' }, 'query'));
    expect(kind.details).toMatchObject([
      {
        path: 'query.kind',
        message: expect.stringMatching(/^"martian" is not one of un-agency, /),
      },
    ]);
  });

  it('says in words what type a value must be, and what came instead', () => {
    const error = refusal(() =>
      parseInput(subgraphBodySchema, { ids: [1, { a: 'b' }, null] }, 'body'),
    );
    expect(error.details).toEqual([
      { path: 'body.ids.0', message: 'must be text (a JSON string), not the number 1' },
      { path: 'body.ids.1', message: 'must be text (a JSON string), not an object' },
      { path: 'body.ids.2', message: 'must be text (a JSON string), not null' },
    ]);
    // A long value is quoted cut short: the message is not a copy of the request.
    const long = refusal(() => parseInput(subgraphBodySchema, { ids: 'x'.repeat(5000) }, 'body'));
    expect((long.details as { message: string }[])[0]!.message.length).toBeLessThan(120);
    // Nor is a value nested past the stack's depth written out: it is named, not stringified.
    let deep: unknown = 'org:a';
    for (let level = 0; level < 20_000; level += 1) deep = { ids: deep };
    expect(refusal(() => parseInput(subgraphBodySchema, { ids: deep }, 'body')).details).toEqual([
      { path: 'body.ids', message: 'must be a list (a JSON array), not an object' },
    ]);
  });

  it('says only that a value has the wrong type, not what else its checks found', () => {
    const error = refusal(() => parseInput(subgraphBodySchema, { ids: [['abc', 'def']] }, 'body'));
    expect(error.details).toEqual([
      { path: 'body.ids.0', message: 'must be text (a JSON string), not a list' },
    ]);
  });

  it('names each body field the request does not take, what was meant and what it takes', () => {
    const error = refusal(() =>
      parseInput(subgraphBodySchema, { ids: ['org:a'], rel: [], ['x'.repeat(500)]: 1 }, 'body'),
    );
    expect(error.details).toEqual([
      {
        path: 'body.rel',
        message: 'is not a field this request takes (did you mean rels?); it takes ids, rels',
      },
      {
        path: `body.${'x'.repeat(59)}…`,
        message: 'is not a field this request takes; it takes ids, rels',
      },
    ]);
    // Below the top level, where the schema is no plain object: named, no list.
    const nested = refusal(() =>
      parseInput(
        relationshipBodySchema,
        { from: 'org:a', type: 'FUNDS', to: 'dpg:b', properties: { rol: 'x' } },
        'body',
      ),
    );
    expect(nested.details).toEqual([
      { path: 'body.properties.rol', message: 'is not a field here' },
    ]);
  });

  it('says what a UUID looks like', () => {
    const error = refusal(() => parseInput(uuidParamsSchema, { id: 'not-a-uuid' }, 'path'));
    expect(error.details).toEqual([
      {
        path: 'path.id',
        message: '"not-a-uuid" is not a UUID, like 3f2c1a9e-8b4d-4c6f-9a7e-2d5b8c1e0f43',
      },
    ]);
  });

  it('reads every word from a fixed list in any case: formats, modes, relationship types, entity types', () => {
    expect(parseInput(exportQuerySchema, { format: 'GraphML' }, 'query').format).toBe('graphml');
    expect(parseInput(overviewQuerySchema, { mode: 'Summary' }, 'query').mode).toBe('summary');
    const ends = { from: 'org:a', to: 'dpg:b' };
    expect(parseInput(relationshipBodySchema, { ...ends, type: 'funds' }, 'body').type).toBe(
      'FUNDS',
    );
    expect(
      parseInput(createEntityBodySchema, { type: 'dpg', properties: { name: 'Kit' } }, 'body').type,
    ).toBe('DPG');
  });

  it('refuses the parameters of an export that mean nothing without another', () => {
    expect(
      refusal(() => parseInput(exportQuerySchema, { part: 'edges' }, 'query')).details,
    ).toEqual([
      {
        path: 'query.part',
        message: 'is for format=csv only (a json export holds nodes and edges)',
      },
    ]);
    expect(refusal(() => parseInput(exportQuerySchema, { depth: '2' }, 'query')).details).toEqual([
      {
        path: 'query.depth',
        message: 'is for id only: the hops from the entity whose neighbourhood is exported',
      },
    ]);
    const csv = parseInput(exportQuerySchema, { format: 'csv', part: 'edges' }, 'query');
    expect(csv.part).toBe('edges');
    expect(parseInput(exportQuerySchema, { id: 'org:a', depth: '2' }, 'query').depth).toBe(2);
  });

  it('says which id a path from an entity to itself names twice', () => {
    const error = refusal(() =>
      parseInput(pathsQuerySchema, { from: 'org:unicef', to: 'org:unicef' }, 'query'),
    );
    expect(error.details).toEqual([
      {
        path: 'query.to',
        message: 'is "org:unicef", the same as from: a path needs two different ends',
      },
    ]);
  });

  it('leaves lists in a body to the schema', () => {
    const error = refusal(() => parseInput(searchQuerySchema, { q: ['a', 'b'] }, 'body'));
    expect((error.details as { path: string }[])[0]?.path).toBe('body.q');
  });
});
