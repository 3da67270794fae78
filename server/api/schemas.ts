/**
 * Request and response schemas of the API, defined once: validation, TypeScript types and the
 * OpenAPI document (server/api/openapi.ts) derive from them. Limits are named constants so the
 * routes, the services and the document agree on defaults and maxima.
 */
import { z } from 'zod';
import { ENTITY_ID_PATTERN, MAX_ENTITY_ID_LENGTH, canonicalEntityId } from '../model/entity-ids.ts';
import { LIMITS } from './limits.ts';
import { ENTITY_TYPES, ORGANISATION_KINDS, RELATIONSHIP_TYPES } from '../model/graph-model.ts';

export { ENTITY_ID_PATTERN };

export const entityIdSchema = z
  .string()
  // Spaces around a pasted id (a spreadsheet cell, a link's trailing %20) are not part of it.
  .trim()
  .min(3)
  .max(MAX_ENTITY_ID_LENGTH)
  // `country:ke` is `country:KE` and `ORG:UNICEF` is `org:unicef`, before the pattern is checked:
  // the same canonical ids the insight endpoints' country filter and shared links read.
  .overwrite(canonicalEntityId)
  .regex(ENTITY_ID_PATTERN, 'must look like "org:unicef" or "activity:unicef/some-title"')
  // `pattern` restated: the generator would copy the regex's `/u` flag into the pattern.
  .meta({
    description: 'An entity id: `<prefix>:<slug>`',
    example: 'org:unicef',
    pattern: ENTITY_ID_PATTERN.source,
  });

export { LIMITS };

/** Reads a word of `values` in any case, as entity ids are read: `funds` is FUNDS. */
export function canonicalCase<const T extends readonly [string, ...string[]]>(values: T) {
  const canonical = new Map(values.map((value) => [value.toLowerCase(), value]));
  return (word: string) => canonical.get(word.trim().toLowerCase()) ?? word;
}

/**
 * One of `values`, written in any case (`kind=government`, `rels: ["funds"]`). The schema is the
 * enum itself after a preprocess, so the OpenAPI document still lists the values.
 */
export function anyCase<const T extends readonly [string, ...string[]]>(values: T) {
  const canonical = canonicalCase(values);
  return z.preprocess((v) => (typeof v === 'string' ? canonical(v) : v), z.enum(values));
}

/**
 * A comma-separated query parameter whose items must belong to a whitelist (`types=DPG,Country`).
 * The whitelists come from the graph model, so no other label or type can reach a query. An item
 * outside it is named in the error, with what `item` is: zod's own message listed the options but
 * not which of several comma-separated items was wrong.
 */
function commaList<const T extends readonly [string, ...string[]]>(
  values: T,
  item: string,
  description: string,
) {
  const canonical = canonicalCase(values);
  return z
    .string()
    .max(1000)
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
            .map(canonical)
        : [],
    )
    .pipe(
      z.array(
        z.enum(values, {
          error: (issue) =>
            `${JSON.stringify(issue.input)} is not ${item}: expected one of ${values.join(', ')}`,
        }),
      ),
    )
    .meta({ description });
}

const entityTypesParam = (what: string) =>
  commaList(
    ENTITY_TYPES,
    'an entity type',
    `${what}; comma-separated, any of ${ENTITY_TYPES.join(', ')}`,
  );
const relationshipTypesParam = (what: string) =>
  commaList(
    RELATIONSHIP_TYPES,
    'a relationship type',
    `${what}; comma-separated, any of ${RELATIONSHIP_TYPES.join(', ')}`,
  );
const organisationKindsParam = (what: string) =>
  commaList(
    ORGANISATION_KINDS,
    'an organisation kind',
    `${what}; comma-separated, any of ${ORGANISATION_KINDS.join(', ')}`,
  );

/**
 * A query parameter's text as a whole number. Read as a person or a form writes it: an empty
 * value (`?limit=`) is no value, so the default applies rather than 0; only decimal digits count
 * (`0x10`, `1e1` and `1.5` are refused, not read as 16, 10 or cut to 1).
 */
function wholeNumber(value: unknown, ctx: z.core.$RefinementCtx): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return undefined;
  if (!/^[+-]?\d+$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'must be a whole number written in digits' });
    return z.NEVER;
  }
  // Digits past the safe range are as good as the largest safe number: the range check then says
  // once what the limit is, where zod's own safe-integer check would add a second message.
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : Math.sign(number) * Number.MAX_SAFE_INTEGER;
}

/** A whole-number query parameter between `min` and `max`, `fallback` when absent or empty. */
export function intParam(min: number, max: number, fallback: number, description: string) {
  return z
    .preprocess(wholeNumber, z.number().int().min(min).max(max).default(fallback))
    .meta({ description: `${description} (${min}–${max}, default ${fallback})` });
}

/**
 * {@link intParam} left undefined when absent, for a parameter refused where it means nothing
 * (the service applies `fallback`, which the document still names).
 */
export function optionalIntParam(min: number, max: number, fallback: number, description: string) {
  return z
    .preprocess(wholeNumber, z.number().int().min(min).max(max).optional())
    .meta({ description: `${description} (${min}–${max}, default ${fallback})` });
}

/** A whole-number query parameter the request must give (see {@link wholeNumber}). */
export function requiredIntParam(min: number, description: string) {
  // No limit of its own to name: a number past the safe range (read as the largest) is refused.
  return z
    .preprocess(wholeNumber, z.number().int().min(min).lt(Number.MAX_SAFE_INTEGER, 'is too large'))
    .meta({ description });
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(LIMITS.search.maxQueryChars, `is at most ${LIMITS.search.maxQueryChars} characters`)
    .meta({
      description:
        'What to look for in names, aliases and descriptions. Each word matches as a prefix and, from four letters on, despite one typo. Lucene syntax is searched for literally, never interpreted.',
      example: 'dhis',
    }),
  types: entityTypesParam('Only entities of these types'),
  limit: intParam(1, LIMITS.search.max, LIMITS.search.default, 'Results per page'),
  offset: intParam(0, LIMITS.search.maxOffset, 0, 'Results to skip, for paging'),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const OVERVIEW_MODES = ['full', 'summary', 'auto'] as const;
export type OverviewMode = (typeof OVERVIEW_MODES)[number];

export const overviewQuerySchema = z.object({
  limit: intParam(
    1,
    LIMITS.overview.max,
    LIMITS.overview.default,
    'Most entities shown in full mode; the best-connected ones first',
  ),
  mode: anyCase(OVERVIEW_MODES).default('full').meta({
    description:
      'full: the whole graph, or its `limit` best-connected entities when larger. summary: one meta-node per entity type and one meta-edge per (type, relationship, type) with counts. auto: full when the graph has at most `limit` entities, else summary.',
  }),
});

export const entityParamsSchema = z.object({ id: entityIdSchema });

export const entityQuerySchema = z.object({
  neighbours: intParam(
    0,
    LIMITS.entityNeighbours.max,
    LIMITS.entityNeighbours.default,
    'Most neighbours listed; `neighbourSummary` counts all of them',
  ),
});

export const neighbourhoodQuerySchema = z.object({
  id: entityIdSchema,
  depth: intParam(
    1,
    LIMITS.neighbourhood.maxDepth,
    LIMITS.neighbourhood.defaultDepth,
    'Hops from the entity',
  ),
  types: entityTypesParam('Expand only into entities of these types (the centre is always shown)'),
  rels: relationshipTypesParam('Follow only these relationship types'),
  limit: intParam(
    1,
    LIMITS.neighbourhood.max,
    LIMITS.neighbourhood.default,
    'Most entities besides the centre; nearer and better-connected ones first. `omitted` says what was left out, by type',
  ),
  prefer: entityTypesParam(
    'Entity types to keep first when capping, e.g. after "show more organisations"; a hop that reaches its relationship budget is walked again for these types alone, so other types cannot crowd them out',
  ),
});
export type NeighbourhoodQuery = z.infer<typeof neighbourhoodQuerySchema>;

/** A body's relationship type filter: only these types, any case, all when empty. */
const relationshipTypesBody = z
  .array(anyCase(RELATIONSHIP_TYPES))
  .max(RELATIONSHIP_TYPES.length)
  .default([])
  .meta({ description: 'Only relationships of these types (all when empty)' });

export const subgraphBodySchema = z.strictObject({
  ids: z
    .array(entityIdSchema)
    .min(1)
    .max(LIMITS.subgraph.maxIds)
    .meta({
      description: `Entity ids (1–${LIMITS.subgraph.maxIds}); unknown ones are listed in \`missing\``,
    }),
  rels: relationshipTypesBody,
});

export const relationshipDetailsBodySchema = z.strictObject({
  ids: z
    .array(entityIdSchema)
    .min(1)
    .max(LIMITS.relationshipDetails.maxIds)
    .meta({
      description: `Entity ids (1–${LIMITS.relationshipDetails.maxIds}): the relationships among them are read; unknown ones add nothing`,
    }),
  rels: relationshipTypesBody,
});

export const pathsQuerySchema = z
  .object({
    from: entityIdSchema,
    to: entityIdSchema,
    maxHops: intParam(
      1,
      LIMITS.paths.maxHops,
      LIMITS.paths.defaultMaxHops,
      'Longest path considered, in relationships',
    ),
    k: intParam(
      1,
      LIMITS.paths.maxK,
      LIMITS.paths.defaultK,
      'Paths returned: the shortest, then alternatives of equal or increasing length',
    ),
    rels: relationshipTypesParam('Follow only these relationship types'),
    avoid: entityTypesParam(
      'Pass through no entity of these types (the two ends may be of them): the explorer sends the types its filters hide',
    ),
    avoidKinds: organisationKindsParam(
      'Pass through no organisation of these kinds (the two ends may be of them): the explorer sends the kinds its filters hide',
    ),
  })
  .refine((q) => q.from !== q.to, {
    // Read after its path: "query.to is "org:unicef", the same as from: …".
    error: (issue) =>
      `is ${JSON.stringify((issue.input as { to?: unknown }).to)}, the same as from: a path needs two different ends`,
    path: ['to'],
  });
export type PathsQuery = z.infer<typeof pathsQuerySchema>;

export const statsQuerySchema = z.object({
  top: intParam(
    1,
    LIMITS.stats.maxTop,
    LIMITS.stats.defaultTop,
    'Entities in the top-by-degree list',
  ),
  examples: intParam(
    0,
    LIMITS.stats.maxExamples,
    LIMITS.stats.defaultExamples,
    'Entities listed per coverage question (the count is always complete)',
  ),
});

export const facetsQuerySchema = z.object({
  limit: intParam(
    1,
    LIMITS.facets.max,
    LIMITS.facets.default,
    'Most values per facet, most frequent first',
  ),
});

export const EXPORT_FORMATS = ['json', 'graphml', 'gexf', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_PARTS = ['nodes', 'edges'] as const;
export type ExportPart = (typeof EXPORT_PARTS)[number];

export const exportQuerySchema = z
  .object({
    format: anyCase(EXPORT_FORMATS).default('json').meta({
      description:
        'json: Cytoscape.js JSON (Cytoscape desktop imports it); graphml: Gephi, Cytoscape desktop, yEd; gexf: Gephi; csv: one table for spreadsheets (nodes, or edges with part=edges)',
    }),
    // `part` and `depth` have no default here: given where they mean nothing (part for json,
    // depth without id) they are refused, not ignored, as unknown parameters are.
    part: anyCase(EXPORT_PARTS)
      .optional()
      .meta({ description: 'With format=csv only: the node table (default) or the edge table' }),
    id: entityIdSchema.optional().meta({
      description: 'Export the neighbourhood of this entity instead of the whole graph',
    }),
    depth: optionalIntParam(
      1,
      LIMITS.neighbourhood.maxDepth,
      LIMITS.neighbourhood.defaultDepth,
      'With id only: hops from the entity',
    ),
    types: entityTypesParam('Only entities of these types (with id: expand only into them)'),
    rels: relationshipTypesParam('Only relationships of these types'),
    limit: intParam(
      1,
      LIMITS.export.max,
      LIMITS.export.default,
      'Most entities exported; the best-connected (or, with id, the nearest) first',
    ),
  })
  .superRefine((query, ctx) => {
    if (query.part !== undefined && query.format !== 'csv')
      ctx.addIssue({
        code: 'custom',
        path: ['part'],
        message: `is for format=csv only (a ${query.format} export holds nodes and edges)`,
      });
    if (query.depth !== undefined && query.id === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['depth'],
        message: 'is for id only: the hops from the entity whose neighbourhood is exported',
      });
  });
export type ExportQuery = z.infer<typeof exportQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Cytoscape elements, shared by every response that holds a graph
// ---------------------------------------------------------------------------------------------

const sourcesSchema = z
  .array(z.string())
  .meta({ description: 'Ids of the Source documents that state this element (provenance)' });

export const elementNodeSchema = z
  .object({
    data: z.object({
      id: z.string(),
      label: z.string().meta({ description: 'The entity name' }),
      type: z.string().meta({ description: `Entity type: ${ENTITY_TYPES.join(', ')}` }),
      kind: z.string().optional().meta({ description: 'Organisation kind and the like' }),
      degree: z
        .number()
        .int()
        .meta({ description: 'Relationships of the entity in the whole graph' }),
      sources: sourcesSchema,
      distance: z
        .number()
        .int()
        .optional()
        .meta({ description: 'Neighbourhood: hops from the centre' }),
      sectors: z
        .array(z.string())
        .optional()
        .meta({ description: 'DPG: sectors, as the registry names them' }),
      types: z
        .array(z.string())
        .optional()
        .meta({ description: 'DPG: types (software, content, data, aimodel, standard)' }),
      licenses: z.array(z.string()).optional().meta({ description: 'DPG: licences (SPDX ids)' }),
      stage: z.string().optional().meta({ description: 'DPG: registry stage (DPG, nominee…)' }),
      activityTypes: z
        .array(z.string())
        .optional()
        .meta({ description: 'Activity: types (funding, advocacy, capacity building…)' }),
      member: z
        .boolean()
        .optional()
        .meta({ description: 'Member of the DPGA (MEMBER_OF org:dpga); absent for non-members' }),
      board: z.boolean().optional().meta({
        description:
          'On the DPGA board (board flag of MEMBER_OF org:dpga, or MEMBER_OF group:dpga-board); present with member',
      }),
      pagerank: z
        .number()
        .optional()
        .meta({ description: 'Stored PageRank (absent until measures are computed)' }),
      betweenness: z
        .number()
        .optional()
        .meta({ description: 'Stored normalised betweenness centrality' }),
      community: z.number().int().optional().meta({ description: 'Stored Louvain community' }),
    }),
  })
  .meta({ id: 'NodeElement', description: 'A Cytoscape node element' });
export type NodeElement = z.infer<typeof elementNodeSchema>;

export const elementEdgeSchema = z
  .object({
    data: z.object({
      id: z.string().meta({ description: '`<source>|<type>|<target>`' }),
      source: z.string(),
      target: z.string(),
      type: z.string().meta({ description: `Relationship type: ${RELATIONSHIP_TYPES.join(', ')}` }),
      label: z.string().meta({ description: 'How the relationship reads, e.g. "leads"' }),
      sources: sourcesSchema,
    }),
  })
  .meta({ id: 'EdgeElement', description: 'A Cytoscape edge element, directed source → target' });
export type EdgeElement = z.infer<typeof elementEdgeSchema>;

export const entityTypes = ENTITY_TYPES;
